package org.opencio.vendor.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.ReviewComparison;
import org.opencio.vendor.ReviewFilter;
import org.opencio.vendor.ReviewPeriod;
import org.opencio.vendor.SaveVendorReview;
import org.opencio.vendor.Scores;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorManagement;
import org.opencio.vendor.VendorReviewManagement;
import org.opencio.vendor.VendorReviewView;
import org.opencio.vendor.VendorView;
import org.opencio.platform.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Vendor scorecards: the list, the form, and the comparison of the vendors of a category. */
@Controller
@RequestMapping("/o/{orgSlug}/vendor-reviews")
class VendorReviewWebController {

    /** The review form, its values as typed. */
    record ReviewForm(
            @Nullable String vendorId,
            @Nullable String period,
            @Nullable String quality,
            @Nullable String delivery,
            @Nullable String support,
            @Nullable String cost,
            @Nullable String relationship,
            @Nullable String innovation,
            @Nullable String comments) {

        static ReviewForm of(VendorReviewView r) {
            return new ReviewForm(r.vendorId().toString(), r.period(), Integer.toString(r.quality()), Integer.toString(r.delivery()),
                    Integer.toString(r.support()), Integer.toString(r.cost()), Integer.toString(r.relationship()),
                    Integer.toString(r.innovation()), r.comments());
        }

        SaveVendorReview command(@Nullable UUID fixedVendor) {
            var values = new FormValues();
            var command = new SaveVendorReview(fixedVendor != null ? fixedVendor : values.id("vendorId", vendorId), period,
                    values.number("quality", quality), values.number("delivery", delivery), values.number("support", support),
                    values.number("cost", cost), values.number("relationship", relationship), values.number("innovation", innovation), comments);
            values.throwIfAny();
            return command;
        }

        /** The scores the form shows chosen, by dimension (what cannot be read shows none). */
        Map<String, @Nullable Integer> scores() {
            Map<String, @Nullable Integer> scores = new LinkedHashMap<>();
            String[] given = {quality, delivery, support, cost, relationship, innovation};
            for (int i = 0; i < given.length; i++) {
                Integer value = null;
                try {
                    value = given[i] == null ? null : Integer.valueOf(given[i].strip());
                } catch (NumberFormatException e) {
                    // shown unchosen, with its error
                }
                scores.put(Scores.DIMENSIONS.get(i), value);
            }
            return scores;
        }
    }

    private final VendorReviewManagement reviews;
    private final VendorManagement vendors;
    private final VendorCharts charts;
    private final MessageSource messages;

    VendorReviewWebController(VendorReviewManagement reviews, VendorManagement vendors, VendorCharts charts, MessageSource messages) {
        this.reviews = reviews;
        this.vendors = vendors;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        String shownPeriod = period == null || period.isBlank() ? null : period.strip();
        model.addAttribute("vendorId", vendorId);
        model.addAttribute("category", category);
        model.addAttribute("period", shownPeriod);
        model.addAttribute("sort", sort == null || sort.isBlank() ? "-period" : sort);
        model.addAttribute("vendorOptions", vendors.options(null));
        model.addAttribute("categories", VendorCategory.values());
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.VENDORS_MANAGE));
        model.addAttribute("myAccount", TenantContext.requireAccess().accountId());
        try {
            model.addAttribute("page", reviews.list(new ReviewFilter(vendorId, category, shownPeriod, null), null, cursor, sort));
        } catch (InvalidInputException e) {
            // A period typed wrongly is shown at its field, with the unfiltered list.
            model.addAttribute("errors", e.byField());
            model.addAttribute("page", reviews.list(new ReviewFilter(vendorId, category, null, null), null, null, null));
        }
        return "vendor/reviews";
    }

    @GetMapping("/comparison")
    String comparison(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable String period,
            Model model) {
        Map<VendorCategory, Integer> counts = reviews.categories();
        VendorCategory chosen = category;
        if (chosen == null) {
            chosen = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(VendorCategory.SOFTWARE);
        }
        String shownPeriod = period == null || period.isBlank() ? null : period.strip();
        ReviewComparison comparison;
        try {
            comparison = reviews.compare(chosen, shownPeriod);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            comparison = reviews.compare(chosen, null);
        }
        String categoryName = messages.getMessage("vendors.category." + chosen.name(), null, chosen.name(), LocaleContextHolder.getLocale());
        model.addAttribute("comparison", comparison);
        model.addAttribute("category", chosen);
        model.addAttribute("period", shownPeriod);
        model.addAttribute("counts", counts);
        model.addAttribute("dimensions", Scores.DIMENSIONS);
        if (comparison.rows().stream().anyMatch(r -> !r.scores().empty())) {
            model.addAttribute("chart", charts.comparison("comparison", categoryName, comparison));
        }
        return "vendor/review-comparison";
    }

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable String vendorId, Model model) {
        Access.require(Permission.VENDORS_MANAGE);
        UUID vendor = null;
        if (vendorId != null && !vendorId.isBlank()) {
            vendor = vendors.get(Ids.parse(vendorId, "Vendor")).id();
        }
        String period = ReviewPeriod.quarterOf(VendorPages.today()).label();
        var form = new ReviewForm(vendor == null ? null : vendor.toString(), period, null, null, null, null, null, null, null);
        model.addAttribute("form", form);
        model.addAttribute("scores", form.scores());
        return form(model, null, period);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") ReviewForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.VENDORS_MANAGE);
        form(model, null, form.period());
        model.addAttribute("scores", form.scores());
        return Forms.submit(model, "vendor/review-form", binding, () -> {
            VendorReviewView r = reviews.create(form.command(null));
            Flash.success(redirect, "vendors.reviews.created", r.vendorName(), r.period());
            return "redirect:/o/" + orgSlug + "/vendors/" + r.vendorId() + "#reviews";
        });
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        VendorReviewView review = reviews.get(Ids.parse(id, "Review"));
        Access.require(Permission.VENDORS_MANAGE);
        var form = ReviewForm.of(review);
        model.addAttribute("form", form);
        model.addAttribute("scores", form.scores());
        return form(model, review, review.period());
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") ReviewForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorReviewView review = reviews.get(Ids.parse(id, "Review"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, review, form.period());
        model.addAttribute("scores", form.scores());
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/review-form", binding, () -> {
            VendorReviewView r = reviews.update(review.id(), form.command(review.vendorId()), version);
            Flash.success(redirect, "vendors.reviews.updated", r.vendorName(), r.period());
            return "redirect:/o/" + orgSlug + "/vendors/" + r.vendorId() + "#reviews";
        });
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable String orgSlug, @PathVariable String id, RedirectAttributes redirect) {
        VendorReviewView review = reviews.get(Ids.parse(id, "Review"));
        reviews.withdraw(review.id(), null);
        Flash.success(redirect, "vendors.reviews.withdrawn", review.vendorName(), review.period());
        return "redirect:/o/" + orgSlug + "/vendors/" + review.vendorId() + "#reviews";
    }

    private String form(Model model, @Nullable VendorReviewView review, @Nullable String period) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("review", review);
        if (review != null) {
            model.addAttribute("version", review.version());
            model.addAttribute("mine", review.reviewerId().equals(access.accountId()));
            model.addAttribute("mayWithdraw", review.reviewerId().equals(access.accountId()) || access.role() == Role.CIO);
        }
        model.addAttribute("vendorOptions", vendors.options(null));
        model.addAttribute("periods", periods(VendorPages.today(), period));
        model.addAttribute("dimensions", Scores.DIMENSIONS);
        return "vendor/review-form";
    }


    /** The periods a review is usually for: the last eight quarters, four halves and three years, newest first. */
    static Map<String, List<String>> periods(LocalDate today, @Nullable String keep) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> quarters = new ArrayList<>();
        LocalDate day = today;
        for (int i = 0; i < 8; i++) {
            quarters.add(ReviewPeriod.quarterOf(day).label());
            day = day.minusMonths(3);
        }
        List<String> halves = new ArrayList<>();
        int half = today.getMonthValue() <= 6 ? 1 : 2;
        int year = today.getYear();
        for (int i = 0; i < 4; i++) {
            halves.add(year + "-H" + half);
            if (half == 1) {
                half = 2;
                year--;
            } else {
                half = 1;
            }
        }
        List<String> years = List.of(Integer.toString(today.getYear()), Integer.toString(today.getYear() - 1),
                Integer.toString(today.getYear() - 2));
        groups.put("quarters", quarters);
        groups.put("halves", halves);
        groups.put("years", years);
        if (keep != null && !keep.isBlank()) {
            String label = ReviewPeriod.parse(keep).map(ReviewPeriod::label).orElse(keep.strip());
            if (groups.values().stream().noneMatch(l -> l.contains(label))) {
                groups.put("other", List.of(label));
            }
        }
        return groups;
    }
}

package org.opencio.vendor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.platform.web.Formats;
import org.opencio.shared.Ids;
import org.opencio.vendor.ImportRejectedException;
import org.opencio.vendor.ImportResult;
import org.opencio.vendor.PossibleDuplicatesException;
import org.opencio.vendor.ReviewFilter;
import org.opencio.vendor.ReviewTrend;
import org.opencio.vendor.RiskTier;
import org.opencio.vendor.SaveVendor;
import org.opencio.vendor.SpendReport;
import org.opencio.vendor.StrategicTier;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorContactManagement;
import org.opencio.vendor.VendorContracts;
import org.opencio.vendor.VendorCsv;
import org.opencio.vendor.VendorFilter;
import org.opencio.vendor.VendorManagement;
import org.opencio.vendor.VendorNoteManagement;
import org.opencio.vendor.VendorReviewManagement;
import org.opencio.vendor.VendorSpend;
import org.opencio.vendor.VendorStatus;
import org.opencio.vendor.VendorView;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vendor register: the list, a vendor's page with everything known about it, the vendor form, CSV import and export. */
@Controller
@RequestMapping("/o/{orgSlug}/vendors")
class VendorWebController {

    /** The vendor form; tags typed as one text, separated by commas. */
    record VendorForm(
            @Nullable String legalName,
            @Nullable String tradingName,
            @Nullable String category,
            @Nullable String website,
            @Nullable String status,
            @Nullable String strategicTier,
            @Nullable String riskTier,
            @Nullable String tags,
            @Nullable String notes,
            @Nullable String ownerId,
            @Nullable Boolean allowDuplicate) {

        static VendorForm empty() {
            return new VendorForm(null, null, null, null, "ACTIVE", "TACTICAL", "MEDIUM", null, null, null, null);
        }

        static VendorForm of(VendorView v) {
            return new VendorForm(v.legalName(), v.tradingName(), v.category().name(), v.website(), v.status().name(), v.strategicTier().name(),
                    v.riskTier().name(), String.join(", ", v.tags()), v.notes(), v.ownerId() == null ? null : v.ownerId().toString(), null);
        }

        SaveVendor command() {
            var values = new FormValues();
            var command = new SaveVendor(legalName, tradingName, values.choice("category", category, VendorCategory.class), website,
                    values.choice("status", status, VendorStatus.class), values.choice("strategicTier", strategicTier, StrategicTier.class),
                    values.choice("riskTier", riskTier, RiskTier.class), TagText.parse(tags), notes, values.id("ownerId", ownerId));
            values.throwIfAny();
            return command;
        }
    }

    private final VendorManagement vendors;
    private final VendorContactManagement contacts;
    private final VendorNoteManagement notes;
    private final VendorReviewManagement reviews;
    private final VendorContracts contracts;
    private final VendorSpend spend;
    private final VendorCsv csv;
    private final MemberManagement members;
    private final VendorCharts charts;
    private final Formats fmt;

    VendorWebController(
            VendorManagement vendors,
            VendorContactManagement contacts,
            VendorNoteManagement notes,
            VendorReviewManagement reviews,
            VendorContracts contracts,
            VendorSpend spend,
            VendorCsv csv,
            MemberManagement members,
            VendorCharts charts,
            Formats fmt) {
        this.vendors = vendors;
        this.contacts = contacts;
        this.notes = notes;
        this.reviews = reviews;
        this.contracts = contracts;
        this.spend = spend;
        this.csv = csv;
        this.members = members;
        this.charts = charts;
        this.fmt = fmt;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable VendorStatus status,
            @RequestParam(required = false) @Nullable StrategicTier strategicTier,
            @RequestParam(required = false) @Nullable RiskTier riskTier,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletRequest request,
            Model model) {
        var filter = new VendorFilter(q, category, status, strategicTier, riskTier, tag, ownerId, archived);
        String query = request.getQueryString();
        model.addAttribute("exportLink", request.getContextPath() + "/o/" + orgSlug + "/vendors/export.csv"
                + (query == null || query.isBlank() ? "" : "?" + query));
        model.addAttribute("page", vendors.list(filter, null, cursor, sort));
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", q != null && !q.isBlank() || category != null || status != null || strategicTier != null
                || riskTier != null || (tag != null && !tag.isBlank()) || ownerId != null || archived);
        model.addAttribute("sort", sort == null || sort.isBlank() ? "name" : sort);
        model.addAttribute("tags", vendors.tags());
        model.addAttribute("owners", vendors.owners());
        choices(model);
        model.addAttribute("canManage", can(Permission.VENDORS_MANAGE));
        return "vendor/vendors";
    }

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.VENDORS_MANAGE);
        model.addAttribute("form", VendorForm.empty());
        return form(model, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") VendorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.VENDORS_MANAGE);
        form(model, null);
        return Forms.submit(model, "vendor/vendor-form", binding, () -> {
            try {
                VendorView v = vendors.create(form.command(), Boolean.TRUE.equals(form.allowDuplicate()));
                Flash.success(redirect, "vendors.created", v.name());
                return "redirect:/o/" + orgSlug + "/vendors/" + v.id();
            } catch (PossibleDuplicatesException e) {
                model.addAttribute("duplicates", e.candidates());
                return "vendor/vendor-form";
            }
        });
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        VendorView vendor = vendors.get(Ids.parse(id, "Vendor"));
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("vendor", vendor);
        model.addAttribute("contacts", contacts.list(vendor.id()));
        model.addAttribute("notes", notes.list(vendor.id()));
        model.addAttribute("canManage", access.can(Permission.VENDORS_MANAGE));
        model.addAttribute("canContracts", access.can(Permission.CONTRACTS_VIEW));
        if (access.can(Permission.CONTRACTS_VIEW)) {
            model.addAttribute("contracts", contracts.of(vendor.id()));
        }
        ReviewTrend trend = reviews.trend(vendor.id());
        model.addAttribute("trend", trend);
        if (!trend.points().isEmpty()) {
            model.addAttribute("overallChart", charts.overallTrend("trend-overall", vendor.name(), trend));
            model.addAttribute("dimensionChart", charts.dimensionTrend("trend-dimensions", vendor.name(), trend));
        }
        model.addAttribute("reviews", reviews.list(new ReviewFilter(vendor.id(), null, null, null), 10, null, "-period"));
        int year = spend.currentFiscalYear();
        SpendReport report = spend.report(year, null, vendor.id());
        model.addAttribute("spend", report);
        SpendReport.Row row = report.rows().isEmpty()
                ? new SpendReport.Row(vendor.id(), vendor.name(), vendor.category(), vendor.strategicTier(), 0, BigDecimal.ZERO, List.of(),
                        report.budget() ? BigDecimal.ZERO : null, report.budget() ? BigDecimal.ZERO : null, report.budget() ? BigDecimal.ZERO : null,
                        null, BigDecimal.ZERO)
                : report.rows().getFirst();
        model.addAttribute("spendRow", row);
        model.addAttribute("otherCurrencies", row.otherCurrencies().stream().map(a -> fmt.money(a.amount(), a.currency()))
                .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("myAccount", access.accountId());
        model.addAttribute("canBudget", access.can(Permission.BUDGET_VIEW));
        model.addAttribute("today", VendorPages.today());
        model.addAttribute("soon", VendorPages.today().plusDays(60));
        return "vendor/vendor";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        Access.require(Permission.VENDORS_MANAGE);
        VendorView vendor = vendors.get(Ids.parse(id, "Vendor"));
        model.addAttribute("form", VendorForm.of(vendor));
        return form(model, vendor);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") VendorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(id, "Vendor"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, vendor);
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/vendor-form", binding, () -> {
            VendorView v = vendors.update(vendor.id(), form.command(), version);
            Flash.success(redirect, "vendors.updated", v.name());
            return "redirect:/o/" + orgSlug + "/vendors/" + v.id();
        });
    }

    @PostMapping("/{id}/archive")
    String archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        VendorView v = vendors.archive(Ids.parse(id, "Vendor"), reason, null);
        Flash.success(redirect, "vendors.archived", v.name());
        return "redirect:/o/" + orgSlug + "/vendors/" + v.id();
    }

    @PostMapping("/{id}/restore")
    String restore(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        VendorView v = vendors.restore(Ids.parse(id, "Vendor"), reason, null);
        Flash.success(redirect, "vendors.restored", v.name());
        return "redirect:/o/" + orgSlug + "/vendors/" + v.id();
    }

    // ---- CSV

    @GetMapping("/export.csv")
    void exportVendors(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable VendorStatus status,
            @RequestParam(required = false) @Nullable StrategicTier strategicTier,
            @RequestParam(required = false) @Nullable RiskTier riskTier,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(defaultValue = "false") boolean archived,
            HttpServletResponse response) throws IOException {
        ExportTable table = csv.exportVendors(new VendorFilter(q, category, status, strategicTier, riskTier, tag, ownerId, archived));
        write(table, "vendors-" + orgSlug, response);
    }

    @GetMapping("/contacts.csv")
    void exportContacts(@PathVariable String orgSlug, HttpServletResponse response) throws IOException {
        write(csv.exportContacts(VendorFilter.none()), "vendor-contacts-" + orgSlug, response);
    }

    @GetMapping("/import")
    String importPage(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.VENDORS_MANAGE);
        return importModel(model, "vendors");
    }

    @PostMapping("/import")
    String importFile(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "vendors") String kind,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.VENDORS_MANAGE);
        boolean contactFile = kind.equals("contacts");
        importModel(model, contactFile ? "contacts" : "vendors");
        return Forms.submit(model, "vendor/import", () -> {
            try {
                ImportResult result = contactFile ? csv.importContacts(file) : csv.importVendors(file);
                Flash.success(redirect, contactFile ? "vendors.import.contactsDone" : "vendors.import.vendorsDone",
                        result.rows(), result.created(), result.updated(), result.unchanged());
                return "redirect:/o/" + orgSlug + "/vendors" + (contactFile ? "/import" : "");
            } catch (ImportRejectedException e) {
                model.addAttribute("rejected", e.errors());
                return "vendor/import";
            }
        });
    }

    // ---- helpers

    private String importModel(Model model, String kind) {
        model.addAttribute("kind", kind);
        model.addAttribute("vendorColumns", VendorCsv.VENDOR_COLUMNS);
        model.addAttribute("contactColumns", VendorCsv.CONTACT_COLUMNS);
        choices(model);
        return "vendor/import";
    }

    private String form(Model model, @Nullable VendorView vendor) {
        model.addAttribute("vendor", vendor);
        if (vendor != null) {
            model.addAttribute("version", vendor.version());
        }
        choices(model);
        Map<UUID, String> people = new LinkedHashMap<>();
        if (can(Permission.MEMBERS_VIEW)) {
            members.list(new MemberFilter(null, null, null, true), 500, null, "name").items()
                    .forEach(m -> people.put(m.accountId(), m.displayName()));
        }
        if (vendor != null && vendor.ownerId() != null && !people.containsKey(vendor.ownerId())) {
            people.put(vendor.ownerId(), vendor.ownerName() == null ? "?" : vendor.ownerName());
        }
        model.addAttribute("people", people);
        return "vendor/vendor-form";
    }

    private static void choices(Model model) {
        model.addAttribute("categories", VendorCategory.values());
        model.addAttribute("statuses", VendorStatus.values());
        model.addAttribute("strategicTiers", StrategicTier.values());
        model.addAttribute("riskTiers", RiskTier.values());
    }

    private static boolean can(Permission permission) {
        return TenantContext.requireAccess().can(permission);
    }

    private static void write(ExportTable table, String name, HttpServletResponse response) throws IOException {
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + java.time.LocalDate.now() + ".csv\"");
        CsvWriter.write(table, response.getOutputStream());
    }
}

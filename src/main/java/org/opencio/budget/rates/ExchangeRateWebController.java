package org.opencio.budget.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.OrganizationManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Amounts;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
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

/** The exchange rates page of the budget's settings: the rates by date, a form for a new one, and the edit page of one. */
@Controller
@RequestMapping("/o/{orgSlug}/exchange-rates")
class ExchangeRateWebController {

    /** A rate as typed: the rate stays text until it is read in the organization's number format. */
    record RateForm(@Nullable String currency, @Nullable String rate, @Nullable LocalDate validFrom) {

        static RateForm of(ExchangeRateView r) {
            return new RateForm(r.currency(), rateText(r.rate()), r.validFrom());
        }

        SaveExchangeRate toCommand(Locale locale) {
            BigDecimal value;
            try {
                value = Amounts.parse(rate, locale);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("rate", "number", "rate is not a number");
            }
            return new SaveExchangeRate(currency, value, validFrom);
        }
    }

    private final ExchangeRateManagement rates;
    private final OrganizationManagement organizations;

    ExchangeRateWebController(ExchangeRateManagement rates, OrganizationManagement organizations) {
        this.rates = rates;
        this.organizations = organizations;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        model.addAttribute("form", new RateForm(null, null, LocalDate.now(zone())));
        return page(model, currency, archived, cursor, sort);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") RateForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.ACTUALS_RECORD);
        page(model, null, false, null, null);
        return Forms.submit(model, "budget/exchange-rates", binding, () -> {
            ExchangeRateView rate = rates.create(form.toCommand(locale()));
            Flash.success(redirect, "rates.created", rate.currency(), rate.validFrom().toString());
            return "redirect:/o/" + orgSlug + "/exchange-rates";
        });
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        ExchangeRateView rate = rates.get(Ids.parse(id, "Exchange rate"));
        model.addAttribute("form", RateForm.of(rate));
        model.addAttribute("version", rate.version());
        return editPage(model, rate);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("form") RateForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ExchangeRateView rate = rates.get(Ids.parse(id, "Exchange rate"));
        Access.require(Permission.ACTUALS_RECORD);
        model.addAttribute("version", version);
        editPage(model, rate);
        return Forms.submit(model, "budget/exchange-rate", binding, () -> {
            ExchangeRateView saved = rates.update(rate.id(), form.toCommand(locale()), version);
            Flash.success(redirect, "rates.updated", saved.currency(), saved.validFrom().toString());
            return "redirect:/o/" + orgSlug + "/exchange-rates";
        });
    }

    @PostMapping("/{id}/archive")
    String archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect) {
        UUID rateId = Ids.parse(id, "Exchange rate");
        ExchangeRateView rate = rates.get(rateId);
        Access.require(Permission.ACTUALS_RECORD);
        model.addAttribute("form", RateForm.of(rate));
        model.addAttribute("version", rate.version());
        editPage(model, rate);
        return Forms.submit(model, "budget/exchange-rate", () -> {
            rates.archive(rateId, reason, version);
            Flash.success(redirect, "rates.archived", rate.currency(), rate.validFrom().toString());
            return "redirect:/o/" + orgSlug + "/exchange-rates";
        });
    }

    /** A rate as the list shows it: "1 USD = 0.92 EUR". */
    record RateRow(ExchangeRateView rate, String text) {}

    private String page(Model model, @Nullable String currency, boolean archived, @Nullable String cursor, @Nullable String sort) {
        var page = rates.list(currency, archived, null, cursor, sort);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.items().stream().map(r -> new RateRow(r, rateText(r.rate()))).toList());
        model.addAttribute("sort", sort == null || sort.isBlank() ? "-validFrom" : sort);
        model.addAttribute("currency", currency);
        model.addAttribute("archived", archived);
        model.addAttribute("currencies", rates.currencies());
        model.addAttribute("baseCurrency", organizations.current().baseCurrency());
        model.addAttribute("canEdit", TenantContext.requireAccess().can(Permission.ACTUALS_RECORD));
        return "budget/exchange-rates";
    }

    private String editPage(Model model, ExchangeRateView rate) {
        model.addAttribute("rate", rate);
        model.addAttribute("rateText", rateText(rate.rate()));
        model.addAttribute("canEdit", TenantContext.requireAccess().can(Permission.ACTUALS_RECORD));
        return "budget/exchange-rate";
    }

    /** The rate in the organization's number format, with as many decimals as it has (up to ten). */
    static String rateText(BigDecimal rate) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(10);
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(rate);
    }

    private static java.time.ZoneId zone() {
        return TenantContext.access().map(OrgAccess::timeZone).map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
    }

    private static Locale locale() {
        return TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.UK);
    }
}

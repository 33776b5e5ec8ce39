package org.opencio.organization.web;

import java.time.ZoneId;
import java.util.List;
import org.opencio.organization.CreateOrganization;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.organization.UpdateOrganization;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organization settings (its CIO) and creating organizations (platform administrators). */
@Controller
class OrganizationWebController {

    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "INR", "SGD", "BRL", "ZAR");
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc") && !z.startsWith("SystemV")).sorted().toList();
    static final List<String> LOCALES = List.of("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "pl-PL", "sv-SE", "ja-JP");

    private final OrganizationManagement organizations;

    OrganizationWebController(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/o/{orgSlug}/settings")
    String settings(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.ORGANIZATION_MANAGE);
        OrganizationView org = organizations.current();
        model.addAttribute("form", new UpdateOrganization(org.name(), org.baseCurrency(), org.timeZone(), org.locale(), org.fiscalYearStartMonth()));
        model.addAttribute("version", org.version());
        return choices(model, "organization/settings");
    }

    @PostMapping("/o/{orgSlug}/settings")
    String saveSettings(
            @PathVariable String orgSlug,
            @RequestParam long version,
            @ModelAttribute("form") UpdateOrganization form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("version", version);
        choices(model, "organization/settings");
        return Forms.submit(model, "organization/settings", binding, () -> {
            organizations.update(form, version);
            Flash.success(redirect, "settings.saved");
            return "redirect:/o/" + orgSlug + "/settings";
        });
    }

    @GetMapping("/admin/organizations/new")
    String newOrganization(Model model) {
        Access.requirePlatformAdmin();
        model.addAttribute("form", new CreateOrganization(null, null, "EUR", "UTC", "en-US", 1));
        return choices(model, "organization/new-organization");
    }

    @PostMapping("/admin/organizations")
    String create(@ModelAttribute("form") CreateOrganization form, BindingResult binding, Model model, RedirectAttributes redirect) {
        choices(model, "organization/new-organization");
        return Forms.submit(model, "organization/new-organization", binding, () -> {
            OrganizationView org = organizations.create(form);
            Flash.success(redirect, "organizations.created", org.name());
            return "redirect:/o/" + org.slug();
        });
    }

    static String choices(Model model, String view) {
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("zones", ZONES);
        model.addAttribute("locales", LOCALES);
        return view;
    }
}

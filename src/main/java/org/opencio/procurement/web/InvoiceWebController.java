package org.opencio.procurement.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.VendorDirectory;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.InvoiceFilter;
import org.opencio.procurement.InvoiceManagement;
import org.opencio.procurement.InvoiceStatus;
import org.opencio.procurement.InvoiceView;
import org.opencio.shared.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of invoices: the list with the waiting mismatches first in mind, an invoice with its match, and the tolerance. */
@Controller
@RequestMapping("/o/{orgSlug}/invoices")
class InvoiceWebController {

    private final InvoiceManagement invoices;
    private final VendorDirectory vendors;

    InvoiceWebController(InvoiceManagement invoices, VendorDirectory vendors) {
        this.invoices = invoices;
        this.vendors = vendors;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("page", invoices.list(new InvoiceFilter(status, null, vendorId), null, cursor, null));
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("vendorId", vendorId);
        model.addAttribute("vendors", vendors.options());
        model.addAttribute("tolerance", invoices.tolerance());
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.INVOICES_MANAGE));
        return "procurement/invoices";
    }

    @PostMapping("/tolerance")
    String tolerance(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String pricePercent,
            @RequestParam(required = false) @Nullable String maxAmount,
            @RequestParam(defaultValue = "0") long version,
            Model model,
            RedirectAttributes redirect) {
        list(orgSlug, null, null, null, model);
        return Forms.submit(model, "procurement/invoices", () -> {
            invoices.updateTolerance(TypedNumbers.parse(pricePercent, "pricePercent"), TypedNumbers.parse(maxAmount, "maxAmount"), version);
            Flash.success(redirect, "invoice.done.tolerance");
            return "redirect:/o/" + orgSlug + "/invoices";
        });
    }

    @GetMapping("/{id}")
    String show(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        return page(Ids.parse(id, "Invoice"), model);
    }

    @PostMapping("/{id}/{action:accept|reject}")
    String decide(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            RedirectAttributes redirect) {
        UUID invoiceId = Ids.parse(id, "Invoice");
        page(invoiceId, model);
        return Forms.submit(model, "procurement/invoice", () -> {
            InvoiceView i = action.equals("accept") ? invoices.accept(invoiceId, comment, null) : invoices.reject(invoiceId, comment, null);
            Flash.success(redirect, action.equals("accept") ? "invoice.done.accept" : "invoice.done.reject", i.number());
            return "redirect:/o/" + orgSlug + "/invoices/" + invoiceId;
        });
    }

    private String page(UUID id, Model model) {
        InvoiceView i = invoices.get(id);
        model.addAttribute("invoice", i);
        model.addAttribute("baseCurrency", TenantContext.requireAccess().baseCurrency());
        model.addAttribute("canDecide", i.status() == InvoiceStatus.MISMATCH && TenantContext.requireAccess().can(Permission.INVOICES_MANAGE));
        return "procurement/invoice";
    }

}

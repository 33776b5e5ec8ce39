package org.opencio.procurement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.VendorDirectory;
import org.opencio.platform.files.Downloads;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.InvoiceManagement;
import org.opencio.procurement.LineKind;
import org.opencio.procurement.PurchaseOrderFilter;
import org.opencio.procurement.PurchaseOrderManagement;
import org.opencio.procurement.PurchaseOrderPdf;
import org.opencio.procurement.PurchaseOrderStatus;
import org.opencio.procurement.PurchaseOrderView;
import org.opencio.procurement.ReceiveGoods;
import org.opencio.procurement.RecordInvoice;
import org.opencio.shared.Ids;
import org.opencio.vendor.VendorContactManagement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of purchase orders: the list, and an order with its lines, receipts and invoices and the forms that act on it
 * (send, receive goods, record an invoice, cancel, close). Placing the order of an approved request is done on the
 * request's page ({@link PurchaseRequestWebController}).
 */
@Controller
@RequestMapping("/o/{orgSlug}")
class PurchaseOrderWebController {

    private final PurchaseOrderManagement orders;
    private final InvoiceManagement invoices;
    private final VendorDirectory vendors;
    private final VendorContactManagement contacts;

    PurchaseOrderWebController(PurchaseOrderManagement orders, InvoiceManagement invoices, VendorDirectory vendors, VendorContactManagement contacts) {
        this.orders = orders;
        this.invoices = invoices;
        this.vendors = vendors;
        this.contacts = contacts;
    }

    @GetMapping("/purchase-orders")
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable PurchaseOrderStatus status,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("page", orders.list(new PurchaseOrderFilter(status, vendorId, null), null, cursor, null));
        model.addAttribute("statuses", PurchaseOrderStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("vendorId", vendorId);
        model.addAttribute("vendors", vendors.options());
        return "procurement/purchase-orders";
    }

    @GetMapping("/purchase-orders/{id}")
    String show(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        return page(Ids.parse(id, "Purchase order"), model);
    }

    @GetMapping("/purchase-orders/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String orgSlug, @PathVariable String id) {
        UUID orderId = Ids.parse(id, "Purchase order");
        PurchaseOrderPdf.Document doc = orders.pdf(orderId);
        return Downloads.attachment(doc.filename(), MediaType.APPLICATION_PDF_VALUE, doc.content(), orders.get(orderId).version());
    }

    @PostMapping("/purchase-orders/{id}/{action:send|cancel|close}")
    String act(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable UUID contactId,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        UUID orderId = Ids.parse(id, "Purchase order");
        page(orderId, model);
        return Forms.submit(model, "procurement/purchase-order", () -> {
            PurchaseOrderView o = switch (action) {
                case "send" -> orders.send(orderId, contactId, to, message);
                case "cancel" -> orders.cancel(orderId, reason, null);
                default -> orders.close(orderId, reason, null);
            };
            Flash.success(redirect, switch (action) {
                case "send" -> "purchaseOrder.done.send";
                case "cancel" -> "purchaseOrder.done.cancel";
                default -> "purchaseOrder.done.close";
            }, o.number());
            return "redirect:/o/" + orgSlug + "/purchase-orders/" + orderId;
        });
    }

    @PostMapping("/purchase-orders/{id}/receipts")
    String receive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable LocalDate receivedOn,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable List<UUID> lineId,
            @RequestParam(required = false) @Nullable List<String> quantity,
            Model model,
            RedirectAttributes redirect) {
        UUID orderId = Ids.parse(id, "Purchase order");
        page(orderId, model);
        return Forms.submit(model, "procurement/purchase-order", () -> {
            List<ReceiveGoods.Line> lines = new ArrayList<>();
            for (int i = 0; lineId != null && i < lineId.size(); i++) {
                String q = quantity == null || i >= quantity.size() ? null : quantity.get(i);
                if (q == null || q.isBlank() || q.strip().equals("0")) {
                    continue;
                }
                lines.add(new ReceiveGoods.Line(lineId.get(i), TypedNumbers.parse(q, "lines[" + lines.size() + "].quantity")));
            }
            PurchaseOrderView o = orders.receive(orderId, new ReceiveGoods(receivedOn, note, lines));
            Flash.success(redirect, "purchaseOrder.done.received", o.number());
            return "redirect:/o/" + orgSlug + "/purchase-orders/" + orderId;
        });
    }

    @PostMapping("/purchase-orders/{id}/invoices")
    String recordInvoice(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String vendorInvoiceNumber,
            @RequestParam(required = false) @Nullable LocalDate invoiceDate,
            @RequestParam(required = false) @Nullable LocalDate dueDate,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable List<UUID> lineId,
            @RequestParam(required = false) @Nullable List<String> quantity,
            @RequestParam(required = false) @Nullable List<String> unitPrice,
            Model model,
            RedirectAttributes redirect) {
        UUID orderId = Ids.parse(id, "Purchase order");
        page(orderId, model);
        model.addAttribute("typedInvoiceNumber", vendorInvoiceNumber);
        return Forms.submit(model, "procurement/purchase-order", () -> {
            List<RecordInvoice.Line> lines = new ArrayList<>();
            for (int i = 0; lineId != null && i < lineId.size(); i++) {
                String q = quantity == null || i >= quantity.size() ? null : quantity.get(i);
                if (q == null || q.isBlank() || q.strip().equals("0")) {
                    continue;
                }
                String field = "lines[" + lines.size() + "]";
                lines.add(new RecordInvoice.Line(lineId.get(i), TypedNumbers.parse(q, field + ".quantity"),
                        TypedNumbers.parse(unitPrice == null || i >= unitPrice.size() ? null : unitPrice.get(i), field + ".unitPrice")));
            }
            var invoice = invoices.record(new RecordInvoice(orderId, vendorInvoiceNumber, invoiceDate, dueDate, currency, lines));
            Flash.success(redirect, invoice.status() == org.opencio.procurement.InvoiceStatus.MATCHED ? "invoice.done.matched" : "invoice.done.mismatch",
                    invoice.number());
            return "redirect:/o/" + orgSlug + "/invoices/" + invoice.id();
        });
    }

    private String page(UUID id, Model model) {
        PurchaseOrderView o = orders.get(id);
        OrgAccess caller = TenantContext.requireAccess();
        boolean open = o.status() == PurchaseOrderStatus.OPEN || o.status() == PurchaseOrderStatus.PARTIALLY_RECEIVED
                || o.status() == PurchaseOrderStatus.RECEIVED;
        boolean manage = caller.can(Permission.PURCHASE_ORDERS_MANAGE);
        model.addAttribute("order", o);
        model.addAttribute("open", open);
        model.addAttribute("canManage", open && manage);
        // Once goods arrived or an invoice counts, an order is closed, not cancelled.
        model.addAttribute("canCancel", open && manage && o.receipts().isEmpty()
                && o.invoices().stream().allMatch(i -> i.status() == org.opencio.procurement.InvoiceStatus.REJECTED));
        model.addAttribute("canReceive", open && o.awaitingGoods() && (caller.can(Permission.GOODS_RECEIVE) || o.requesterId().equals(caller.accountId())));
        model.addAttribute("canInvoice", open && caller.can(Permission.INVOICES_MANAGE));
        model.addAttribute("contacts", manage && open && caller.can(Permission.VENDORS_VIEW) ? contacts.list(o.vendorId()) : List.of());
        model.addAttribute("goodsLines", o.lines().stream().filter(l -> l.kind() == LineKind.GOODS && l.openToReceive().signum() > 0).toList());
        model.addAttribute("invoiceCurrency", o.lines().isEmpty() ? caller.baseCurrency() : o.lines().getFirst().currency());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of(caller.timeZone())));
        return "procurement/purchase-order";
    }

}

package org.opencio.procurement.web;

import java.util.UUID;
import org.opencio.budget.VendorDirectory;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.procurement.PurchaseRequestAttachmentManagement;
import org.opencio.procurement.ApprovalReminderManagement;
import org.opencio.procurement.PurchaseOrderManagement;
import org.opencio.procurement.PurchaseRequestAttachmentView;
import org.opencio.procurement.PurchaseRequestManagement;
import org.opencio.procurement.PurchaseRequestStatus;
import org.opencio.procurement.PurchaseRequestView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The model of a request's page, for the controllers that show it again with an error (a decision, an upload). */
@Component
class RequestPage {

    static final String VIEW = "procurement/purchase-request";

    private final PurchaseRequestManagement requests;
    private final PurchaseRequestAttachmentManagement attachments;
    private final PurchaseOrderManagement orders;
    private final VendorDirectory vendors;
    private final ApprovalReminderManagement reminders;

    RequestPage(PurchaseRequestManagement requests, PurchaseRequestAttachmentManagement attachments, PurchaseOrderManagement orders,
            VendorDirectory vendors, ApprovalReminderManagement reminders) {
        this.reminders = reminders;
        this.requests = requests;
        this.attachments = attachments;
        this.orders = orders;
        this.vendors = vendors;
    }

    String show(UUID id, Model model) {
        PurchaseRequestView r = requests.get(id);
        UUID me = TenantContext.requireAccess().accountId();
        boolean own = r.requesterId().equals(me);
        model.addAttribute("request", r);
        model.addAttribute("followUps", reminders.history(id));
        model.addAttribute("own", own);
        model.addAttribute("canDecide", !own && r.status() == PurchaseRequestStatus.SUBMITTED && !r.waitingOn().isEmpty());
        model.addAttribute("attachments", attachments.list(id));
        PurchaseRequestAttachmentView.Rights rights = attachments.rights(id);
        model.addAttribute("attachmentRights", rights);
        model.addAttribute("attachmentMaxMb", Math.max(1, rights.maxBytes() / (1024 * 1024)));
        // The order side: its purchase order once placed, or the buyer's forms while it is approved.
        boolean buyer = r.status() == PurchaseRequestStatus.APPROVED && TenantContext.requireAccess().can(Permission.PURCHASE_ORDERS_MANAGE);
        model.addAttribute("canOrder", buyer);
        model.addAttribute("vendorChoices", buyer ? vendors.options() : java.util.List.of());
        model.addAttribute("order", orders.ofRequest(id).orElse(null));
        return VIEW;
    }
}

package org.opencio.procurement.web;

import java.util.UUID;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.procurement.PurchaseRequestAttachmentManagement;
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

    RequestPage(PurchaseRequestManagement requests, PurchaseRequestAttachmentManagement attachments) {
        this.requests = requests;
        this.attachments = attachments;
    }

    String show(UUID id, Model model) {
        PurchaseRequestView r = requests.get(id);
        UUID me = TenantContext.requireAccess().accountId();
        boolean own = r.requesterId().equals(me);
        model.addAttribute("request", r);
        model.addAttribute("own", own);
        model.addAttribute("canDecide", !own && r.status() == PurchaseRequestStatus.SUBMITTED && !r.waitingOn().isEmpty());
        model.addAttribute("attachments", attachments.list(id));
        PurchaseRequestAttachmentView.Rights rights = attachments.rights(id);
        model.addAttribute("attachmentRights", rights);
        model.addAttribute("attachmentMaxMb", Math.max(1, rights.maxBytes() / (1024 * 1024)));
        return VIEW;
    }
}

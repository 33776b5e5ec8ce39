package org.opencio.procurement;

import java.util.UUID;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;

/**
 * Who changes a request's attachments: its requester adds them, and removes them with the CIOs and IT managers, while
 * the request is open (a draft or waiting on its approvers). Once decided or withdrawn, its file is closed. Seeing and
 * downloading them goes with seeing the request.
 */
final class AttachmentPolicy {

    private AttachmentPolicy() {}

    static boolean open(PurchaseRequestStatus status) {
        return status == PurchaseRequestStatus.DRAFT || status == PurchaseRequestStatus.SUBMITTED;
    }

    static boolean mayAdd(OrgAccess caller, UUID requesterId) {
        return caller.can(Permission.PURCHASE_REQUESTS_CREATE) && caller.accountId().equals(requesterId);
    }

    static boolean mayRemove(OrgAccess caller, UUID requesterId) {
        return mayAdd(caller, requesterId) || caller.can(Permission.PURCHASE_REQUEST_ATTACHMENTS_MANAGE);
    }
}

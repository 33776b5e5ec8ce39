package org.opencio.platform.security;

import static org.opencio.platform.security.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** A member's role in one organization (DESIGN.md, "Who uses it"), with the permissions it carries. */
public enum Role {
    // A CIO does everything but approve their own budget: that is for the executives.
    CIO(4, EnumSet.complementOf(EnumSet.of(BUDGET_APPROVE))),
    IT_MANAGER(3, EnumSet.of(DEPARTMENTS_VIEW, DEPARTMENTS_MANAGE, MEMBERS_VIEW, MEMBERS_MANAGE, BUDGET_VIEW, ACTUALS_RECORD,
            VENDORS_VIEW, VENDORS_MANAGE, CONTRACTS_VIEW, CONTRACTS_MANAGE, APPROVAL_POLICY_VIEW,
            PURCHASE_REQUESTS_CREATE, PURCHASE_REQUESTS_VIEW_ALL, PURCHASE_REQUEST_ATTACHMENTS_MANAGE, PURCHASE_ORDERS_VIEW,
            PURCHASE_ORDERS_MANAGE, GOODS_RECEIVE, INVOICES_MANAGE, ASSETS_VIEW, ASSETS_MANAGE, LICENCES_MANAGE,
            INVENTORY_MANAGE)),
    IT_STAFF(2, EnumSet.of(DEPARTMENTS_VIEW, MEMBERS_VIEW, VENDORS_VIEW, CONTRACTS_VIEW, PURCHASE_REQUESTS_CREATE,
            PURCHASE_REQUESTS_VIEW_ALL, PURCHASE_ORDERS_VIEW, GOODS_RECEIVE, ASSETS_VIEW, ASSETS_MANAGE)),
    EMPLOYEE(1, EnumSet.of(DEPARTMENTS_VIEW, PURCHASE_REQUESTS_CREATE)),
    EXECUTIVE(0, EnumSet.of(DEPARTMENTS_VIEW, MEMBERS_VIEW, BUDGET_VIEW, BUDGET_APPROVE, VENDORS_VIEW, CONTRACTS_VIEW,
            APPROVAL_POLICY_VIEW, PURCHASE_REQUESTS_CREATE, PURCHASE_REQUESTS_VIEW_ALL, PURCHASE_ORDERS_VIEW, ASSETS_VIEW)),
    AUDITOR(0, EnumSet.of(DEPARTMENTS_VIEW, MEMBERS_VIEW, AUDIT_VIEW, BUDGET_VIEW, VENDORS_VIEW, CONTRACTS_VIEW,
            APPROVAL_POLICY_VIEW, PURCHASE_REQUESTS_VIEW_ALL, PURCHASE_ORDERS_VIEW, ASSETS_VIEW));

    /** Rank within the IT line; executives and auditors stand outside it (rank 0) and only a CIO grants them. */
    private final int itRank;

    private final Set<Permission> permissions;

    Role(int itRank, Set<Permission> permissions) {
        this.itRank = itRank;
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** A member may grant (invite as, or change to) a role only at or below their own rank in the IT line. */
    public boolean mayGrant(Role other) {
        if (this == CIO) {
            return true;
        }
        return can(MEMBERS_MANAGE) && other.itRank > 0 && other.itRank <= itRank;
    }

    public String messageKey() {
        return "role." + name();
    }
}

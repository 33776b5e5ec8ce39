package org.opencio.platform.security;

/** What a member may do in an organization. Modules add their permissions here and grant them in {@link Role}. */
public enum Permission {
    ORGANIZATION_MANAGE,
    DEPARTMENTS_VIEW,
    DEPARTMENTS_MANAGE,
    MEMBERS_VIEW,
    MEMBERS_MANAGE,
    AUDIT_VIEW,
    BUDGET_VIEW,
    BUDGET_MANAGE,
    BUDGET_APPROVE,
    ACTUALS_RECORD,
    VENDORS_VIEW,
    VENDORS_MANAGE,
    CONTRACTS_VIEW,
    CONTRACTS_MANAGE,
    APPROVAL_POLICY_VIEW,
    APPROVAL_POLICY_MANAGE,
    /** Write and submit one's own purchase requests. */
    PURCHASE_REQUESTS_CREATE,
    /** Read every purchase request of the organization, not only one's own and those one approves. */
    PURCHASE_REQUESTS_VIEW_ALL,
    /** Read purchase orders, goods receipts and invoices. */
    PURCHASE_ORDERS_VIEW,
    /** Place, send, cancel and close purchase orders. */
    PURCHASE_ORDERS_MANAGE,
    /** Record goods received on an order (the requester of the order may too). */
    GOODS_RECEIVE,
    /** Record invoices, decide mismatched ones, and set the organization's match tolerance. */
    INVOICES_MANAGE,
    /** Remove the attachments of anyone's purchase request while it is open, not only of one's own. */
    PURCHASE_REQUEST_ATTACHMENTS_MANAGE,
    /** Read the asset register and the models catalogue. */
    ASSETS_VIEW,
    /** Record, change, check out and check in assets, and keep the models catalogue. */
    ASSETS_MANAGE,
    /** Record licences (entitlements) and read the compliance of installed software against them. */
    LICENCES_MANAGE,
    /** Keep the organization's agent enrolment (show, rotate, revoke its token) and decide the inventory review queue. */
    INVENTORY_MANAGE
}

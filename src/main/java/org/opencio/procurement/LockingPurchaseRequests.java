package org.opencio.procurement;

import java.util.Optional;
import java.util.UUID;

/** The row lock every change of a request takes first, so that decisions, orders and reminders on one request queue. */
interface LockingPurchaseRequests {

    /** The request of the current organization, locked until the transaction ends. */
    Optional<PurchaseRequest> lockById(UUID id);
}

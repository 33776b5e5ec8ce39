package org.opencio.procurement;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the purchase request list; {@code mine} keeps the caller's own requests. */
public record PurchaseRequestFilter(
        @Nullable PurchaseRequestStatus status,
        @Nullable UUID departmentId,
        @Nullable UUID vendorId,
        @Nullable UUID requesterId,
        boolean mine) {

    public static PurchaseRequestFilter none() {
        return new PurchaseRequestFilter(null, null, null, null, false);
    }
}

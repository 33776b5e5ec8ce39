package org.opencio.procurement;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which purchase orders a list shows; every part optional. */
public record PurchaseOrderFilter(@Nullable PurchaseOrderStatus status, @Nullable UUID vendorId, @Nullable UUID requestId) {

    public static PurchaseOrderFilter none() {
        return new PurchaseOrderFilter(null, null, null);
    }
}

package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Goods arrived on a purchase order: one event a goods receipt, naming each goods line received and how many. The
 * asset module creates its asset records from it; receipts stay queryable ({@link ReceivedGoods}) so that a module
 * arriving later can take over what was received before it.
 */
public record GoodsReceived(
        UUID orgId,
        UUID receiptId,
        String receiptNumber,
        UUID orderId,
        String orderNumber,
        UUID vendorId,
        LocalDate receivedOn,
        UUID receivedBy,
        List<Item> items) {

    /** A line received: what it is, how many arrived on this receipt, and what one cost in the base currency. */
    public record Item(
            UUID orderLineId,
            String description,
            @Nullable UUID categoryId,
            @Nullable String catalogItem,
            BigDecimal quantity,
            BigDecimal unitPriceBase,
            String baseCurrency) {}
}

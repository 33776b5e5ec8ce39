package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vendor's invoice as keyed in: its number and dates, its currency, and which order lines it bills, how many at what price (net of tax). */
public record RecordInvoice(
        @Nullable UUID orderId,
        @Nullable String vendorInvoiceNumber,
        @Nullable LocalDate invoiceDate,
        @Nullable LocalDate dueDate,
        @Nullable String currency,
        @Nullable List<Line> lines) {

    public record Line(@Nullable UUID orderLineId, @Nullable BigDecimal quantity, @Nullable BigDecimal unitPrice) {}
}

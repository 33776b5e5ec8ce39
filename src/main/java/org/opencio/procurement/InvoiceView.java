package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice against a purchase order, matched line by line; {@code mismatches} say why it waits for a decision.
 * Amounts are in the invoice's currency; {@code totalBase} in the base currency at the rate of the invoice date.
 */
public record InvoiceView(
        UUID id,
        String number,
        String vendorInvoiceNumber,
        UUID orderId,
        String orderNumber,
        UUID vendorId,
        @Nullable String vendorName,
        LocalDate invoiceDate,
        @Nullable LocalDate dueDate,
        String currency,
        BigDecimal total,
        BigDecimal rateToBase,
        BigDecimal totalBase,
        InvoiceStatus status,
        MatchKind matchKind,
        List<String> mismatches,
        UUID recordedBy,
        @Nullable String recordedByName,
        @Nullable UUID decidedBy,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt,
        @Nullable String decisionComment,
        List<Line> lines,
        Instant createdAt,
        long version) {

    public record Line(
            UUID orderLineId,
            int position,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal amount,
            BigDecimal orderedUnitPrice) {}
}

package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invoice as lists show it. */
public record InvoiceSummary(
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
        BigDecimal totalBase,
        InvoiceStatus status,
        MatchKind matchKind,
        Instant createdAt) {}

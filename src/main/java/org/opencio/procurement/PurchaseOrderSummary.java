package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A purchase order as lists show it; {@code invoicedBase} counts matched and accepted invoices. */
public record PurchaseOrderSummary(
        UUID id,
        String number,
        UUID requestId,
        String requestNumber,
        String title,
        UUID vendorId,
        @Nullable String vendorName,
        PurchaseOrderStatus status,
        BigDecimal totalBase,
        BigDecimal invoicedBase,
        String baseCurrency,
        LocalDate orderDate,
        @Nullable LocalDate expectedOn,
        Instant createdAt) {}

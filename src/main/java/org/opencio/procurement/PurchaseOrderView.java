package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase order with its lines (ordered, received and invoiced quantities), its goods receipts and its invoices.
 * Amounts on lines are in the line's currency; {@code baseAmount} and {@code totalBase} in the organization's base
 * currency at the rate recorded when the request was submitted.
 */
public record PurchaseOrderView(
        UUID id,
        String number,
        UUID requestId,
        String requestNumber,
        String title,
        UUID vendorId,
        @Nullable String vendorName,
        @Nullable UUID contactId,
        UUID budgetLineId,
        PurchaseOrderStatus status,
        String baseCurrency,
        BigDecimal totalBase,
        BigDecimal invoicedBase,
        LocalDate orderDate,
        @Nullable LocalDate expectedOn,
        @Nullable String notes,
        UUID orderedBy,
        @Nullable String orderedByName,
        UUID requesterId,
        @Nullable Instant sentAt,
        @Nullable String sentTo,
        @Nullable Instant closedAt,
        @Nullable String closeReason,
        List<Line> lines,
        List<ReceiptView> receipts,
        List<InvoiceSummary> invoices,
        Instant createdAt,
        long version) {

    public record Line(
            UUID id,
            int position,
            UUID requestLineId,
            String description,
            @Nullable UUID categoryId,
            @Nullable String catalogItem,
            LineKind kind,
            BigDecimal quantity,
            BigDecimal unitPrice,
            String currency,
            BigDecimal rateToBase,
            BigDecimal baseAmount,
            BigDecimal receivedQuantity,
            BigDecimal invoicedQuantity) {

        /** What is still to be invoiced. */
        public BigDecimal openToInvoice() {
            return quantity.subtract(invoicedQuantity).max(BigDecimal.ZERO);
        }

        /** What is still to arrive (goods; services are not received). */
        public BigDecimal openToReceive() {
            return kind == LineKind.GOODS ? quantity.subtract(receivedQuantity).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        }
    }

    public record ReceiptView(
            UUID id, String number, LocalDate receivedOn, UUID receivedBy, @Nullable String receivedByName, @Nullable String note,
            List<ReceiptLine> lines, Instant createdAt) {}

    public record ReceiptLine(UUID orderLineId, String description, BigDecimal quantity) {}

    public record InvoiceSummary(
            UUID id, String number, String vendorInvoiceNumber, LocalDate invoiceDate, String currency, BigDecimal total, BigDecimal totalBase,
            InvoiceStatus status) {}

    /** Whether any goods line still waits for goods. */
    public boolean awaitingGoods() {
        return lines.stream().anyMatch(l -> l.openToReceive().signum() > 0);
    }
}

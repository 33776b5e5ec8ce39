package org.opencio.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/**
 * The order an approved purchase request became, one per request. Its lines, receipts and invoices are rows of their
 * own ({@link PurchaseOrderStore}); this row holds the status, which changes only here.
 */
@Entity
@Table(name = "purchase_orders")
class PurchaseOrder extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(name = "contact_id")
    private @Nullable UUID contactId;

    @Column(name = "budget_line_id", nullable = false, updatable = false)
    private UUID budgetLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderStatus status = PurchaseOrderStatus.OPEN;

    @Column(name = "base_currency", nullable = false, updatable = false)
    private String baseCurrency;

    @Column(name = "total_base", nullable = false, updatable = false)
    private BigDecimal totalBase;

    @Column(name = "order_date", nullable = false, updatable = false)
    private LocalDate orderDate;

    @Column(name = "expected_on")
    private @Nullable LocalDate expectedOn;

    private @Nullable String notes;

    @Column(name = "ordered_by", nullable = false, updatable = false)
    private UUID orderedBy;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Column(name = "sent_to")
    private @Nullable String sentTo;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "close_reason")
    private @Nullable String closeReason;

    protected PurchaseOrder() {}

    PurchaseOrder(String number, UUID requestId, UUID vendorId, @Nullable UUID contactId, UUID budgetLineId, String baseCurrency,
            BigDecimal totalBase, LocalDate orderDate, @Nullable LocalDate expectedOn, @Nullable String notes, UUID orderedBy) {
        this.number = number;
        this.requestId = requestId;
        this.vendorId = vendorId;
        this.contactId = contactId;
        this.budgetLineId = budgetLineId;
        this.baseCurrency = baseCurrency;
        this.totalBase = totalBase;
        this.orderDate = orderDate;
        this.expectedOn = expectedOn;
        this.notes = notes;
        this.orderedBy = orderedBy;
    }

    void requireOpen() {
        if (!status.open()) {
            throw new ConflictException("status", "order " + number + " is " + status + "; nothing more happens on it");
        }
    }

    /** What the receipts so far make of an open order. */
    void received(boolean any, boolean all) {
        requireOpen();
        status = all ? PurchaseOrderStatus.RECEIVED : any ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.OPEN;
    }

    void sent(@Nullable UUID contact, String to, Instant at) {
        requireOpen();
        if (contact != null) {
            contactId = contact;
        }
        sentTo = to;
        sentAt = at;
    }

    void cancel(String reason, Instant at) {
        requireOpen();
        status = PurchaseOrderStatus.CANCELLED;
        closeReason = reason;
        closedAt = at;
    }

    void close(@Nullable String reason, Instant at) {
        requireOpen();
        status = PurchaseOrderStatus.CLOSED;
        closeReason = reason;
        closedAt = at;
    }

    String number() {
        return number;
    }

    UUID requestId() {
        return requestId;
    }

    UUID vendorId() {
        return vendorId;
    }

    @Nullable
    UUID contactId() {
        return contactId;
    }

    UUID budgetLineId() {
        return budgetLineId;
    }

    PurchaseOrderStatus status() {
        return status;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    BigDecimal totalBase() {
        return totalBase;
    }

    LocalDate orderDate() {
        return orderDate;
    }

    @Nullable
    LocalDate expectedOn() {
        return expectedOn;
    }

    @Nullable
    String notes() {
        return notes;
    }

    UUID orderedBy() {
        return orderedBy;
    }

    @Nullable
    Instant sentAt() {
        return sentAt;
    }

    @Nullable
    String sentTo() {
        return sentTo;
    }

    @Nullable
    Instant closedAt() {
        return closedAt;
    }

    @Nullable
    String closeReason() {
        return closeReason;
    }
}

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

/** A vendor's invoice against a purchase order, with the outcome of matching it; its lines are rows of their own. */
@Entity
@Table(name = "invoices")
class Invoice extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "vendor_invoice_number", nullable = false, updatable = false)
    private String vendorInvoiceNumber;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(name = "invoice_date", nullable = false, updatable = false)
    private LocalDate invoiceDate;

    @Column(name = "due_date", updatable = false)
    private @Nullable LocalDate dueDate;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private BigDecimal total;

    @Column(name = "rate_to_base", nullable = false, updatable = false)
    private BigDecimal rateToBase;

    @Column(name = "total_base", nullable = false, updatable = false)
    private BigDecimal totalBase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_kind", nullable = false, updatable = false)
    private MatchKind matchKind;

    private @Nullable String mismatches;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private UUID recordedBy;

    @Column(name = "decided_by")
    private @Nullable UUID decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_comment")
    private @Nullable String decisionComment;

    protected Invoice() {}

    Invoice(String number, String vendorInvoiceNumber, UUID orderId, UUID vendorId, LocalDate invoiceDate, @Nullable LocalDate dueDate,
            String currency, BigDecimal total, BigDecimal rateToBase, BigDecimal totalBase, MatchKind matchKind, UUID recordedBy) {
        this.number = number;
        this.vendorInvoiceNumber = vendorInvoiceNumber;
        this.orderId = orderId;
        this.vendorId = vendorId;
        this.invoiceDate = invoiceDate;
        this.dueDate = dueDate;
        this.currency = currency;
        this.total = total;
        this.rateToBase = rateToBase;
        this.totalBase = totalBase;
        this.matchKind = matchKind;
        this.recordedBy = recordedBy;
        this.status = InvoiceStatus.MISMATCH;
    }

    /** The outcome of matching: matched, or the reasons it does not match (one per line). */
    void matched(@Nullable String mismatches) {
        if (status != InvoiceStatus.MISMATCH) {
            throw new ConflictException("status", "invoice " + number + " is " + status + " already");
        }
        this.mismatches = mismatches;
        status = mismatches == null ? InvoiceStatus.MATCHED : InvoiceStatus.MISMATCH;
    }

    void decide(boolean accept, UUID by, String comment, Instant at) {
        if (status != InvoiceStatus.MISMATCH) {
            throw new ConflictException("status", "only a mismatched invoice waits for a decision; invoice " + number + " is " + status);
        }
        status = accept ? InvoiceStatus.ACCEPTED : InvoiceStatus.REJECTED;
        decidedBy = by;
        decidedAt = at;
        decisionComment = comment;
    }

    String number() {
        return number;
    }

    String vendorInvoiceNumber() {
        return vendorInvoiceNumber;
    }

    UUID orderId() {
        return orderId;
    }

    UUID vendorId() {
        return vendorId;
    }

    LocalDate invoiceDate() {
        return invoiceDate;
    }

    @Nullable
    LocalDate dueDate() {
        return dueDate;
    }

    String currency() {
        return currency;
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal rateToBase() {
        return rateToBase;
    }

    BigDecimal totalBase() {
        return totalBase;
    }

    InvoiceStatus status() {
        return status;
    }

    MatchKind matchKind() {
        return matchKind;
    }

    @Nullable
    String mismatches() {
        return mismatches;
    }

    UUID recordedBy() {
        return recordedBy;
    }

    @Nullable
    UUID decidedBy() {
        return decidedBy;
    }

    @Nullable
    Instant decidedAt() {
        return decidedAt;
    }

    @Nullable
    String decisionComment() {
        return decisionComment;
    }
}

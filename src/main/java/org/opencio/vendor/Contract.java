package org.opencio.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/**
 * One term of a contract with a vendor. Renewing makes a new term (a new row) that points to this one, so the history
 * of dates and prices stays as it was. The notice deadline, the next renewal date and, unless typed, the annual value
 * are derived from the terms by {@link ContractDates} whenever they change.
 */
@Entity
@Table(name = "contracts")
class Contract extends TenantEntity {

    @Column(name = "vendor_id", nullable = false)
    private UUID vendorId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    private ContractType type;

    private @Nullable String reference;

    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private @Nullable LocalDate endDate;

    @Column(name = "auto_renew", nullable = false)
    private boolean autoRenew;

    @Column(name = "renewal_term_months")
    private @Nullable Integer renewalTermMonths;

    @Column(name = "notice_amount")
    private @Nullable Integer noticeAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_unit")
    private @Nullable NoticeUnit noticeUnit;

    @Column(name = "notice_deadline")
    private @Nullable LocalDate noticeDeadline;

    @Column(name = "next_renewal_date")
    private @Nullable LocalDate nextRenewalDate;

    @Column(name = "total_value", nullable = false)
    private BigDecimal totalValue;

    @Column(name = "annual_value", nullable = false)
    private BigDecimal annualValue;

    @Column(name = "annual_value_given", nullable = false)
    private boolean annualValueGiven;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_frequency", nullable = false)
    private BillingFrequency billingFrequency;

    @Column(name = "budget_line_id")
    private @Nullable UUID budgetLineId;

    @Column(name = "sla_terms")
    private @Nullable String slaTerms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractStatus status = ContractStatus.DRAFT;

    @Column(name = "previous_term_id")
    private @Nullable UUID previousTermId;

    @Column(name = "term_number", nullable = false)
    private int termNumber = 1;

    @Column(name = "terminated_on")
    private @Nullable LocalDate terminatedOn;

    @Column(name = "termination_reason")
    private @Nullable String terminationReason;

    @Column(name = "budget_committed")
    private @Nullable BigDecimal budgetCommitted;

    @Column(name = "budget_released_on")
    private @Nullable LocalDate budgetReleasedOn;

    @Column(nullable = false)
    private boolean archived;

    protected Contract() {}

    /**
     * Everything a person sets about a term, already validated: dates in order, amounts not negative, a known
     * currency. A null {@code annualValue} is computed from the total and the term.
     */
    record Terms(
            UUID vendorId,
            String title,
            ContractType type,
            @Nullable String reference,
            @Nullable UUID ownerId,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            boolean autoRenew,
            @Nullable Integer renewalTermMonths,
            @Nullable Integer noticeAmount,
            @Nullable NoticeUnit noticeUnit,
            BigDecimal totalValue,
            @Nullable BigDecimal annualValue,
            String currency,
            BillingFrequency billingFrequency,
            @Nullable UUID budgetLineId,
            @Nullable String slaTerms) {}

    /** What the audit trail keeps of a term. */
    record Snapshot(
            UUID vendorId,
            String title,
            ContractType type,
            @Nullable String reference,
            @Nullable UUID ownerId,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            boolean autoRenew,
            @Nullable Integer renewalTermMonths,
            @Nullable Integer noticeAmount,
            @Nullable NoticeUnit noticeUnit,
            @Nullable LocalDate noticeDeadline,
            @Nullable LocalDate nextRenewalDate,
            BigDecimal totalValue,
            BigDecimal annualValue,
            String currency,
            BillingFrequency billingFrequency,
            @Nullable UUID budgetLineId,
            @Nullable String slaTerms,
            ContractStatus status,
            int termNumber,
            @Nullable UUID previousTermId,
            @Nullable LocalDate terminatedOn,
            boolean archived) {}

    Contract(Terms terms) {
        apply(terms);
    }

    /** The term that follows this one, with the given terms; it starts as ACTIVE (see {@link #refresh}). */
    Contract nextTerm(Terms terms) {
        Contract next = new Contract(terms);
        next.previousTermId = getId();
        next.termNumber = termNumber + 1;
        next.status = ContractStatus.ACTIVE;
        return next;
    }

    void apply(Terms t) {
        vendorId = t.vendorId();
        title = t.title().strip();
        type = t.type();
        reference = blankToNull(t.reference());
        ownerId = t.ownerId();
        startDate = t.startDate();
        endDate = t.endDate();
        autoRenew = t.autoRenew();
        renewalTermMonths = t.autoRenew() ? t.renewalTermMonths() : null;
        boolean notice = t.noticeAmount() != null && t.noticeAmount() > 0;
        noticeAmount = notice ? t.noticeAmount() : null;
        noticeUnit = notice ? t.noticeUnit() : null;
        totalValue = t.totalValue();
        annualValueGiven = t.annualValue() != null;
        currency = t.currency();
        annualValue = annualValueGiven ? t.annualValue() : ContractDates.annualValue(totalValue, startDate, endDate, currency);
        billingFrequency = t.billingFrequency();
        budgetLineId = t.budgetLineId();
        slaTerms = blankToNull(t.slaTerms());
        derive();
    }

    private void derive() {
        noticeDeadline = ContractDates.noticeDeadline(endDate, noticeAmount, noticeUnit, autoRenew);
        nextRenewalDate = status == ContractStatus.TERMINATED ? null : ContractDates.nextRenewalDate(endDate, autoRenew);
    }

    /** The terms as they are, for a change that keeps what it does not name. */
    Terms terms() {
        return new Terms(vendorId, title, type, reference, ownerId, startDate, endDate, autoRenew, renewalTermMonths, noticeAmount,
                noticeUnit, totalValue, annualValueGiven ? annualValue : null, currency, billingFrequency, budgetLineId, slaTerms);
    }

    Snapshot snapshot() {
        return new Snapshot(vendorId, title, type, reference, ownerId, startDate, endDate, autoRenew, renewalTermMonths, noticeAmount,
                noticeUnit, noticeDeadline, nextRenewalDate, totalValue, annualValue, currency, billingFrequency, budgetLineId, slaTerms,
                status, termNumber, previousTermId, terminatedOn, archived);
    }

    // ---- status

    void activate(LocalDate today, int expiringWindowDays) {
        if (status != ContractStatus.DRAFT) {
            throw new ConflictException("status", "only a draft can be activated; this contract is " + status);
        }
        status = ContractStatus.ACTIVE;
        refresh(today, expiringWindowDays);
    }

    /** ACTIVE ⇄ EXPIRING as the decision date enters or leaves the window; answers whether the status changed. */
    boolean refresh(LocalDate today, int expiringWindowDays) {
        if (!status.inForce()) {
            return false;
        }
        ContractStatus now = ContractDates.expiring(noticeDeadline, endDate, autoRenew, today, expiringWindowDays)
                ? ContractStatus.EXPIRING
                : ContractStatus.ACTIVE;
        boolean changed = now != status;
        status = now;
        return changed;
    }

    /** Notice given: the term ends on {@code effective} and does not renew. */
    void terminate(LocalDate effective, String reason) {
        if (!status.inForce()) {
            throw new ConflictException("status", "only an active contract can be terminated; this contract is " + status);
        }
        status = ContractStatus.TERMINATED;
        terminatedOn = effective;
        terminationReason = reason.strip();
        nextRenewalDate = null;
    }

    void renewed() {
        if (!renewable()) {
            throw new ConflictException("status", "only an active or expired contract can be renewed; this contract is " + status);
        }
        if (endDate == null) {
            throw new ConflictException("endDate", "a contract without an end date has no term to renew");
        }
        status = ContractStatus.RENEWED;
    }

    boolean renewable() {
        return !archived && (status.inForce() || status == ContractStatus.EXPIRED);
    }

    void expire() {
        if (!status.inForce()) {
            throw new ConflictException("status", "only an active contract expires; this contract is " + status);
        }
        status = ContractStatus.EXPIRED;
    }

    void archive() {
        if (status.inForce()) {
            throw new ConflictException("status", "an active contract cannot be archived; terminate it first");
        }
        archived = true;
    }

    void requireNotArchived() {
        if (archived) {
            throw new ConflictException("archived", "the contract is archived");
        }
    }

    // ---- budget

    void committed(BigDecimal amount) {
        budgetCommitted = amount;
        budgetReleasedOn = null;
    }

    void released(LocalDate day) {
        budgetReleasedOn = day;
    }

    /** Whether an amount is committed on the budget line and not yet released. */
    boolean holdsCommitment() {
        return budgetLineId != null && budgetCommitted != null && budgetReleasedOn == null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- reading

    UUID vendorId() {
        return vendorId;
    }

    String title() {
        return title;
    }

    ContractType type() {
        return type;
    }

    @Nullable
    String reference() {
        return reference;
    }

    @Nullable
    UUID ownerId() {
        return ownerId;
    }

    LocalDate startDate() {
        return startDate;
    }

    @Nullable
    LocalDate endDate() {
        return endDate;
    }

    boolean autoRenew() {
        return autoRenew;
    }

    @Nullable
    Integer renewalTermMonths() {
        return renewalTermMonths;
    }

    @Nullable
    Integer noticeAmount() {
        return noticeAmount;
    }

    @Nullable
    NoticeUnit noticeUnit() {
        return noticeUnit;
    }

    @Nullable
    LocalDate noticeDeadline() {
        return noticeDeadline;
    }

    @Nullable
    LocalDate nextRenewalDate() {
        return nextRenewalDate;
    }

    BigDecimal totalValue() {
        return totalValue;
    }

    BigDecimal annualValue() {
        return annualValue;
    }

    boolean annualValueGiven() {
        return annualValueGiven;
    }

    String currency() {
        return currency;
    }

    BillingFrequency billingFrequency() {
        return billingFrequency;
    }

    @Nullable
    UUID budgetLineId() {
        return budgetLineId;
    }

    @Nullable
    String slaTerms() {
        return slaTerms;
    }

    ContractStatus status() {
        return status;
    }

    @Nullable
    UUID previousTermId() {
        return previousTermId;
    }

    int termNumber() {
        return termNumber;
    }

    @Nullable
    LocalDate terminatedOn() {
        return terminatedOn;
    }

    @Nullable
    String terminationReason() {
        return terminationReason;
    }

    @Nullable
    BigDecimal budgetCommitted() {
        return budgetCommitted;
    }

    @Nullable
    LocalDate budgetReleasedOn() {
        return budgetReleasedOn;
    }

    boolean archived() {
        return archived;
    }
}

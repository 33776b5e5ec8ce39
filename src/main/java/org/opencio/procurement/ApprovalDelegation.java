package org.opencio.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/** For a period, a delegate decides the approval steps of someone who is away. */
@Entity
@Table(name = "approval_delegations")
class ApprovalDelegation extends TenantEntity {

    @Column(name = "delegator_id", nullable = false, updatable = false)
    private UUID delegatorId;

    @Column(name = "delegate_id", nullable = false, updatable = false)
    private UUID delegateId;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    private @Nullable String reason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by")
    private @Nullable UUID revokedBy;

    protected ApprovalDelegation() {}

    ApprovalDelegation(UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn, @Nullable String reason, UUID createdBy) {
        this.delegatorId = delegatorId;
        this.delegateId = delegateId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.reason = reason;
        this.createdBy = createdBy;
    }

    /** Ends the delegation now: a future one is cancelled, a running one ends yesterday. */
    void revoke(UUID by, Instant now, LocalDate today) {
        if (revokedAt != null) {
            throw new ConflictException("status", "the delegation was already revoked");
        }
        if (endsOn.isBefore(today)) {
            throw new ConflictException("status", "the delegation has already ended");
        }
        revokedAt = now;
        revokedBy = by;
        if (!startsOn.isAfter(today.minusDays(1))) {
            endsOn = today.minusDays(1);
        }
    }

    boolean activeOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    UUID delegatorId() {
        return delegatorId;
    }

    UUID delegateId() {
        return delegateId;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    @Nullable
    String reason() {
        return reason;
    }

    UUID createdBy() {
        return createdBy;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }
}

package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.platform.security.Role;
import org.opencio.shared.ConflictException;

/** An invitation to join the organization with a role; the link carries a secret whose hash is stored. */
@Entity
@Table(name = "invitations")
class Invitation extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "department_id")
    private @Nullable UUID departmentId;

    @Column(name = "approval_limit", nullable = false, precision = 19, scale = 4)
    private BigDecimal approvalLimit;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvitationStatus status = InvitationStatus.PENDING;

    @Column(name = "invited_by", nullable = false, updatable = false)
    private UUID invitedBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private @Nullable Instant acceptedAt;

    protected Invitation() {}

    Invitation(
            String email,
            Role role,
            @Nullable UUID departmentId,
            BigDecimal approvalLimit,
            String tokenHash,
            UUID invitedBy,
            Instant expiresAt) {
        this.email = Account.normalize(email);
        this.role = role;
        this.departmentId = departmentId;
        this.approvalLimit = approvalLimit;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.expiresAt = expiresAt;
    }

    boolean isOpen(Instant now) {
        return status == InvitationStatus.PENDING && now.isBefore(expiresAt);
    }

    void accept(Instant now) {
        if (!isOpen(now)) {
            throw new ConflictException("token", "this invitation is no longer valid");
        }
        status = InvitationStatus.ACCEPTED;
        acceptedAt = now;
    }

    void revoke() {
        if (status != InvitationStatus.PENDING) {
            throw new ConflictException("status", "only a pending invitation can be revoked");
        }
        status = InvitationStatus.REVOKED;
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    @Nullable
    UUID departmentId() {
        return departmentId;
    }

    BigDecimal approvalLimit() {
        return approvalLimit;
    }

    InvitationStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    record Snapshot(String email, Role role, @Nullable UUID departmentId, BigDecimal approvalLimit, InvitationStatus status) {}

    Snapshot snapshot() {
        return new Snapshot(email, role, departmentId, approvalLimit, status);
    }
}

package org.opencio.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/** One version of an organization's purchase approval policy; its rules live in {@code approval_rules}. */
@Entity
@Table(name = "approval_policies")
class ApprovalPolicy extends TenantEntity {

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PolicyStatus status = PolicyStatus.DRAFT;

    private @Nullable String note;

    /** Saves of the draft: its rules live in their own table, and a change of them alone must change this row too. */
    @Column(nullable = false)
    private int edits;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "published_by")
    private @Nullable UUID publishedBy;

    protected ApprovalPolicy() {}

    ApprovalPolicy(int versionNumber, LocalDate effectiveFrom, @Nullable String note) {
        this.versionNumber = versionNumber;
        this.effectiveFrom = effectiveFrom;
        this.note = note;
    }

    void edit(LocalDate effectiveFrom, @Nullable String note) {
        requireDraft();
        this.effectiveFrom = effectiveFrom;
        this.note = note;
        edits++;
    }

    void publish(UUID by, Instant now) {
        requireDraft();
        status = PolicyStatus.PUBLISHED;
        publishedAt = now;
        publishedBy = by;
    }

    void discard() {
        requireDraft();
        status = PolicyStatus.DISCARDED;
    }

    void requireDraft() {
        if (status != PolicyStatus.DRAFT) {
            throw new ConflictException("status", "version " + versionNumber + " is " + status.name().toLowerCase()
                    + "; only a draft can change (start a new version instead)");
        }
    }

    int versionNumber() {
        return versionNumber;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    PolicyStatus status() {
        return status;
    }

    @Nullable
    String note() {
        return note;
    }

    @Nullable
    Instant publishedAt() {
        return publishedAt;
    }

    @Nullable
    UUID publishedBy() {
        return publishedBy;
    }
}

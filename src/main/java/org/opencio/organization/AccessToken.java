package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A personal access token for the API, valid in one organization; only its hash and first characters are kept. */
@Entity
@Table(name = "access_tokens")
class AccessToken extends TenantEntity {

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_prefix", nullable = false, updatable = false)
    private String prefix;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected AccessToken() {}

    AccessToken(UUID accountId, String name, String prefix, String tokenHash, @Nullable Instant expiresAt) {
        this.accountId = accountId;
        this.name = name.trim();
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID accountId() {
        return accountId;
    }

    TokenView view() {
        return new TokenView(getId(), name, prefix, createdAt(), expiresAt, lastUsedAt, revokedAt);
    }

    record Snapshot(UUID accountId, String name, String prefix, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {}

    Snapshot snapshot() {
        return new Snapshot(accountId, name, prefix, expiresAt, revokedAt);
    }
}

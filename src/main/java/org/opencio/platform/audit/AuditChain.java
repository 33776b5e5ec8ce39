package org.opencio.platform.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.TokenHashing;

/** How one audit event is bound to the one before it: SHA-256 over its fields and the previous hash. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    record Entry(
            long seq,
            UUID orgId,
            Instant occurredAt,
            @Nullable UUID actorId,
            String actorName,
            String action,
            String entityType,
            String entityId,
            @Nullable String before,
            @Nullable String after,
            String previousHash) {}

    static String hash(Entry e) {
        String canonical = String.join(
                "\n",
                Long.toString(e.seq()),
                e.orgId().toString(),
                Long.toString(e.occurredAt().getEpochSecond()) + "." + e.occurredAt().getNano() / 1000,
                e.actorId() == null ? "-" : e.actorId().toString(),
                TokenHashing.sha256(e.actorName()),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.before() == null ? "-" : TokenHashing.sha256(e.before()),
                e.after() == null ? "-" : TokenHashing.sha256(e.after()),
                e.previousHash());
        return TokenHashing.sha256(canonical);
    }
}

package org.opencio.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit events to the organization's hash chain, inside the transaction of the change they describe: either
 * both are saved or neither. The chain head row is locked while appending, so events of one organization get
 * consecutive numbers and each names the hash of the one before.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().findAndAddModules().build();
    }

    /** The "after" of a state transition: the new state, and the reason given for it when there is one. */
    public static java.util.Map<String, Object> withReason(Object state, @Nullable String reason) {
        java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("state", state);
        if (reason != null && !reason.isBlank()) {
            after.put("reason", reason);
        }
        return after;
    }

    /** Records a change in the current organization. {@code before}/{@code after} are snapshots (records). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, UUID entityId, @Nullable Object before, @Nullable Object after) {
        recordIn(TenantContext.requireOrgId(), action, entityType, entityId, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordIn(
            UUID orgId,
            String action,
            String entityType,
            UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {
        AccountPrincipal actor = CurrentUser.get().orElse(null);
        recordFor(
                orgId,
                actor == null ? null : actor.accountId(),
                actor == null ? "system" : actor.displayName(),
                action,
                entityType,
                entityId,
                before,
                after);
    }

    /** Records a change made by someone who is not signed in (for instance a person accepting an invitation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFor(
            UUID orgId,
            @Nullable UUID actorId,
            String actorName,
            String action,
            String entityType,
            UUID entityId,
            @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql("insert into audit_chain_heads (org_id, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
                .params(orgId, AuditChain.GENESIS)
                .update();
        var head = jdbc.sql("select last_seq, last_hash from audit_chain_heads where org_id = ? for update")
                .param(orgId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String previousHash = (String) head[1];
        var event = new AuditChain.Entry(
                seq,
                orgId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                actorId,
                actorName,
                action,
                entityType,
                entityId.toString(),
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after),
                previousHash);
        String hash = AuditChain.hash(event);
        jdbc.sql("insert into audit_events (id, org_id, seq, occurred_at, actor_id, actor_name, action, entity_type, "
                        + "entity_id, before_state, after_state, prev_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Ids.newId(),
                        orgId,
                        seq,
                        java.sql.Timestamp.from(event.occurredAt()),
                        event.actorId(),
                        event.actorName(),
                        action,
                        entityType,
                        event.entityId(),
                        event.before(),
                        event.after(),
                        previousHash,
                        hash)
                .update();
        jdbc.sql("update audit_chain_heads set last_seq = ?, last_hash = ? where org_id = ?")
                .params(seq, hash, orgId)
                .update();
    }
}

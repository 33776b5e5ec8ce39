package org.opencio.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit events to the organization's hash chain, inside the transaction of the change they describe: either
 * both are saved or neither. The chain head row is locked while appending, so events of one organization get
 * consecutive numbers and each names the hash of the one before.
 *
 * <p>The head stays locked until the transaction ends, so every change of an organization waits for the one before to
 * commit. The events of a transaction are therefore kept until just before it commits and appended then, all under
 * one lock of the head: a change does its own work (budget checks, approval steps, notifications) without holding
 * up the organization's other changes (docs/benchmarks.md, "Purchase requests").
 */
@Component
public class AuditTrail {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditTrail.class);

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
        var event = new Pending(
                orgId,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                actorId,
                actorName,
                action,
                entityType,
                entityId.toString(),
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
        Appender appender = appender();
        if (appender == null) {
            append(List.of(event));
        } else {
            appender.events.add(event);
        }
    }

    /** An event recorded in this transaction and not yet appended to its chain. */
    private record Pending(
            UUID orgId,
            Instant occurredAt,
            @Nullable UUID actorId,
            String actorName,
            String action,
            String entityType,
            String entityId,
            @Nullable String before,
            @Nullable String after) {}

    /**
     * Appends the events of one transaction just before it commits. Registered with the transaction's first event, it
     * must be registered before the commit begins: an event first recorded by another synchronization's beforeCommit
     * would come too late for this one's (none does; afterCompletion says so loudly should one ever do).
     */
    private final class Appender implements TransactionSynchronization {
        final List<Pending> events = new ArrayList<>();
        boolean appended;

        AuditTrail owner() {
            return AuditTrail.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            append(events);
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !appended && !events.isEmpty()) {
                LOG.error("{} audit events were recorded after the transaction began to commit and were not appended", events.size());
            }
        }
    }

    /**
     * This transaction's appender, registered with its first event; null when events can no longer wait for the commit
     * (no synchronization, or the transaction is committing already), so they are appended at once.
     */
    private @Nullable Appender appender() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Appender a && a.owner() == this) {
                return a.appended ? null : a;
            }
        }
        Appender a = new Appender();
        TransactionSynchronizationManager.registerSynchronization(a);
        return a;
    }

    private void append(List<Pending> events) {
        java.util.Map<UUID, List<Pending>> byOrg = new java.util.LinkedHashMap<>();
        events.forEach(e -> byOrg.computeIfAbsent(e.orgId(), k -> new ArrayList<>()).add(e));
        byOrg.forEach(this::appendTo);
    }

    private void appendTo(UUID orgId, List<Pending> events) {
        jdbc.sql("insert into audit_chain_heads (org_id, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
                .params(orgId, AuditChain.GENESIS)
                .update();
        var head = jdbc.sql("select last_seq, last_hash from audit_chain_heads where org_id = ? for update")
                .param(orgId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0];
        String previousHash = (String) head[1];
        for (Pending p : events) {
            seq++;
            var event = new AuditChain.Entry(
                    seq, orgId, p.occurredAt(), p.actorId(), p.actorName(), p.action(), p.entityType(), p.entityId(), p.before(), p.after(),
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
                            event.action(),
                            event.entityType(),
                            event.entityId(),
                            event.before(),
                            event.after(),
                            previousHash,
                            hash)
                    .update();
            previousHash = hash;
        }
        jdbc.sql("update audit_chain_heads set last_seq = ?, last_hash = ? where org_id = ?")
                .params(seq, previousHash, orgId)
                .update();
    }
}

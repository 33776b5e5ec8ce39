package org.opencio.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.Paging;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and verifying an organization's audit trail (CIO and auditor). */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public CursorPage<AuditEventView> list(AuditFilter filter, @Nullable Integer limit, @Nullable String cursor) {
        UUID orgId = Access.require(Permission.AUDIT_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, null, Set.of("seq"), "-seq");
        StringBuilder sql = new StringBuilder(
                "select id, seq, occurred_at, actor_id, actor_name, action, entity_type, entity_id, before_state, "
                        + "after_state, hash from audit_events where org_id = :org");
        var params = new java.util.HashMap<String, Object>();
        params.put("org", orgId);
        if (request.position() instanceof KeysetScrollPosition keys && !keys.isInitial()) {
            sql.append(" and seq < :after");
            params.put("after", keys.getKeys().get("seq"));
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            sql.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.entityId() != null && !filter.entityId().isBlank()) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        if (filter.actorId() != null) {
            sql.append(" and actor_id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" and action like :action");
            params.put("action", filter.action().replace("%", "").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        sql.append(" order by seq desc limit :limit");
        params.put("limit", request.limit() + 1);
        List<AuditEventView> rows = new ArrayList<>(
                jdbc.sql(sql.toString()).params(params).query(AuditLog::view).list());
        String next = null;
        if (rows.size() > request.limit()) {
            rows.removeLast();
            next = Paging.cursor(Map.of("seq", rows.getLast().seq()), request.sortParam());
        }
        return new CursorPage<>(rows, next);
    }

    /** Recomputes the whole chain of the current organization and names the first broken link. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        UUID orgId = Access.require(Permission.AUDIT_VIEW).orgId();
        return verify(orgId);
    }

    AuditVerification verify(UUID orgId) {
        var state = new Object() {
            long expectedSeq = 1;
            String previousHash = AuditChain.GENESIS;
            long checked;
            @Nullable Long broken;
            @Nullable String reason;
        };
        jdbc.sql("select seq, org_id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, before_state, "
                        + "after_state, prev_hash, hash from audit_events where org_id = ? order by seq")
                .param(orgId)
                .query(rs -> {
                    if (state.broken != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    var entry = new AuditChain.Entry(
                            seq,
                            rs.getObject("org_id", UUID.class),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getObject("actor_id", UUID.class),
                            rs.getString("actor_name"),
                            rs.getString("action"),
                            rs.getString("entity_type"),
                            rs.getString("entity_id"),
                            rs.getString("before_state"),
                            rs.getString("after_state"),
                            rs.getString("prev_hash"));
                    if (seq != state.expectedSeq) {
                        state.broken = state.expectedSeq;
                        state.reason = "event " + state.expectedSeq + " is missing";
                    } else if (!entry.previousHash().equals(state.previousHash)) {
                        state.broken = seq;
                        state.reason = "event " + seq + " does not follow the event before it";
                    } else if (!AuditChain.hash(entry).equals(rs.getString("hash"))) {
                        state.broken = seq;
                        state.reason = "event " + seq + " was altered after it was recorded";
                    } else {
                        state.previousHash = rs.getString("hash");
                        state.expectedSeq++;
                        state.checked++;
                    }
                });
        if (state.broken == null) {
            var head = jdbc.sql("select last_seq, last_hash from audit_chain_heads where org_id = ?")
                    .param(orgId)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .optional();
            if (head.isPresent() && (long) head.get()[0] != state.checked) {
                state.broken = state.checked + 1;
                state.reason = "events after " + state.checked + " were removed";
            } else if (head.isPresent() && !head.get()[1].equals(state.previousHash)) {
                state.broken = state.checked;
                state.reason = "the last event does not match the chain head";
            }
        }
        return new AuditVerification(state.broken == null, state.checked, state.broken, state.reason);
    }

    private static AuditEventView view(ResultSet rs, int n) throws SQLException {
        return new AuditEventView(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("hash"));
    }
}

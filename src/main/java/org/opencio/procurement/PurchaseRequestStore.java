package org.opencio.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.procurement.PurchaseRequestView.LineView;
import org.opencio.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of a purchase request beside its header: lines, approval steps, their approvers and decisions. */
@Component
class PurchaseRequestStore {

    /** A step as stored, with its approvers. */
    record Step(
            UUID id,
            int round,
            int stage,
            String name,
            StepMode mode,
            StepStatus status,
            boolean fallback,
            boolean budgetExtra,
            List<UUID> approvers,
            @Nullable Instant startedAt,
            @Nullable Instant decidedAt) {}

    record StoredDecision(UUID stepId, UUID approverId, @Nullable UUID onBehalfOf, Decision decision, @Nullable String comment, Instant decidedAt) {}

    private final JdbcClient jdbc;

    PurchaseRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- lines

    void replaceLines(UUID requestId, List<LineView> lines) {
        UUID org = TenantContext.requireOrgId();
        jdbc.sql("delete from purchase_request_lines where org_id = ? and request_id = ?").params(org, requestId).update();
        for (LineView l : lines) {
            jdbc.sql("insert into purchase_request_lines (id, org_id, request_id, position, description, category_id, quantity, unit_price, "
                            + "currency, vendor_id, catalog_item, kind, rate_to_base, amount, base_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(l.id(), org, requestId, l.position(), l.description(), l.categoryId(), l.quantity(), l.unitPrice(), l.currency(),
                            l.vendorId(), l.catalogItem(), l.kind().name(), l.rateToBase(), l.amount(), l.baseAmount())
                    .update();
        }
    }

    void converted(UUID lineId, BigDecimal rate, BigDecimal baseAmount) {
        jdbc.sql("update purchase_request_lines set rate_to_base = ?, base_amount = ? where org_id = ? and id = ?")
                .params(rate, baseAmount, TenantContext.requireOrgId(), lineId)
                .update();
    }

    List<LineView> lines(UUID requestId) {
        return jdbc.sql("select * from purchase_request_lines where org_id = ? and request_id = ? order by position")
                .params(TenantContext.requireOrgId(), requestId)
                .query(PurchaseRequestStore::line)
                .list();
    }

    private static LineView line(ResultSet rs, int n) throws SQLException {
        return new LineView(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("description"), rs.getObject("category_id", UUID.class),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getString("currency"), rs.getObject("vendor_id", UUID.class),
                rs.getString("catalog_item"), LineKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getBigDecimal("rate_to_base"),
                rs.getBigDecimal("base_amount"));
    }

    // ---- steps

    UUID addStep(UUID requestId, int round, PlannedStep planned, boolean budgetExtra) {
        UUID org = TenantContext.requireOrgId();
        UUID id = Ids.newId();
        jdbc.sql("insert into approval_steps (id, org_id, request_id, round, stage, name, mode, status, fallback, budget_extra) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, org, requestId, round, planned.stage(), planned.name(), planned.mode().name(), StepStatus.WAITING.name(),
                        planned.fallback(), budgetExtra)
                .update();
        for (UUID approver : planned.approvers()) {
            jdbc.sql("insert into approval_step_approvers (org_id, step_id, account_id) values (?, ?, ?)").params(org, id, approver).update();
        }
        return id;
    }

    void setStatus(UUID stepId, StepStatus status, Instant at) {
        String column = status == StepStatus.PENDING ? "started_at" : "decided_at";
        jdbc.sql("update approval_steps set status = ?, " + column + " = ? where org_id = ? and id = ?")
                .params(status.name(), Timestamp.from(at), TenantContext.requireOrgId(), stepId)
                .update();
    }

    /** Every step of a request, round by round, stage by stage. */
    List<Step> steps(UUID requestId) {
        UUID org = TenantContext.requireOrgId();
        Map<UUID, List<UUID>> approvers = new HashMap<>();
        jdbc.sql("select a.step_id, a.account_id from approval_step_approvers a join approval_steps s on s.id = a.step_id "
                        + "where s.org_id = ? and s.request_id = ? order by a.account_id")
                .params(org, requestId)
                .query(rs -> {
                    approvers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        return jdbc.sql("select * from approval_steps where org_id = ? and request_id = ? order by round, stage, name, id")
                .params(org, requestId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Step(id, rs.getInt("round"), rs.getInt("stage"), rs.getString("name"), StepMode.valueOf(rs.getString("mode")),
                            StepStatus.valueOf(rs.getString("status")), rs.getBoolean("fallback"), rs.getBoolean("budget_extra"),
                            List.copyOf(approvers.getOrDefault(id, List.of())), instant(rs, "started_at"), instant(rs, "decided_at"));
                })
                .list();
    }

    // ---- decisions

    void decide(UUID stepId, UUID approverId, @Nullable UUID onBehalfOf, Decision decision, @Nullable String comment, Instant at) {
        jdbc.sql("insert into approval_decisions (id, org_id, step_id, approver_id, on_behalf_of, decision, comment, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), TenantContext.requireOrgId(), stepId, approverId, onBehalfOf, decision.name(), comment, Timestamp.from(at))
                .update();
    }

    /** The decisions on the given steps, oldest first. */
    List<StoredDecision> decisions(Collection<UUID> stepIds) {
        if (stepIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from approval_decisions where org_id = :org and step_id in (:steps) order by decided_at, id")
                .param("org", TenantContext.requireOrgId())
                .param("steps", stepIds)
                .query((rs, n) -> new StoredDecision(rs.getObject("step_id", UUID.class), rs.getObject("approver_id", UUID.class),
                        rs.getObject("on_behalf_of", UUID.class), Decision.valueOf(rs.getString("decision")), rs.getString("comment"),
                        instant(rs, "decided_at")))
                .list();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Map<UUID, List<StoredDecision>> byStep(List<StoredDecision> decisions) {
        Map<UUID, List<StoredDecision>> out = new LinkedHashMap<>();
        decisions.forEach(d -> out.computeIfAbsent(d.stepId(), k -> new ArrayList<>()).add(d));
        return out;
    }
}

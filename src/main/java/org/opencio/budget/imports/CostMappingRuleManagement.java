package org.opencio.budget.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's rules for sending imported cost to budget lines. Those who record actuals keep them; everyone who
 * reads the budget sees them. Rules are archived, not deleted, so that imported rows keep naming the rule that placed
 * them.
 */
@Service
class CostMappingRuleManagement {

    static final int DEFAULT_PRIORITY = 100;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CostMappingRuleManagement(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The command to create or change a rule; blank criteria mean "any". */
    record SaveMappingRule(
            @Nullable String provider,
            @Nullable String service,
            @Nullable String subAccount,
            @Nullable String tagKey,
            @Nullable String tagValue,
            @Nullable String account,
            @Nullable String lineCode,
            @Nullable Integer priority) {

        static SaveMappingRule of(MappingRuleView rule) {
            return new SaveMappingRule(rule.provider(), rule.service(), rule.subAccount(), rule.tagKey(), rule.tagValue(),
                    rule.account(), rule.lineCode(), rule.priority());
        }
    }

    @Transactional(readOnly = true)
    public List<MappingRuleView> list(boolean archived) {
        Access.require(Permission.BUDGET_VIEW);
        return jdbc.sql("select * from cost_mapping_rules where org_id = ? and archived = ? order by line_code, priority, created_at, id")
                .params(TenantContext.requireOrgId(), archived)
                .query(CostMappingRuleManagement::view)
                .list();
    }

    @Transactional(readOnly = true)
    public MappingRuleView get(UUID id) {
        Access.require(Permission.BUDGET_VIEW);
        return find(id);
    }

    @Transactional
    public MappingRuleView create(SaveMappingRule command) {
        Access.require(Permission.ACTUALS_RECORD);
        SaveMappingRule rule = validated(command);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("insert into cost_mapping_rules (id, org_id, provider, service, sub_account, tag_key, tag_value, account, line_code, "
                        + "priority, archived, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 0)")
                .params(id, TenantContext.requireOrgId(), rule.provider(), rule.service(), rule.subAccount(), rule.tagKey(), rule.tagValue(),
                        rule.account(), rule.lineCode(), rule.priority(), now, now)
                .update();
        MappingRuleView created = find(id);
        audit.record("cost-mapping-rule.created", "CostMappingRule", id, null, created);
        return created;
    }

    @Transactional
    public MappingRuleView update(UUID id, SaveMappingRule command, long expectedVersion) {
        Access.require(Permission.ACTUALS_RECORD);
        MappingRuleView before = find(id);
        Versions.check(expectedVersion, before.version());
        if (before.archived()) {
            throw new ConflictException("id", "the rule is archived");
        }
        SaveMappingRule rule = validated(command);
        jdbc.sql("update cost_mapping_rules set provider = ?, service = ?, sub_account = ?, tag_key = ?, tag_value = ?, account = ?, "
                        + "line_code = ?, priority = ?, updated_at = ?, version = version + 1 where org_id = ? and id = ? and version = ?")
                .params(rule.provider(), rule.service(), rule.subAccount(), rule.tagKey(), rule.tagValue(), rule.account(), rule.lineCode(),
                        rule.priority(), Timestamp.from(Instant.now()), TenantContext.requireOrgId(), id, expectedVersion)
                .update();
        MappingRuleView after = find(id);
        audit.record("cost-mapping-rule.updated", "CostMappingRule", id, before, after);
        return after;
    }

    @Transactional
    public MappingRuleView archive(UUID id, @Nullable String reason) {
        Access.require(Permission.ACTUALS_RECORD);
        MappingRuleView before = find(id);
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        if (before.archived()) {
            return before;
        }
        jdbc.sql("update cost_mapping_rules set archived = true, updated_at = ?, version = version + 1 where org_id = ? and id = ?")
                .params(Timestamp.from(Instant.now()), TenantContext.requireOrgId(), id)
                .update();
        MappingRuleView after = find(id);
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("rule", after);
        if (reason != null && !reason.isBlank()) {
            state.put("reason", reason);
        }
        audit.record("cost-mapping-rule.archived", "CostMappingRule", id, before, state);
        return after;
    }

    /** The active rules of an organization, for an import running outside a request. */
    List<MappingRuleView> active(UUID orgId) {
        return jdbc.sql("select * from cost_mapping_rules where org_id = ? and archived = false")
                .param(orgId)
                .query(CostMappingRuleManagement::view)
                .list();
    }

    private MappingRuleView find(UUID id) {
        return jdbc.sql("select * from cost_mapping_rules where org_id = ? and id = ?")
                .params(TenantContext.requireOrgId(), id)
                .query(CostMappingRuleManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Cost mapping rule"));
    }

    private static SaveMappingRule validated(SaveMappingRule c) {
        SaveMappingRule rule = new SaveMappingRule(clean(c.provider()), clean(c.service()), clean(c.subAccount()), clean(c.tagKey()),
                clean(c.tagValue()), clean(c.account()), clean(c.lineCode()), c.priority() == null ? DEFAULT_PRIORITY : c.priority());
        Checks checks = new Checks()
                .code("lineCode", rule.lineCode())
                .text("provider", rule.provider(), 200, false)
                .text("service", rule.service(), 200, false)
                .text("subAccount", rule.subAccount(), 200, false)
                .text("tagKey", rule.tagKey(), 200, false)
                .text("tagValue", rule.tagValue(), 200, false)
                .text("account", rule.account(), 100, false)
                .range("priority", rule.priority(), 0, 10_000)
                .rule(rule.tagValue() == null || rule.tagKey() != null, "tagKey", "required", "tagKey is required with tagValue");
        boolean criteria = rule.provider() != null || rule.service() != null || rule.subAccount() != null || rule.tagKey() != null
                || rule.account() != null;
        checks.rule(criteria, "provider", "criteria",
                "give at least one of provider, service, subAccount, tagKey or account; unmatched cost goes to the unallocated line anyway");
        checks.throwIfAny();
        return rule;
    }

    private static @Nullable String clean(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static MappingRuleView view(ResultSet rs, int n) throws SQLException {
        return new MappingRuleView(
                rs.getObject("id", UUID.class),
                rs.getString("provider"),
                rs.getString("service"),
                rs.getString("sub_account"),
                rs.getString("tag_key"),
                rs.getString("tag_value"),
                rs.getString("account"),
                rs.getString("line_code"),
                rs.getInt("priority"),
                rs.getBoolean("archived"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}

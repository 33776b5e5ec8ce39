package org.opencio.organization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people of an organization: their role, department and approval limit, and whether they still have access. */
@Service
public class MemberManagement {

    static final Map<String, String> SORTS = Map.of(
            "name", "a.display_name", "email", "a.email", "role", "m.role", "createdAt", "m.created_at", "id", "m.id");

    private final Memberships memberships;
    private final Departments departments;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MemberManagement(
            Memberships memberships,
            Departments departments,
            AuditTrail audit,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.departments = departments;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CursorPage<MemberView> list(
            MemberFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.MEMBERS_VIEW).orgId();
        Paging.Request request =
                Paging.request(limit, cursor, sort, Set.of("name", "email", "role", "createdAt"), "name");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT + " where m.org_id = :org and m.active = :active");
        params.put("active", filter.active() == null || filter.active());
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and (lower(a.display_name) like :q or a.email like :q)");
            params.put("q", "%" + filter.query().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.role() != null) {
            sql.append(" and m.role = :role");
            params.put("role", filter.role().name());
        }
        if (filter.departmentId() != null) {
            sql.append(" and m.department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<MemberView> rows = jdbc.sql(sql.toString()).params(params).query(MemberManagement::view).list();
        return keyset.page(rows, request, m -> keys(request, m));
    }

    /**
     * The accounts of the current organization's active members with this role, for other modules that notify them
     * (no permission needed: it reveals nothing but ids).
     */
    @Transactional(readOnly = true)
    public List<UUID> activeAccounts(Role role) {
        return jdbc.sql("select account_id from memberships where org_id = ? and role = ? and active = true")
                .params(org.opencio.platform.tenancy.TenantContext.requireOrgId(), role.name())
                .query(UUID.class)
                .list();
    }

    /** Display names of members of the current organization, by account (other modules show them in lists). */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(java.util.Collection<UUID> accountIds) {
        Map<UUID, String> names = new HashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select a.id, a.display_name from accounts a join memberships m on m.account_id = a.id "
                        + "where m.org_id = :org and a.id in (:ids)")
                .param("org", org.opencio.platform.tenancy.TenantContext.requireOrgId())
                .param("ids", accountIds)
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    /**
     * The approval limit of an active member of the current organization, in its base currency; zero for anyone else
     * (other modules resolve approval chains with it).
     */
    @Transactional(readOnly = true)
    public BigDecimal approvalLimitOf(UUID accountId) {
        return jdbc.sql("select approval_limit from memberships where org_id = ? and account_id = ? and active = true")
                .params(org.opencio.platform.tenancy.TenantContext.requireOrgId(), accountId)
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    /** The department of an active member of the current organization, when they have one (approval escalation). */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> departmentOf(UUID accountId) {
        return jdbc.sql("select department_id from memberships where org_id = ? and account_id = ? and active = true and department_id is not null")
                .params(org.opencio.platform.tenancy.TenantContext.requireOrgId(), accountId)
                .query(UUID.class)
                .optional();
    }

    /** Whether the account is an active member of the current organization. */
    @Transactional(readOnly = true)
    public boolean isActiveMember(UUID accountId) {
        return jdbc.sql("select count(*) from memberships where org_id = ? and account_id = ? and active = true")
                .params(org.opencio.platform.tenancy.TenantContext.requireOrgId(), accountId)
                .query(Long.class)
                .single() > 0;
    }

    @Transactional(readOnly = true)
    public MemberView get(UUID id) {
        UUID orgId = Access.require(Permission.MEMBERS_VIEW).orgId();
        return find(orgId, id);
    }

    @Transactional
    public MemberView update(UUID id, UpdateMember command, long expectedVersion) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        Versions.check(expectedVersion, member.version());
        var checks = new Checks()
                .required("role", command.role())
                .money("approvalLimit", command.approvalLimit());
        if (command.departmentId() != null) {
            checks.rule(
                    departments.findById(command.departmentId()).filter(d -> !d.archived()).isPresent(),
                    "departmentId",
                    "unknown",
                    "departmentId names no active department of this organization");
        }
        checks.throwIfAny();
        if (!caller.role().mayGrant(member.role()) || !caller.role().mayGrant(command.role())) {
            throw new ForbiddenException("your role may not change members to or from " + command.role());
        }
        BigDecimal limit = command.approvalLimit() == null ? BigDecimal.ZERO : command.approvalLimit();
        ApprovalLimits.requireMayGrant(caller, memberships, limit, member);
        if (member.role() == Role.CIO && command.role() != Role.CIO) {
            requireAnotherCio(member);
        }
        var before = member.snapshot();
        member.change(command.role(), command.departmentId(), limit);
        memberships.saveAndFlush(member);
        audit.record("member.updated", "Membership", id, before, member.snapshot());
        return find(caller.orgId(), id);
    }

    /** Removes the member's access at once; their history stays. */
    @Transactional
    public MemberView deactivate(UUID id, @Nullable String reason) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        if (!member.active()) {
            throw new ConflictException("active", "the member is already deactivated");
        }
        if (member.accountId().equals(caller.accountId())) {
            throw new ConflictException("id", "you cannot deactivate yourself");
        }
        if (!caller.role().mayGrant(member.role())) {
            throw new ForbiddenException("your role may not deactivate a " + member.role());
        }
        if (member.role() == Role.CIO) {
            requireAnotherCio(member);
        }
        var before = member.snapshot();
        member.deactivate();
        memberships.saveAndFlush(member);
        audit.record("member.deactivated", "Membership", id, before, AuditTrail.withReason(member.snapshot(), reason));
        events.publishEvent(new MemberDeactivated(caller.orgId(), id, member.accountId()));
        return find(caller.orgId(), id);
    }

    @Transactional
    public MemberView reactivate(UUID id, @Nullable String reason) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("Member"));
        if (member.active()) {
            throw new ConflictException("active", "the member is active");
        }
        if (!caller.role().mayGrant(member.role())) {
            throw new ForbiddenException("your role may not reactivate a " + member.role());
        }
        var before = member.snapshot();
        member.reactivate();
        memberships.saveAndFlush(member);
        audit.record("member.reactivated", "Membership", id, before, AuditTrail.withReason(member.snapshot(), reason));
        return find(caller.orgId(), id);
    }

    private void requireAnotherCio(Membership member) {
        // Locking the CIOs makes two CIOs demoting each other at the same moment take turns: the second one sees
        // that only one is left.
        if (member.active() && memberships.findByRoleAndActiveTrueOrderById(Role.CIO).size() <= 1) {
            throw new ConflictException("role", "an organization keeps at least one active CIO");
        }
    }

    private MemberView find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " where m.org_id = :org and m.id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(MemberManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Member"));
    }

    private static Map<String, ?> keys(Paging.Request request, MemberView m) {
        String field = request.sort().iterator().next().getProperty();
        return switch (field) {
            case "email" -> Map.of("email", m.email(), "id", m.id());
            case "role" -> Map.of("role", m.role().name(), "id", m.id());
            case "createdAt" -> Map.of("createdAt", m.createdAt(), "id", m.id());
            default -> Map.of("name", m.displayName(), "id", m.id());
        };
    }

    private static final String SELECT = "select m.id, m.account_id, a.email, a.display_name, m.role, m.department_id, "
            + "d.name as department_name, m.approval_limit, m.approval_currency, m.active, m.created_at, m.version "
            + "from memberships m join accounts a on a.id = m.account_id "
            + "left join departments d on d.id = m.department_id and d.org_id = m.org_id";

    private static MemberView view(ResultSet rs, int n) throws SQLException {
        return new MemberView(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("department_id", UUID.class),
                rs.getString("department_name"),
                rs.getBigDecimal("approval_limit"),
                rs.getString("approval_currency"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}

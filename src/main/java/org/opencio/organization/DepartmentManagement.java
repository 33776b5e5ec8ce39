package org.opencio.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The department tree of an organization; each department is a cost centre with a head. */
@Service
public class DepartmentManagement {

    static final Map<String, String> SORTS = Map.of("name", "d.name", "code", "d.code", "id", "d.id");

    private final Departments departments;
    private final Memberships memberships;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    DepartmentManagement(Departments departments, Memberships memberships, AuditTrail audit, JdbcClient jdbc) {
        this.departments = departments;
        this.memberships = memberships;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public CursorPage<DepartmentView> list(
            @Nullable String query,
            boolean includeArchived,
            @Nullable Integer limit,
            @Nullable String cursor,
            @Nullable String sort) {
        UUID orgId = Access.require(Permission.DEPARTMENTS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("name", "code"), "name");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT + " where d.org_id = :org");
        if (!includeArchived) {
            sql.append(" and d.archived = false");
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (lower(d.name) like :q or lower(d.code) like :q or lower(d.cost_centre) like :q)");
            params.put("q", "%" + query.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<DepartmentView> rows = jdbc.sql(sql.toString()).params(params).query(DepartmentManagement::view).list();
        return keyset.page(rows, request, d -> keys(request, d));
    }

    /** Every active department in tree order (parents before children), for pickers and the tree view. */
    @Transactional(readOnly = true)
    public List<TreeEntry> tree() {
        UUID orgId = Access.require(Permission.DEPARTMENTS_VIEW).orgId();
        List<DepartmentView> all = jdbc.sql(SELECT + " where d.org_id = :org and d.archived = false order by d.name")
                .param("org", orgId)
                .query(DepartmentManagement::view)
                .list();
        Map<UUID, List<DepartmentView>> children = new HashMap<>();
        List<DepartmentView> roots = new ArrayList<>();
        Set<UUID> ids = new java.util.HashSet<>();
        all.forEach(d -> ids.add(d.id()));
        for (DepartmentView d : all) {
            if (d.parentId() == null || !ids.contains(d.parentId())) {
                roots.add(d);
            } else {
                children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<TreeEntry> out = new ArrayList<>();
        roots.forEach(r -> walk(r, 0, children, out));
        return out;
    }

    /** A department with its depth in the tree. */
    public record TreeEntry(DepartmentView department, int depth) {}

    private static void walk(DepartmentView d, int depth, Map<UUID, List<DepartmentView>> children, List<TreeEntry> out) {
        out.add(new TreeEntry(d, depth));
        children.getOrDefault(d.id(), List.of()).forEach(c -> walk(c, depth + 1, children, out));
    }

    /** Where an active department sits in the tree and who heads it: ids only, for other modules that route approvals. */
    public record ReportingLine(UUID departmentId, @Nullable UUID parentId, @Nullable UUID headAccountId) {}

    /**
     * The active departments of the current organization with their parent and head, for work that runs without a
     * member (the approval reminder job escalates up the heads); no permission needed: it reveals nothing but ids.
     */
    @Transactional(readOnly = true)
    public List<ReportingLine> reportingLines() {
        return jdbc.sql("select id, parent_id, head_account_id from departments where org_id = ? and archived = false order by id")
                .param(org.opencio.platform.tenancy.TenantContext.requireOrgId())
                .query((rs, n) -> new ReportingLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    /** Whether the id names an active department of the current organization (for other modules' checks). */
    @Transactional(readOnly = true)
    public boolean isActiveDepartment(UUID id) {
        return departments.findById(id).filter(d -> !d.archived()).isPresent();
    }

    @Transactional(readOnly = true)
    public DepartmentView get(UUID id) {
        UUID orgId = Access.require(Permission.DEPARTMENTS_VIEW).orgId();
        return jdbc.sql(SELECT + " where d.org_id = :org and d.id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(DepartmentManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Department"));
    }

    @Transactional
    public DepartmentView create(SaveDepartment command) {
        Access.require(Permission.DEPARTMENTS_MANAGE);
        validate(command, null);
        if (departments.existsByCode(command.code().trim())) {
            throw new ConflictException("code", "a department with the code '" + command.code() + "' exists");
        }
        var department = new Department(
                command.code(), command.name(), command.costCentre(), command.parentId(), command.headAccountId());
        departments.saveAndFlush(department);
        audit.record("department.created", "Department", department.getId(), null, department.snapshot());
        return get(department.getId());
    }

    @Transactional
    public DepartmentView update(UUID id, SaveDepartment command, long expectedVersion) {
        Access.require(Permission.DEPARTMENTS_MANAGE);
        Department department = departments.findById(id).orElseThrow(() -> new NotFoundException("Department"));
        Versions.check(expectedVersion, department.version());
        validate(command, id);
        if (!department.code().equals(command.code().trim()) && departments.existsByCode(command.code().trim())) {
            throw new ConflictException("code", "a department with the code '" + command.code() + "' exists");
        }
        var before = department.snapshot();
        department.update(
                command.code(), command.name(), command.costCentre(), command.parentId(), command.headAccountId());
        departments.saveAndFlush(department);
        audit.record("department.updated", "Department", id, before, department.snapshot());
        return get(id);
    }

    @Transactional
    public DepartmentView archive(UUID id, @Nullable String reason) {
        Access.require(Permission.DEPARTMENTS_MANAGE);
        Department department = departments.findById(id).orElseThrow(() -> new NotFoundException("Department"));
        if (department.archived()) {
            throw new ConflictException("archived", "the department is already archived");
        }
        if (!departments.findByParentIdAndArchivedFalse(id).isEmpty()) {
            throw new ConflictException("id", "archive or move its sub-departments first");
        }
        var before = department.snapshot();
        department.archive();
        departments.saveAndFlush(department);
        audit.record("department.archived", "Department", id, before, AuditTrail.withReason(department.snapshot(), reason));
        return get(id);
    }

    private void validate(SaveDepartment c, @Nullable UUID self) {
        var checks = new Checks()
                .code("code", c.code())
                .text("name", c.name(), 200, true)
                .text("costCentre", c.costCentre(), 50, false);
        if (c.parentId() != null) {
            var parent = departments.findById(c.parentId());
            checks.rule(parent.isPresent() && !parent.get().archived(), "parentId", "unknown", "parentId names no active department of this organization");
            if (self != null && parent.isPresent()) {
                checks.rule(!createsCycle(self, c.parentId()), "parentId", "cycle", "a department cannot sit below itself");
            }
        }
        if (c.headAccountId() != null) {
            checks.rule(
                    memberships.findByAccountId(c.headAccountId()).filter(Membership::active).isPresent(),
                    "headAccountId",
                    "unknown",
                    "headAccountId names no active member of this organization");
        }
        checks.throwIfAny();
    }

    private boolean createsCycle(UUID self, UUID parentId) {
        UUID current = parentId;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.equals(self)) {
                return true;
            }
            current = departments.findById(current).map(Department::parentId).orElse(null);
        }
        return false;
    }

    private static Map<String, ?> keys(Paging.Request request, DepartmentView d) {
        String field = request.sort().iterator().next().getProperty();
        return switch (field) {
            case "code" -> Map.of("code", d.code(), "id", d.id());
            default -> Map.of("name", d.name(), "id", d.id());
        };
    }

    private static final String SELECT = "select d.id, d.code, d.name, d.cost_centre, d.parent_id, p.name as parent_name, "
            + "d.head_account_id, a.display_name as head_name, d.archived, d.version from departments d "
            + "left join departments p on p.id = d.parent_id and p.org_id = d.org_id "
            + "left join accounts a on a.id = d.head_account_id";

    private static DepartmentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DepartmentView(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("cost_centre"),
                rs.getObject("parent_id", UUID.class),
                rs.getString("parent_name"),
                rs.getObject("head_account_id", UUID.class),
                rs.getString("head_name"),
                rs.getBoolean("archived"),
                rs.getLong("version"));
    }
}

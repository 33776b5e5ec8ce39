package org.opencio.procurement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the requests of a list page wait on now — pending steps of the current round of submitted requests — with
 * their approvers by name, read in one query for the whole page. A member who does not see every request learns only
 * of their own requests.
 */
@Service
public class WaitingSteps {

    /** A step a request waits on, and who may decide it. */
    public record Waiting(UUID stepId, String stepName, List<String> approvers) {}

    private final JdbcClient jdbc;
    private final MemberManagement members;

    WaitingSteps(JdbcClient jdbc, MemberManagement members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Waiting>> of(Collection<UUID> requestIds) {
        OrgAccess caller = TenantContext.requireAccess();
        boolean all = caller.can(Permission.PURCHASE_REQUESTS_VIEW_ALL);
        if (!all && !caller.can(Permission.PURCHASE_REQUESTS_CREATE)) {
            throw new ForbiddenException("your role (" + caller.role() + ") does not see purchase requests");
        }
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID requestId, UUID stepId, String name, UUID approver) {}
        List<Row> rows = jdbc.sql("select s.request_id, s.id, s.name, a.account_id from approval_steps s "
                        + "join purchase_requests r on r.id = s.request_id and r.org_id = s.org_id "
                        + "join approval_step_approvers a on a.step_id = s.id and a.org_id = s.org_id "
                        + "where s.org_id = :org and s.request_id in (:ids) and s.status = 'PENDING' and s.round = r.round and r.status = 'SUBMITTED'"
                        + (all ? "" : " and r.requester_id = :me")
                        + " order by s.stage, s.name, s.id, a.account_id")
                .param("org", caller.orgId())
                .param("ids", requestIds)
                .param("me", caller.accountId())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class)))
                .list();
        Set<UUID> people = new HashSet<>();
        rows.forEach(r -> people.add(r.approver()));
        Map<UUID, String> names = members.displayNames(people);
        Map<UUID, Map<UUID, Waiting>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.requestId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.stepId(), k -> new Waiting(r.stepId(), r.name(), new ArrayList<>()))
                    .approvers().add(names.getOrDefault(r.approver(), "?"));
        }
        Map<UUID, List<Waiting>> result = new HashMap<>();
        out.forEach((id, steps) -> result.put(id, steps.values().stream()
                .map(w -> new Waiting(w.stepId(), w.stepName(), w.approvers().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()))
                .toList()));
        return result;
    }
}

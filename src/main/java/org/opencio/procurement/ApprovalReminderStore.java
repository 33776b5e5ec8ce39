package org.opencio.procurement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's reminder settings row (the defaults without one) and the follow-ups of its steps. */
@Component
class ApprovalReminderStore {

    static final int DEFAULT_REMIND = 2;
    static final int DEFAULT_ESCALATE = 5;

    record Settings(int remindAfterDays, int escalateAfterDays, long version) {}

    /** A reminder or escalation as stored, with the step it was about. */
    record FollowUp(UUID stepId, String stepName, int round, FollowUpKind kind, int businessDays, Instant at, List<UUID> people) {}

    private final JdbcClient jdbc;

    ApprovalReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings get() {
        return read(TenantContext.requireOrgId(), false);
    }

    /**
     * The settings row, locked until the transaction ends (made with the defaults when missing): the reminder job holds
     * it while it works on the organization, so a second node waits and then finds every follow-up recorded.
     */
    Settings lock(UUID orgId) {
        jdbc.sql("insert into approval_settings (org_id, remind_after_days, escalate_after_days, updated_at, version) "
                        + "values (?, ?, ?, ?, 0) on conflict do nothing")
                .params(orgId, DEFAULT_REMIND, DEFAULT_ESCALATE, Timestamp.from(Instant.now()))
                .update();
        return read(orgId, true);
    }

    /** Saves the settings if the stored version is still {@code expectedVersion}; answers the new version or -1. */
    long save(int remind, int escalate, long expectedVersion) {
        UUID orgId = TenantContext.requireOrgId();
        Timestamp now = Timestamp.from(Instant.now());
        if (expectedVersion == 0) {
            int inserted = jdbc.sql("insert into approval_settings (org_id, remind_after_days, escalate_after_days, updated_at, version) "
                            + "values (?, ?, ?, ?, 1) on conflict do nothing")
                    .params(orgId, remind, escalate, now)
                    .update();
            if (inserted == 1) {
                return 1;
            }
        }
        int updated = jdbc.sql("update approval_settings set remind_after_days = ?, escalate_after_days = ?, updated_at = ?, version = version + 1 "
                        + "where org_id = ? and version = ?")
                .params(remind, escalate, now, orgId, expectedVersion)
                .update();
        return updated == 1 ? expectedVersion + 1 : -1;
    }

    /** Records a follow-up of a step; answers false (and records nothing) when the step had one of this kind already. */
    boolean record(UUID orgId, UUID stepId, UUID requestId, FollowUpKind kind, int businessDays, Instant at, Collection<UUID> people) {
        return jdbc.sql("insert into approval_step_follow_ups (org_id, step_id, request_id, kind, business_days, happened_at, people) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(orgId, stepId, requestId, kind.name(), businessDays, Timestamp.from(at),
                        people.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .update() == 1;
    }

    /** The people a step was escalated to, if it was. */
    java.util.Set<UUID> escalatedTo(UUID stepId) {
        java.util.Set<UUID> people = new java.util.HashSet<>();
        jdbc.sql("select people from approval_step_follow_ups where org_id = ? and step_id = ? and kind = ?")
                .params(org.opencio.platform.tenancy.TenantContext.requireOrgId(), stepId, FollowUpKind.ESCALATION.name())
                .query(String.class)
                .list()
                .forEach(list -> java.util.Arrays.stream(list.split(",")).filter(id -> !id.isBlank()).map(UUID::fromString).forEach(people::add));
        return people;
    }

    void addApprover(UUID orgId, UUID stepId, UUID accountId) {
        jdbc.sql("insert into approval_step_approvers (org_id, step_id, account_id) values (?, ?, ?) on conflict do nothing")
                .params(orgId, stepId, accountId)
                .update();
    }

    /** The follow-ups of a request's steps, oldest first. */
    List<FollowUp> followUps(UUID requestId) {
        return jdbc.sql("select f.step_id, s.name, s.round, f.kind, f.business_days, f.happened_at, f.people from approval_step_follow_ups f "
                        + "join approval_steps s on s.id = f.step_id and s.org_id = f.org_id "
                        + "where f.org_id = ? and f.request_id = ? order by f.happened_at, f.kind")
                .params(TenantContext.requireOrgId(), requestId)
                .query((rs, n) -> new FollowUp(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), FollowUpKind.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), split(rs.getString(7))))
                .list();
    }

    private Settings read(UUID orgId, boolean forUpdate) {
        return jdbc.sql("select remind_after_days, escalate_after_days, version from approval_settings where org_id = ?"
                        + (forUpdate ? " for update" : ""))
                .param(orgId)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                .optional()
                .orElse(new Settings(DEFAULT_REMIND, DEFAULT_ESCALATE, 0));
    }

    private static List<UUID> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
    }
}

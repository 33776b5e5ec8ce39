package org.opencio.procurement;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval cycle time over a period, for those who see every request. The durations are read with plain SQL over the
 * requests, steps and decisions of the organization (on indexed decision dates); medians and percentiles are worked
 * out here, the same on H2 and PostgreSQL.
 */
@Service
public class CycleTimes {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 731;

    private final JdbcClient jdbc;
    private final MemberManagement members;

    CycleTimes(JdbcClient jdbc, MemberManagement members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /** The period from {@code from} to {@code to}, both included; by default the 90 days up to today. */
    @Transactional(readOnly = true)
    public CycleTimeReport report(@Nullable LocalDate from, @Nullable LocalDate to) {
        OrgAccess caller = Access.require(Permission.PURCHASE_REQUESTS_VIEW_ALL);
        ZoneId zone = ZoneId.of(caller.timeZone());
        LocalDate end = to != null ? to : LocalDate.now(zone);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        var checks = new Checks().rule(!start.isAfter(end), "from", "order", "from must not be after to");
        if (!checks.hasErrors()) {
            checks.rule(ChronoUnit.DAYS.between(start, end) < MAX_DAYS, "to", "range", "a period spans at most " + MAX_DAYS + " days");
        }
        checks.throwIfAny();
        Map<String, Object> params = Map.of("org", caller.orgId(),
                "from", Timestamp.from(start.atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(end.plusDays(1).atStartOfDay(zone).toInstant()));

        List<Long> requestSeconds = new ArrayList<>();
        Map<LocalDate, List<Long>> byWeek = new TreeMap<>();
        jdbc.sql("select submitted_at, decided_at from purchase_requests where org_id = :org and status in ('APPROVED', 'REJECTED') "
                        + "and decided_at >= :from and decided_at < :to and submitted_at is not null")
                .params(params)
                .query(rs -> {
                    Instant submitted = rs.getTimestamp(1).toInstant();
                    Instant decided = rs.getTimestamp(2).toInstant();
                    long seconds = seconds(submitted, decided);
                    requestSeconds.add(seconds);
                    LocalDate week = LocalDate.ofInstant(decided, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    byWeek.computeIfAbsent(week, k -> new ArrayList<>()).add(seconds);
                });

        Map<String, List<Long>> byStep = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.sql("select name, started_at, decided_at from approval_steps where org_id = :org and status in ('APPROVED', 'REJECTED') "
                        + "and decided_at >= :from and decided_at < :to and started_at is not null")
                .params(params)
                .query(rs -> {
                    byStep.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(seconds(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });

        Map<UUID, List<Long>> byApprover = new LinkedHashMap<>();
        jdbc.sql("select d.approver_id, s.started_at, d.decided_at from approval_decisions d "
                        + "join approval_steps s on s.id = d.step_id and s.org_id = d.org_id "
                        + "where d.org_id = :org and d.decided_at >= :from and d.decided_at < :to and s.started_at is not null")
                .params(params)
                .query(rs -> {
                    byApprover.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(seconds(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
                });

        // Every week of the period, empty ones included, so a chart's axis is the period itself.
        List<CycleTimeReport.Week> weeks = new ArrayList<>();
        for (LocalDate w = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !w.isAfter(end); w = w.plusWeeks(1)) {
            weeks.add(new CycleTimeReport.Week(w, Percentiles.ofSeconds(byWeek.getOrDefault(w, List.of()))));
        }
        List<CycleTimeReport.StepGroup> steps = new ArrayList<>();
        byStep.forEach((name, values) -> steps.add(new CycleTimeReport.StepGroup(name, Percentiles.ofSeconds(values))));
        steps.sort(Comparator.comparingInt((CycleTimeReport.StepGroup g) -> -g.stat().count()).thenComparing(CycleTimeReport.StepGroup::name));
        Map<UUID, String> names = members.displayNames(byApprover.keySet());
        List<CycleTimeReport.ApproverGroup> approvers = new ArrayList<>();
        byApprover.forEach((id, values) -> approvers.add(new CycleTimeReport.ApproverGroup(id, names.getOrDefault(id, "?"), Percentiles.ofSeconds(values))));
        approvers.sort(Comparator.comparingInt((CycleTimeReport.ApproverGroup g) -> -g.stat().count())
                .thenComparing(CycleTimeReport.ApproverGroup::name, String.CASE_INSENSITIVE_ORDER));
        return new CycleTimeReport(start, end, Percentiles.ofSeconds(requestSeconds), weeks, steps, approvers);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}

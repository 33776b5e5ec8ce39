package org.opencio.procurement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows up approval steps that wait too long, by business days in each organization's time zone (weekends skipped):
 * after the organization's reminder threshold the step's approvers and their delegates of the day are reminded, after
 * its escalation threshold the next person up ({@link EscalationChain}) is added as an approver of the step and told,
 * the requester hears of it, and the audit trail records it. The job ticks every hour under a ShedLock, so one node
 * runs it at a time, and works on an organization from {@code opencio.approvals.reminder-hour} (8 by default, local
 * time). Within it the organization's settings row is locked while it is worked on, and each follow-up is keyed by step
 * and kind in {@code approval_step_follow_ups}, inserted in the same transaction as its notifications: a step is
 * reminded once and escalated once, whatever restarts, repeated runs or second nodes there are. A step found past both
 * thresholds (the job was down) is escalated without a reminder first.
 */
@Component
class ApprovalReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ApprovalReminderJob.class);

    /** A pending step of a submitted request, as the job finds it. */
    record Waiting(UUID stepId, UUID requestId, String number, String title, UUID requesterId, String stepName, Instant startedAt) {}

    private final JdbcClient jdbc;
    private final ApprovalReminderStore store;
    private final PurchaseRequestStore steps;
    private final PurchaseRequests requests;
    private final OrganizationManagement organizations;
    private final MemberManagement members;
    private final DepartmentManagement departments;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate orgTx;
    private final TransactionTemplate stepTx;
    private final int reminderHour;

    ApprovalReminderJob(
            JdbcClient jdbc,
            ApprovalReminderStore store,
            PurchaseRequestStore steps,
            PurchaseRequests requests,
            OrganizationManagement organizations,
            MemberManagement members,
            DepartmentManagement departments,
            Notifications notifications,
            AuditTrail audit,
            MessageSource messages,
            ObjectProvider<Clock> clock,
            PlatformTransactionManager txManager,
            @Value("${opencio.approvals.reminder-hour:8}") int reminderHour) {
        this.jdbc = jdbc;
        this.store = store;
        this.steps = steps;
        this.requests = requests;
        this.organizations = organizations;
        this.members = members;
        this.departments = departments;
        this.notifications = notifications;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.orgTx = new TransactionTemplate(txManager);
        this.stepTx = new TransactionTemplate(txManager);
        this.stepTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reminderHour = reminderHour;
    }

    @Scheduled(cron = "${opencio.approvals.job-cron:0 17 * * * *}")
    @SchedulerLock(name = "approval-reminders", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    void hourly() {
        run(clock.instant());
    }

    /** Follows up every organization with pending steps; answers how many follow-ups were sent. */
    int run(Instant now) {
        List<UUID> orgIds = jdbc.sql("select distinct org_id from approval_steps where status = 'PENDING'").query(UUID.class).list();
        int sent = 0;
        for (UUID orgId : orgIds) {
            try {
                sent += runFor(orgId, now);
            } catch (RuntimeException e) {
                log.error("Approval reminders failed for organization {}; they run again within the hour", orgId, e);
            }
        }
        return sent;
    }

    /** The organization's due reminders and escalations; answers how many were sent (none before its local hour). */
    int runFor(UUID orgId, Instant now) {
        OrganizationView org = organizations.find(orgId).filter(o -> !o.archived()).orElse(null);
        if (org == null) {
            return 0;
        }
        ZoneId zone = ZoneId.of(org.timeZone());
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        if (local.getHour() < reminderHour) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        Integer sent = TenantContext.callInOrg(orgId, () -> orgTx.execute(status -> {
            ApprovalReminderStore.Settings settings = store.lock(orgId);
            int count = 0;
            for (Waiting step : waiting(orgId, now)) {
                int waited = BusinessDays.waited(LocalDate.ofInstant(step.startedAt(), zone), today);
                if (waited < settings.remindAfterDays()) {
                    continue;
                }
                FollowUpKind kind = waited >= settings.escalateAfterDays() ? FollowUpKind.ESCALATION : FollowUpKind.REMINDER;
                try {
                    if (Boolean.TRUE.equals(stepTx.execute(s -> followUp(org, step, kind, waited, today, now)))) {
                        count++;
                    }
                } catch (RuntimeException e) {
                    log.error("Approval follow-up failed for step {} of organization {}; the others go on", step.stepId(), orgId, e);
                }
            }
            return count;
        }));
        return sent == null ? 0 : sent;
    }

    private List<Waiting> waiting(UUID orgId, Instant now) {
        return jdbc.sql("select s.id, s.request_id, r.number, r.title, r.requester_id, s.name, s.started_at from approval_steps s "
                        + "join purchase_requests r on r.id = s.request_id and r.org_id = s.org_id "
                        + "where s.org_id = ? and s.status = 'PENDING' and r.status = 'SUBMITTED' and s.started_at < ? order by s.started_at, s.id")
                .params(orgId, Timestamp.from(now))
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Sends one follow-up of a step unless it was sent before; answers whether it was sent now. */
    private boolean followUp(OrganizationView org, Waiting waiting, FollowUpKind kind, int waited, LocalDate today, Instant now) {
        // The request row is locked as a decision locks it, so an approver deciding meanwhile is waited for and the step
        // is read as that decision left it.
        PurchaseRequest request = requests.lockById(waiting.requestId()).orElse(null);
        if (request == null || request.status() != PurchaseRequestStatus.SUBMITTED) {
            return false;
        }
        PurchaseRequestStore.Step step = steps.steps(request.getId()).stream()
                .filter(s -> s.id().equals(waiting.stepId()) && s.status() == StepStatus.PENDING)
                .findFirst()
                .orElse(null);
        if (step == null) {
            return false;
        }
        return switch (kind) {
            case REMINDER -> remind(org, request, step, waited, today, now);
            case ESCALATION -> escalate(org, request, step, waited, now);
        };
    }

    private boolean remind(OrganizationView org, PurchaseRequest request, PurchaseRequestStore.Step step, int waited, LocalDate today, Instant now) {
        Set<UUID> people = new LinkedHashSet<>();
        step.approvers().stream().filter(members::isActiveMember).forEach(people::add);
        people.addAll(delegatesOf(org.id(), step.approvers(), today));
        people.remove(request.requesterId());
        if (!store.record(org.id(), step.id(), request.getId(), FollowUpKind.REMINDER, waited, now, people)) {
            return false;
        }
        Object[] args = {request.number(), request.title(), waited, step.name()};
        notifications.notify(people, new Notice("purchase-request.reminder", text(org, "notice.purchaseRequest.reminder", args),
                text(org, "notice.purchaseRequest.reminderBody", args), link(org, request)));
        return true;
    }

    private boolean escalate(OrganizationView org, PurchaseRequest request, PurchaseRequestStore.Step step, int waited, Instant now) {
        ApproverDirectory directory = new MemberApprovers(members, departments);
        Set<UUID> added = EscalationChain.nextUp(step.approvers(), request.requesterId(), members::departmentOf, directory);
        if (!store.record(org.id(), step.id(), request.getId(), FollowUpKind.ESCALATION, waited, now, added)) {
            return false;
        }
        // The reminder is due no more once the step is escalated (a job that was down finds both thresholds passed).
        store.record(org.id(), step.id(), request.getId(), FollowUpKind.REMINDER, waited, now, List.of());
        if (added.isEmpty()) {
            // Nobody stands above the approvers (they are the CIOs and executives themselves): kept as tried, nothing sent.
            return true;
        }
        for (UUID person : added) {
            store.addApprover(org.id(), step.id(), person);
        }
        Map<UUID, String> names = members.displayNames(added);
        String who = String.join(", ", added.stream().map(p -> names.getOrDefault(p, "?")).toList());
        Object[] args = {request.number(), request.title(), waited, step.name(), who};
        notifications.notify(added, new Notice("purchase-request.escalated", text(org, "notice.purchaseRequest.escalated", args),
                text(org, "notice.purchaseRequest.escalatedBody", args), link(org, request)));
        notifications.notify(List.of(request.requesterId()), new Notice("purchase-request.escalated",
                text(org, "notice.purchaseRequest.escalatedRequester", args), text(org, "notice.purchaseRequest.escalatedRequesterBody", args),
                link(org, request)));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("step", step.name());
        before.put("approvers", step.approvers().stream().map(UUID::toString).toList());
        Map<String, Object> after = new LinkedHashMap<>(before);
        List<String> all = new java.util.ArrayList<>(step.approvers().stream().map(UUID::toString).toList());
        added.forEach(p -> all.add(p.toString()));
        after.put("approvers", all);
        after.put("added", added.stream().map(UUID::toString).toList());
        after.put("businessDaysWaited", waited);
        audit.recordIn(org.id(), "purchase-request.escalated", "PurchaseRequest", request.getId(), before, after);
        return true;
    }

    /** The active delegates of the approvers on a day: they decide the approvers' steps meanwhile, so they hear of them. */
    private List<UUID> delegatesOf(UUID orgId, List<UUID> approvers, LocalDate day) {
        if (approvers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct delegate_id from approval_delegations where org_id = :org and delegator_id in (:people) "
                        + "and revoked_at is null and starts_on <= :day and ends_on >= :day order by delegate_id")
                .param("org", orgId)
                .param("people", approvers)
                .param("day", day)
                .query(UUID.class)
                .list()
                .stream()
                .filter(members::isActiveMember)
                .toList();
    }

    private String text(OrganizationView org, String key, Object[] args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(org.locale()));
    }

    private static String link(OrganizationView org, PurchaseRequest request) {
        return "/o/" + org.slug() + "/purchase-requests/" + request.getId();
    }
}

package org.opencio.procurement;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.StaleVersionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's settings for following up waiting approval steps (read by whoever reads the approval policy,
 * changed by those who manage it), and the reminders and escalations a request's steps had, for its history.
 */
@Service
public class ApprovalReminderManagement {

    static final int MAX_REMIND = 30;
    static final int MAX_ESCALATE = 60;

    private final ApprovalReminderStore store;
    private final PurchaseRequestManagement requests;
    private final MemberManagement members;
    private final AuditTrail audit;

    ApprovalReminderManagement(ApprovalReminderStore store, PurchaseRequestManagement requests, MemberManagement members, AuditTrail audit) {
        this.store = store;
        this.requests = requests;
        this.members = members;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ApprovalReminderSettings settings() {
        Access.require(Permission.APPROVAL_POLICY_VIEW);
        return view(store.get());
    }

    @Transactional
    public ApprovalReminderSettings updateSettings(UpdateApprovalReminders command, long expectedVersion) {
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        Integer remind = command.remindAfterBusinessDays();
        Integer escalate = command.escalateAfterBusinessDays();
        var checks = new Checks()
                .range("remindAfterBusinessDays", remind, 1, MAX_REMIND)
                .range("escalateAfterBusinessDays", escalate, 2, MAX_ESCALATE);
        if (!checks.hasErrors()) {
            checks.rule(escalate > remind, "escalateAfterBusinessDays", "order",
                    "escalateAfterBusinessDays must be later than the reminder (more than " + remind + " business days)");
        }
        checks.throwIfAny();
        var before = store.get();
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(before.version());
        }
        long version = store.save(remind, escalate, expectedVersion);
        if (version < 0) {
            throw new StaleVersionException(store.get().version());
        }
        audit.record("approval-settings.updated", "ApprovalSettings", TenantContext.requireOrgId(), snapshot(before.remindAfterDays(), before.escalateAfterDays()),
                snapshot(remind, escalate));
        return new ApprovalReminderSettings(remind, escalate, version);
    }

    /** The reminders and escalations of a request's steps, oldest first; the request is seen as {@link PurchaseRequestManagement#get} sees it. */
    @Transactional(readOnly = true)
    public List<FollowUpView> history(UUID requestId) {
        requests.get(requestId);
        // A reminder that went to nobody is the mark an escalation leaves so that no reminder follows it: not history.
        List<ApprovalReminderStore.FollowUp> followUps = store.followUps(requestId).stream()
                .filter(f -> f.kind() != FollowUpKind.REMINDER || !f.people().isEmpty())
                .toList();
        Set<UUID> people = new HashSet<>();
        followUps.forEach(f -> people.addAll(f.people()));
        Map<UUID, String> names = members.displayNames(people);
        return followUps.stream()
                .map(f -> new FollowUpView(f.stepId(), f.stepName(), f.round(), f.kind(), f.businessDays(), f.at(),
                        f.people().stream().map(p -> new PurchaseRequestView.Person(p, names.getOrDefault(p, "?"))).toList()))
                .toList();
    }

    private static ApprovalReminderSettings view(ApprovalReminderStore.Settings s) {
        return new ApprovalReminderSettings(s.remindAfterDays(), s.escalateAfterDays(), s.version());
    }

    private static Map<String, Object> snapshot(int remind, int escalate) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("remindAfterBusinessDays", remind);
        s.put("escalateAfterBusinessDays", escalate);
        return s;
    }
}

package org.opencio.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegations of approvals. Anyone who approves purchases names their own delegate for a period; a CIO may name one
 * for someone else. The delegate decides the delegator's steps meanwhile, in addition to the delegator — never a step
 * of their own request (the approval rules check that on each decision).
 */
@Service
public class DelegationManagement {

    /** A delegation covers at most this many days: longer absences are a change of role, not a delegation. */
    static final int MAX_DAYS = 366;

    private final ApprovalDelegations delegations;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    DelegationManagement(ApprovalDelegations delegations, MemberManagement members, AuditTrail audit, JdbcClient jdbc) {
        this.delegations = delegations;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The caller's delegations (given and received); a CIO may ask for everyone's. */
    @Transactional(readOnly = true)
    public List<DelegationView> list(boolean everyone) {
        OrgAccess caller = TenantContext.requireAccess();
        if (everyone && !caller.can(Permission.APPROVAL_POLICY_MANAGE)) {
            throw new ForbiddenException("only a CIO sees everyone's delegations");
        }
        List<ApprovalDelegation> found = everyone ? delegations.newestFirst() : delegations.involving(caller.accountId());
        return views(found);
    }

    @Transactional(readOnly = true)
    public DelegationView get(UUID id) {
        return views(List.of(visible(find(id)))).getFirst();
    }

    @Transactional
    public DelegationView delegate(DelegateApprovals command) {
        OrgAccess caller = TenantContext.requireAccess();
        UUID delegator = command.delegatorId() == null ? caller.accountId() : command.delegatorId();
        boolean forSomeoneElse = !delegator.equals(caller.accountId());
        if (forSomeoneElse && !caller.can(Permission.APPROVAL_POLICY_MANAGE)) {
            throw new ForbiddenException("only a CIO names a delegate for someone else");
        }
        if (!forSomeoneElse && !approves(caller.role())) {
            throw new ForbiddenException("your role approves no purchases, so there is nothing to delegate");
        }
        LocalDate today = today();
        var checks = new Checks()
                .required("delegateId", command.delegateId())
                .required("startsOn", command.startsOn())
                .required("endsOn", command.endsOn())
                .text("reason", command.reason(), 500, false);
        if (forSomeoneElse) {
            checks.rule(members.isActiveMember(delegator), "delegatorId", "unknown", "delegatorId names no active member of this organization");
        }
        if (command.delegateId() != null) {
            checks.rule(!command.delegateId().equals(delegator), "delegateId", "self", "a delegate is someone else");
            checks.rule(members.isActiveMember(command.delegateId()), "delegateId", "unknown",
                    "delegateId names no active member of this organization");
        }
        if (command.startsOn() != null && command.endsOn() != null) {
            checks.rule(!command.startsOn().isBefore(today), "startsOn", "past", "startsOn must be today or later");
            checks.rule(!command.endsOn().isBefore(command.startsOn()), "endsOn", "order", "endsOn must not be before startsOn");
            checks.rule(!command.endsOn().isAfter(command.startsOn().plusDays(MAX_DAYS - 1)), "endsOn", "length",
                    "a delegation covers at most " + MAX_DAYS + " days");
        }
        checks.throwIfAny();
        for (ApprovalDelegation other : delegations.openOf(delegator, command.startsOn())) {
            if (!other.startsOn().isAfter(command.endsOn())) {
                throw new ConflictException("startsOn", "this overlaps the delegation to " + name(other.delegateId()) + " from "
                        + other.startsOn() + " to " + other.endsOn() + "; revoke it first");
            }
        }
        var delegation = new ApprovalDelegation(delegator, command.delegateId(), command.startsOn(), command.endsOn(),
                command.reason() == null || command.reason().isBlank() ? null : command.reason().trim(), caller.accountId());
        delegations.saveAndFlush(delegation);
        audit.record("approval-delegation.created", "ApprovalDelegation", delegation.getId(), null, snapshot(delegation));
        return views(List.of(delegation)).getFirst();
    }

    @Transactional
    public DelegationView revoke(UUID id, @Nullable String reason) {
        OrgAccess caller = TenantContext.requireAccess();
        ApprovalDelegation delegation = visible(find(id));
        boolean own = delegation.delegatorId().equals(caller.accountId()) || delegation.createdBy().equals(caller.accountId());
        if (!own && !caller.can(Permission.APPROVAL_POLICY_MANAGE)) {
            throw new ForbiddenException("only the person who delegated, or a CIO, revokes a delegation");
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        var before = snapshot(delegation);
        delegation.revoke(caller.accountId(), Instant.now(), today());
        delegations.saveAndFlush(delegation);
        audit.record("approval-delegation.revoked", "ApprovalDelegation", id, before, AuditTrail.withReason(snapshot(delegation), reason));
        return views(List.of(delegation)).getFirst();
    }

    /**
     * The people whose approval steps this person may decide on a day, as their delegate; for the approval inbox and
     * decisions of this module.
     */
    @Transactional(readOnly = true)
    public Set<UUID> delegatorsOf(UUID delegateId, LocalDate day) {
        // Asked on every inbox page and decision. In SQL: as a JPQL query on a tenant entity Hibernate translated it
        // anew on each call, two thirds of the inbox's own CPU in a profile (docs/benchmarks.md, "Purchase requests").
        return new HashSet<>(jdbc.sql("select delegator_id from approval_delegations where org_id = ? and delegate_id = ? "
                        + "and ends_on >= ? and starts_on <= ? and revoked_at is null")
                .params(TenantContext.requireOrgId(), delegateId, day, day)
                .query(UUID.class)
                .list());
    }

    public static boolean approves(Role role) {
        return role == Role.CIO || role == Role.IT_MANAGER || role == Role.IT_STAFF || role == Role.EXECUTIVE;
    }

    /** A delegation is seen by the two people in it, whoever created it, and the CIOs; to anyone else it does not exist. */
    private ApprovalDelegation visible(ApprovalDelegation d) {
        OrgAccess caller = TenantContext.requireAccess();
        UUID me = caller.accountId();
        if (me.equals(d.delegatorId()) || me.equals(d.delegateId()) || me.equals(d.createdBy()) || caller.can(Permission.APPROVAL_POLICY_MANAGE)) {
            return d;
        }
        throw new NotFoundException("Delegation");
    }

    private ApprovalDelegation find(UUID id) {
        return delegations.findById(id).orElseThrow(() -> new NotFoundException("Delegation"));
    }

    private List<DelegationView> views(List<ApprovalDelegation> list) {
        Set<UUID> ids = new HashSet<>();
        list.forEach(d -> {
            ids.add(d.delegatorId());
            ids.add(d.delegateId());
        });
        Map<UUID, String> names = members.displayNames(ids);
        LocalDate today = today();
        return list.stream()
                .map(d -> new DelegationView(d.getId(), d.delegatorId(), names.getOrDefault(d.delegatorId(), "?"), d.delegateId(),
                        names.getOrDefault(d.delegateId(), "?"), d.startsOn(), d.endsOn(), d.reason(), d.activeOn(today), d.revokedAt(),
                        d.version()))
                .toList();
    }

    private String name(UUID accountId) {
        return members.displayNames(List.of(accountId)).getOrDefault(accountId, "someone");
    }

    private static Map<String, Object> snapshot(ApprovalDelegation d) {
        var s = new java.util.LinkedHashMap<String, Object>();
        s.put("delegatorId", d.delegatorId().toString());
        s.put("delegateId", d.delegateId().toString());
        s.put("startsOn", d.startsOn().toString());
        s.put("endsOn", d.endsOn().toString());
        s.put("reason", d.reason());
        s.put("revoked", d.revokedAt() != null);
        return s;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(TenantContext.requireAccess().timeZone()));
    }
}

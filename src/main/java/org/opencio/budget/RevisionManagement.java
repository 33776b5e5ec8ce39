package org.opencio.budget;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Money;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an approved budget. The CIO proposes a reallocation or supplement with a reason; an executive approves
 * it, and only then do the lines' plans change. The original plan, every revision and the current plan stay visible.
 */
@Service
public class RevisionManagement {

    private final BudgetRevisions revisions;
    private final Budgets budgets;
    private final BudgetLines lines;
    private final AuditTrail audit;
    private final BudgetAlerts alerts;

    RevisionManagement(BudgetRevisions revisions, Budgets budgets, BudgetLines lines, AuditTrail audit, BudgetAlerts alerts) {
        this.revisions = revisions;
        this.budgets = budgets;
        this.lines = lines;
        this.audit = audit;
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    public List<RevisionView> list(int fiscalYear) {
        Access.require(Permission.BUDGET_VIEW);
        return revisions.findByBudgetIdOrderByCreatedAtDesc(budget(fiscalYear).getId()).stream().map(BudgetRevision::view).toList();
    }

    @Transactional
    public RevisionView propose(int fiscalYear, ProposeRevision command) {
        OrgAccess caller = Access.require(Permission.BUDGET_MANAGE);
        Budget budget = budget(fiscalYear);
        if (budget.status() != BudgetStatus.APPROVED) {
            throw new ConflictException("status", "revisions apply to an approved budget; edit the draft directly");
        }
        var checks = new Checks()
                .required("toLineId", command.toLineId())
                .required("amount", command.amount())
                .money("amount", command.amount())
                .range("fromMonth", command.fromMonth(), 1, 12)
                .text("reason", command.reason(), 1000, true);
        checks.rule(command.amount() == null || command.amount().signum() > 0, "amount", "positive", "amount must be greater than zero");
        // Plans are kept in the currency's minor unit; a finer amount would move less than the revision says.
        checks.rule(command.amount() == null || command.amount().stripTrailingZeros().scale() <= Money.fractionDigits(budget.currency()),
                "amount", "precision", "amount has more decimals than " + budget.currency() + " allows");
        checks.throwIfAny();
        BudgetLine to = line(budget, command.toLineId(), "toLineId");
        if (command.fromLineId() != null) {
            BudgetLine from = line(budget, command.fromLineId(), "fromLineId");
            new Checks()
                    .rule(!from.getId().equals(to.getId()), "fromLineId", "same", "a reallocation needs two different lines")
                    .rule(from.available().compareTo(command.amount()) >= 0, "amount", "available",
                            "the source line has only " + from.available() + " " + budget.currency() + " available")
                    .rule(from.canGive(command.amount(), command.fromMonth(), budget.currency()), "amount", "months",
                            "the source line's months from month " + command.fromMonth() + " on do not hold that much plan")
                    .throwIfAny();
        }
        var revision = new BudgetRevision(
                budget.getId(),
                command.fromLineId() == null ? BudgetRevision.Kind.SUPPLEMENT : BudgetRevision.Kind.REALLOCATION,
                command.fromLineId(),
                to.getId(),
                command.amount(),
                command.fromMonth(),
                command.reason(),
                caller.accountId());
        revisions.saveAndFlush(revision);
        audit.record("budget-revision.proposed", "BudgetRevision", revision.getId(), null, revision.view());
        return revision.view();
    }

    @Transactional
    public RevisionView approve(UUID id, @Nullable String note) {
        OrgAccess caller = Access.require(Permission.BUDGET_APPROVE);
        BudgetRevision revision = revisions.findById(id).orElseThrow(() -> new NotFoundException("Budget revision"));
        Budget budget = budgets.findById(revision.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
        var before = revision.view();
        revision.decide(true, caller.accountId(), note, Instant.now());
        // Both lines are locked in the order of their ids, so approvals in opposite directions cannot deadlock.
        UUID fromId = revision.fromLineId();
        BudgetLine first = lock(fromId != null && fromId.compareTo(revision.toLineId()) < 0 ? fromId : revision.toLineId());
        BudgetLine to = first.getId().equals(revision.toLineId()) ? first : lock(revision.toLineId());
        if (fromId != null) {
            BudgetLine from = first.getId().equals(fromId) ? first : lock(fromId);
            if (from.available().compareTo(revision.amount()) < 0) {
                throw new ConflictException("amount", "the source line no longer has " + revision.amount() + " available");
            }
            var fromBefore = from.snapshot();
            from.revise(revision.amount().negate(), revision.fromMonth(), budget.currency());
            if (java.util.Arrays.stream(from.monthlyPlan().toArray()).anyMatch(m -> m.signum() < 0)) {
                throw new ConflictException("amount", "the source line's remaining months do not hold that much plan");
            }
            lines.saveAndFlush(from);
            audit.record("budget-line.revised", "BudgetLine", from.getId(), fromBefore, from.snapshot());
            // Less plan can take the source line past its warning threshold.
            alerts.afterChange(from, budget);
        }
        var toBefore = to.snapshot();
        to.revise(revision.amount(), revision.fromMonth(), budget.currency());
        lines.saveAndFlush(to);
        audit.record("budget-line.revised", "BudgetLine", to.getId(), toBefore, to.snapshot());
        // More plan can bring the line back below its thresholds, so that crossing them again is news again.
        alerts.afterChange(to, budget);
        revisions.saveAndFlush(revision);
        audit.record("budget-revision.approved", "BudgetRevision", id, before, revision.view());
        return revision.view();
    }

    @Transactional
    public RevisionView reject(UUID id, @Nullable String note) {
        OrgAccess caller = Access.require(Permission.BUDGET_APPROVE);
        BudgetRevision revision = revisions.findById(id).orElseThrow(() -> new NotFoundException("Budget revision"));
        new Checks().text("reason", note, 1000, true).throwIfAny();
        var before = revision.view();
        revision.decide(false, caller.accountId(), note, Instant.now());
        revisions.saveAndFlush(revision);
        audit.record("budget-revision.rejected", "BudgetRevision", id, before, Map.of("state", revision.view()));
        return revision.view();
    }

    private BudgetLine lock(UUID id) {
        return lines.lockById(id).orElseThrow(() -> new NotFoundException("Budget line"));
    }

    private Budget budget(int fiscalYear) {
        return budgets.findByFiscalYear(fiscalYear).orElseThrow(() -> new NotFoundException("Budget"));
    }

    private BudgetLine line(Budget budget, UUID id, String field) {
        return lines.findById(id)
                .filter(l -> l.budgetId().equals(budget.getId()) && !l.unallocated() && !l.archived())
                .orElseThrow(() -> org.opencio.shared.InvalidInputException.of(field, "unknown", field + " names no line of this budget"));
    }
}

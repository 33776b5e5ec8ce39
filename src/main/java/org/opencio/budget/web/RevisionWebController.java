package org.opencio.budget.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetView;
import org.opencio.budget.GridFilter;
import org.opencio.budget.ProposeRevision;
import org.opencio.budget.RevisionManagement;
import org.opencio.budget.RevisionView;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.Amounts;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes to an approved budget: the list of revisions with their reasons and decisions, the CIO's proposal form, and
 * the executives' approve and reject actions.
 */
@Controller
@RequestMapping("/o/{orgSlug}/budgets/{fiscalYear}/revisions")
class RevisionWebController {

    /** A proposal as typed; an empty {@code fromLineId} is a supplement (new money). */
    record ProposalForm(@Nullable UUID fromLineId, @Nullable UUID toLineId, @Nullable String amount, @Nullable Integer fromMonth,
            @Nullable String reason) {}

    private final BudgetManagement budgets;
    private final RevisionManagement revisions;
    private final MemberManagement members;
    private final BudgetHeader header;

    RevisionWebController(BudgetManagement budgets, RevisionManagement revisions, MemberManagement members, BudgetHeader header) {
        this.header = header;
        this.budgets = budgets;
        this.revisions = revisions;
        this.members = members;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(required = false) @Nullable UUID toLineId,
            Model model) {
        BudgetView budget = budgets.budget(BudgetPages.year(fiscalYear));
        model.addAttribute("form", new ProposalForm(null, toLineId, null, defaultMonth(budget), null));
        return page(model, budget);
    }

    @PostMapping
    String propose(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @ModelAttribute("form") ProposalForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        Access.require(Permission.BUDGET_MANAGE);
        page(model, budget);
        return Forms.submit(model, "budget/revisions", binding, () -> {
            BigDecimal amount;
            try {
                amount = Amounts.parse(form.amount(), BudgetPages.locale());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("amount", "number", "amount is not a number");
            }
            revisions.propose(year, new ProposeRevision(form.fromLineId(), form.toLineId(), amount, form.fromMonth(), form.reason()));
            Flash.success(redirect, "budget.revision.proposed");
            return "redirect:/o/" + orgSlug + "/budgets/" + year + "/revisions";
        });
    }

    @PostMapping("/{id}/approve")
    String approve(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        return decide(orgSlug, fiscalYear, id, true, reason, model, redirect);
    }

    @PostMapping("/{id}/reject")
    String reject(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        return decide(orgSlug, fiscalYear, id, false, reason, model, redirect);
    }

    private String decide(String orgSlug, String fiscalYear, String id, boolean approve, @Nullable String reason, Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        UUID revisionId = Ids.parse(id, "Budget revision");
        if (revisions.list(year).stream().noneMatch(r -> r.id().equals(revisionId))) {
            throw new NotFoundException("Budget revision");
        }
        model.addAttribute("form", new ProposalForm(null, null, null, defaultMonth(budget), null));
        model.addAttribute("decisionFor", revisionId);
        page(model, budget);
        return Forms.submit(model, "budget/revisions", () -> {
            if (approve) {
                revisions.approve(revisionId, reason);
                Flash.success(redirect, "budget.revision.approved");
            } else {
                revisions.reject(revisionId, reason);
                Flash.success(redirect, "budget.revision.rejected");
            }
            return "redirect:/o/" + orgSlug + "/budgets/" + year + "/revisions";
        });
    }

    private String page(Model model, BudgetView budget) {
        header.fill(model, budget, "revisions");
        List<RevisionView> list = revisions.list(budget.fiscalYear());
        List<BudgetLineView> lines = budgets.grid(budget.fiscalYear(), GridFilter.none()).stream().filter(l -> !l.unallocated()).toList();
        model.addAttribute("revisions", list);
        model.addAttribute("lines", lines);
        model.addAttribute("lineNames", lineNames(lines));
        model.addAttribute("people", people(members, list));
        model.addAttribute("pending", list.stream().filter(r -> r.status().equals("PROPOSED")).count());
        return "budget/revisions";
    }

    /** The first month a revision can still change: the current fiscal month, or the first one before the year. */
    private static int defaultMonth(BudgetView budget) {
        java.time.LocalDate today = java.time.LocalDate.now(BudgetPages.zone());
        int index = BudgetPages.months(budget).indexOf(java.time.YearMonth.from(today));
        return index < 0 ? (today.isAfter(budget.ends()) ? 12 : 1) : index + 1;
    }

    /** "IT-01 · Laptops" by line id, for naming the lines a revision moves money between. */
    static Map<UUID, String> lineNames(List<BudgetLineView> lines) {
        Map<UUID, String> names = new HashMap<>();
        lines.forEach(l -> names.put(l.id(), l.code() + " · " + l.description()));
        return names;
    }

    /** Names of the people who asked for and decided the revisions. */
    static Map<UUID, String> people(MemberManagement members, List<RevisionView> list) {
        Set<UUID> ids = new LinkedHashSet<>();
        list.forEach(r -> {
            ids.add(r.requestedBy());
            if (r.decidedBy() != null) {
                ids.add(r.decidedBy());
            }
        });
        return members.displayNames(ids);
    }
}

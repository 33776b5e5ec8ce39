package org.opencio.budget.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetAnalysis;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetStatus;
import org.opencio.budget.BudgetVendors;
import org.opencio.budget.BudgetView;
import org.opencio.budget.BurnView;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.ForecastMethod;
import org.opencio.budget.ImportedRowView;
import org.opencio.budget.MovementView;
import org.opencio.budget.RevisionManagement;
import org.opencio.budget.RevisionView;
import org.opencio.budget.SpendPolicy;
import org.opencio.budget.Stage;
import org.opencio.budget.rates.ExchangeRateManagement;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Amounts;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Formats;
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

/** A budget line: its page with the money behind every figure, and the forms that add and change lines. */
@Controller
@RequestMapping("/o/{orgSlug}/budgets/{fiscalYear}/lines")
class BudgetLineWebController {

    static final int MOVEMENTS_SHOWN = 200;
    static final int IMPORTED_ROWS_SHOWN = 100;

    /** A manual actual as typed; the currency is the budget's unless another is chosen. */
    record ActualForm(@Nullable String amount, @Nullable String currency, @Nullable LocalDate date, @Nullable String description) {}

    private final BudgetManagement budgets;
    private final BudgetAnalysis analysis;
    private final RevisionManagement revisions;
    private final CostCategoryManagement categories;
    private final DepartmentManagement departments;
    private final MemberManagement members;
    private final BudgetCharts charts;
    private final Formats fmt;
    private final BudgetHeader header;
    private final BudgetVendors vendors;
    private final ExchangeRateManagement rates;

    BudgetLineWebController(
            BudgetManagement budgets,
            BudgetAnalysis analysis,
            RevisionManagement revisions,
            CostCategoryManagement categories,
            DepartmentManagement departments,
            MemberManagement members,
            BudgetCharts charts,
            Formats fmt,
            BudgetHeader header,
            BudgetVendors vendors,
            ExchangeRateManagement rates) {
        this.rates = rates;
        this.header = header;
        this.vendors = vendors;
        this.budgets = budgets;
        this.analysis = analysis;
        this.revisions = revisions;
        this.categories = categories;
        this.departments = departments;
        this.members = members;
        this.charts = charts;
        this.fmt = fmt;
    }

    // ---- adding a line

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, @PathVariable String fiscalYear, Model model) {
        BudgetView budget = budgets.budget(BudgetPages.year(fiscalYear));
        Access.require(Permission.BUDGET_MANAGE);
        model.addAttribute("form", LineForm.empty());
        return form(model, budget, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @ModelAttribute("form") LineForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        Access.require(Permission.BUDGET_MANAGE);
        form(model, budget, null);
        return Forms.submit(model, "budget/line-form", binding, () -> {
            BudgetLineView line = budgets.addLine(year, form.toCommand(true, true, BudgetPages.locale()));
            Flash.success(redirect, "budget.line.created", line.code());
            return "redirect:/o/" + orgSlug + "/budgets/" + year + "/lines/" + line.id();
        });
    }

    // ---- one line

    @GetMapping("/{id}")
    String line(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Stage stage,
            @RequestParam(required = false) @Nullable Integer month,
            Model model) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        BudgetLineView line = lineOf(budget, id);
        return linePage(model, budget, line, stage, month);
    }

    @PostMapping("/{id}/actuals")
    String recordActual(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @PathVariable String id,
            @ModelAttribute("actual") ActualForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        BudgetLineView line = lineOf(budget, id);
        Access.require(Permission.ACTUALS_RECORD);
        linePage(model, budget, line, null, null);
        return Forms.submit(model, "budget/line", binding, () -> {
            BigDecimal amount;
            try {
                amount = Amounts.parse(form.amount(), BudgetPages.locale());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("amount", "number", "amount is not a number");
            }
            if (amount == null) {
                throw InvalidInputException.of("amount", "required", "amount is required");
            }
            String currency = form.currency() == null || form.currency().isBlank() ? budget.currency() : form.currency();
            budgets.recordActual(line.id(), amount, currency, form.date(), form.description());
            Flash.success(redirect, "budget.actual.recorded", fmt.money(amount, currency), line.code());
            return "redirect:/o/" + orgSlug + "/budgets/" + year + "/lines/" + line.id() + "#movements";
        });
    }

    private String linePage(Model model, BudgetView budget, BudgetLineView line, @Nullable Stage stage, @Nullable Integer month) {
        header.fill(model, budget, "grid");
        Integer shownMonth = month != null && month >= 1 && month <= 12 ? month : null;
        List<MovementView> movements = budgets.movements(line.id(), stage, shownMonth, MOVEMENTS_SHOWN);
        BurnView burn = analysis.burn(budget.fiscalYear(), line.id());
        List<RevisionView> lineRevisions = revisions.list(budget.fiscalYear()).stream()
                .filter(r -> line.id().equals(r.toLineId()) || line.id().equals(r.fromLineId()))
                .toList();
        model.addAttribute("line", line);
        model.addAttribute("movements", movements);
        model.addAttribute("movementsCapped", movements.size() == MOVEMENTS_SHOWN);
        model.addAttribute("conversions", conversions(movements));
        // A month's actual money drills down to the imported rows behind it, as their files gave them.
        List<ImportedRowView> imported = shownMonth != null && (stage == null || stage == Stage.ACTUAL)
                ? budgets.importedRows(line.id(), shownMonth, IMPORTED_ROWS_SHOWN)
                : List.of();
        model.addAttribute("importedRows", imported);
        model.addAttribute("importedRowsCapped", imported.size() == IMPORTED_ROWS_SHOWN);
        model.addAttribute("stage", stage);
        model.addAttribute("month", shownMonth);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("burn", burn);
        model.addAttribute("burnChart", charts.burn("chart-line-burn", budget, burn, line.code()));
        model.addAttribute("stagesChart", charts.stages("chart-line-stages", budget, line));
        model.addAttribute("revisions", lineRevisions);
        // Only the few lines these revisions name, not the whole grid.
        List<BudgetLineView> named = lineRevisions.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.fromLineId(), r.toLineId()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(budgets::line)
                .toList();
        model.addAttribute("lineNames", RevisionWebController.lineNames(named));
        model.addAttribute("people", RevisionWebController.people(members, lineRevisions));
        model.addAttribute("canRecord", TenantContext.requireAccess().can(Permission.ACTUALS_RECORD));
        if (!model.containsAttribute("actual")) {
            model.addAttribute("actual", new ActualForm(null, budget.currency(), LocalDate.now(BudgetPages.zone()), null));
        }
        // The budget's currency first, then those the organization has rates for.
        List<String> currencies = new ArrayList<>(List.of(budget.currency()));
        rates.currencies().stream().filter(c -> !c.equals(budget.currency())).forEach(currencies::add);
        model.addAttribute("currencies", currencies);
        return "budget/line";
    }

    /**
     * For money recorded in another currency, what it was: "from USD 123.4567 at 0.95", every decimal kept (the
     * original amount has up to four, the rate up to ten), in the organization's number format.
     */
    private Map<UUID, String> conversions(List<MovementView> movements) {
        Map<UUID, String> texts = new HashMap<>();
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(BudgetPages.locale());
        number.setMaximumFractionDigits(10);
        for (MovementView mv : movements) {
            if (mv.originalCurrency() != null && mv.originalAmount() != null && mv.exchangeRate() != null) {
                number.setMinimumFractionDigits(Math.min(2, Math.max(0, mv.originalAmount().stripTrailingZeros().scale())));
                String amount = number.format(mv.originalAmount());
                number.setMinimumFractionDigits(0);
                texts.put(mv.id(), charts.message("budget.movements.converted", mv.originalCurrency() + " " + amount,
                        number.format(mv.exchangeRate())));
            }
        }
        return texts;
    }

    // ---- changing a line

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String fiscalYear, @PathVariable String id, Model model) {
        BudgetView budget = budgets.budget(BudgetPages.year(fiscalYear));
        BudgetLineView line = editableLine(budget, id);
        Access.require(Permission.BUDGET_MANAGE);
        List<String> months = new ArrayList<>(12);
        line.planByMonth().forEach(m -> months.add(fmt.amount(m, budget.currency())));
        model.addAttribute("form", new LineForm(line.code(), line.description(), line.departmentId(), line.costPoolId(), line.towerId(),
                line.expenseType(), line.vendorId(), line.ownerId(), line.policy(), line.forecastMethod(), "KEEP",
                fmt.amount(line.plan(), budget.currency()), months, null));
        return form(model, budget, line);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") LineForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        BudgetLineView line = editableLine(budget, id);
        Access.require(Permission.BUDGET_MANAGE);
        form(model, budget, line);
        model.addAttribute("version", version);
        return Forms.submit(model, "budget/line-form", binding, () -> {
            BudgetLineView saved = budgets.updateLine(
                    line.id(), form.toCommand(false, budget.status() == BudgetStatus.DRAFT, BudgetPages.locale()), version);
            Flash.success(redirect, "budget.line.saved", saved.code());
            return "redirect:/o/" + orgSlug + "/budgets/" + year + "/lines/" + saved.id();
        });
    }

    private String form(Model model, BudgetView budget, @Nullable BudgetLineView line) {
        header.fill(model, budget, "grid");
        model.addAttribute("line", line);
        if (line != null && !model.containsAttribute("version")) {
            model.addAttribute("version", line.version());
        }
        model.addAttribute("departments", departments.tree());
        List<CostCategoryView> all = categories.list();
        model.addAttribute("pools", all.stream().filter(c -> c.kind().equals("POOL") && (!c.retired() || chosen(line, c))).toList());
        model.addAttribute("towers", all.stream().filter(c -> c.kind().equals("TOWER") && (!c.retired() || chosen(line, c))).toList());
        model.addAttribute("people", members.list(MemberFilter.none(), 500, null, "name").items());
        // The register's vendors, and the one the line or the form names even when it is archived or unknown.
        UUID chosen = model.getAttribute("form") instanceof LineForm f ? f.vendorId() : line == null ? null : line.vendorId();
        model.addAttribute("vendorOptions", vendors.optionsWith(chosen, charts.message("budget.vendor.unnamed")));
        model.addAttribute("vendorRegister", vendors.present());
        model.addAttribute("expenseTypes", ExpenseType.values());
        model.addAttribute("policies", SpendPolicy.values());
        model.addAttribute("forecastMethods", ForecastMethod.values());
        model.addAttribute("planEditable", budget.status() == BudgetStatus.DRAFT);
        return "budget/line-form";
    }

    private static boolean chosen(@Nullable BudgetLineView line, CostCategoryView c) {
        return line != null && (c.id().equals(line.costPoolId()) || c.id().equals(line.towerId()));
    }

    /** The line, when it belongs to this budget; 404 otherwise, whatever else the request says. */
    private BudgetLineView lineOf(BudgetView budget, String id) {
        BudgetLineView line = budgets.line(Ids.parse(id, "Budget line"));
        if (!line.budgetId().equals(budget.id())) {
            throw new NotFoundException("Budget line");
        }
        return line;
    }

    private BudgetLineView editableLine(BudgetView budget, String id) {
        BudgetLineView line = lineOf(budget, id);
        if (line.unallocated()) {
            throw new NotFoundException("Budget line");
        }
        return line;
    }
}

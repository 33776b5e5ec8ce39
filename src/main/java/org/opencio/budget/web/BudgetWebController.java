package org.opencio.budget.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetAnalysis;
import org.opencio.budget.BudgetExport;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetStatus;
import org.opencio.budget.BudgetVariance;
import org.opencio.budget.BudgetVendors;
import org.opencio.budget.BudgetView;
import org.opencio.budget.BurnView;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.CreateBudget;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.GridFilter;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.XlsxWriter;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Amounts;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The budgets of an organization: the list by fiscal year, a budget's grid of lines × months with its filters and
 * totals, the approval actions, variance and burn views, and the CSV/XLSX exports of the grid.
 */
@Controller
@RequestMapping("/o/{orgSlug}/budgets")
class BudgetWebController {

    /** What the create form holds as typed. */
    record NewBudgetForm(@Nullable String fiscalYear, @Nullable String name, @Nullable String warnPercent) {}

    /** The grid's filters as they arrive; the vendor is typed, so it is read here rather than refused as a bad request. */
    record Filters(@Nullable UUID departmentId, @Nullable UUID categoryId, @Nullable ExpenseType expenseType, @Nullable String vendorId) {

        boolean any() {
            return departmentId != null || categoryId != null || expenseType != null || (vendorId != null && !vendorId.isBlank());
        }

        GridFilter toFilter(Map<String, String> errors) {
            UUID vendor = null;
            if (vendorId != null && !vendorId.isBlank()) {
                try {
                    vendor = UUID.fromString(vendorId.strip());
                } catch (IllegalArgumentException e) {
                    errors.put("vendorId", "vendorId is not a vendor id");
                }
            }
            return new GridFilter(departmentId, categoryId, expenseType, vendor);
        }

        String query() {
            var b = UriComponentsBuilder.newInstance();
            if (departmentId != null) {
                b.queryParam("departmentId", departmentId);
            }
            if (categoryId != null) {
                b.queryParam("categoryId", categoryId);
            }
            if (expenseType != null) {
                b.queryParam("expenseType", expenseType);
            }
            if (vendorId != null && !vendorId.isBlank()) {
                b.queryParam("vendorId", vendorId.strip());
            }
            String q = b.build().encode().getQuery();
            return q == null ? "" : "?" + q;
        }
    }

    private final BudgetManagement budgets;
    private final BudgetAnalysis analysis;
    private final BudgetExport export;
    private final CostCategoryManagement categories;
    private final DepartmentManagement departments;
    private final OrganizationManagement organizations;
    private final BudgetCharts charts;
    private final BudgetHeader header;
    private final BudgetVendors vendors;

    BudgetWebController(
            BudgetManagement budgets,
            BudgetAnalysis analysis,
            BudgetExport export,
            CostCategoryManagement categories,
            DepartmentManagement departments,
            OrganizationManagement organizations,
            BudgetCharts charts,
            BudgetHeader header,
            BudgetVendors vendors) {
        this.header = header;
        this.vendors = vendors;
        this.budgets = budgets;
        this.analysis = analysis;
        this.export = export;
        this.categories = categories;
        this.departments = departments;
        this.organizations = organizations;
        this.charts = charts;
    }

    // ---- the list of budgets

    /** The current fiscal year's budget when there is one (what people come for), else the list; {@code all} lists. */
    @GetMapping
    String list(@PathVariable String orgSlug, @RequestParam(defaultValue = "false") boolean all, Model model) {
        List<BudgetView> list = budgets.budgets();
        int current = BudgetPages.currentFiscalYear(organizations.current().fiscalYearStartMonth());
        if (!all && list.stream().anyMatch(b -> b.fiscalYear() == current)) {
            return "redirect:/o/" + orgSlug + "/budgets/" + current;
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        list.forEach(b -> taken.add(b.fiscalYear()));
        int suggested = current;
        while (taken.contains(suggested)) {
            suggested++;
        }
        model.addAttribute("form", new NewBudgetForm(String.valueOf(suggested), null, "80"));
        return listModel(model, list, current);
    }

    @PostMapping
    String create(@PathVariable String orgSlug, NewBudgetForm form, Model model, RedirectAttributes redirect) {
        Access.require(Permission.BUDGET_MANAGE);
        model.addAttribute("form", form);
        listModel(model, budgets.budgets(), BudgetPages.currentFiscalYear(organizations.current().fiscalYearStartMonth()));
        return Forms.submit(model, "budget/budgets", () -> {
            Integer year = parseYear(form.fiscalYear());
            BigDecimal warn = percent(form.warnPercent());
            BudgetView created = budgets.create(new CreateBudget(year, form.name(), warn));
            Flash.success(redirect, "budget.created", created.name());
            return "redirect:/o/" + orgSlug + "/budgets/" + created.fiscalYear();
        });
    }

    private String listModel(Model model, List<BudgetView> list, int current) {
        model.addAttribute("budgets", list);
        model.addAttribute("currentYear", current);
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.BUDGET_MANAGE));
        return "budget/budgets";
    }

    // ---- one budget: the grid

    @GetMapping("/{fiscalYear}")
    String grid(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            Filters filters,
            @RequestParam(required = false) @Nullable String show,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size,
            Model model) {
        int year = BudgetPages.year(fiscalYear);
        return gridModel(model, year, filters, show, sort, page, size);
    }

    /**
     * The grid page: every filtered line is read and sorted (the totals row adds them all up), but only one page of them
     * is written out as rows.
     */
    private String gridModel(
            Model model, int year, Filters filters, @Nullable String show, @Nullable String sort, @Nullable String page, @Nullable String size) {
        BudgetView budget = budgets.budget(year);
        Map<String, String> filterErrors = new LinkedHashMap<>();
        GridFilter filter = filters.toFilter(filterErrors);
        String order = GridSort.normalize(sort);
        // The unallocated line shows once cost has landed on it; until then it is only noise.
        List<BudgetLineView> lines = GridSort.apply(budgets.grid(year, filter).stream()
                .filter(l -> !l.unallocated() || l.actual().signum() != 0 || l.committed().signum() != 0 || l.reserved().signum() != 0)
                .toList(), order);
        header.fill(model, budget, "grid");
        String shown = show == null || !List.of("plan", "actual", "both").contains(show) ? "both" : show;
        GridPaging paging = GridPaging.of(page, size, lines.size());
        model.addAttribute("lines", lines);
        model.addAttribute("paging", paging);
        model.addAttribute("pageSizes", GridPaging.SIZES);
        model.addAttribute("rows", GridRow.of(paging.slice(lines), new GridRow.Context(BudgetPages.locale(), shown, BudgetHeader.currentMonth(budget),
                contextPath() + "/o/" + TenantContext.requireAccess().slug() + "/budgets/" + year + "/lines/", charts.message("common.none"),
                charts.message("budget.unallocated.desc"), charts.message("budget.vendor.unnamed"), key -> charts.message(key))));
        model.addAttribute("lineCount", lines.stream().filter(l -> !l.unallocated()).count());
        model.addAttribute("totals", GridTotals.of(lines));
        model.addAttribute("filters", filters);
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("filtered", filters.any());
        model.addAttribute("show", shown);
        model.addAttribute("sort", order);
        model.addAttribute("departments", departments.tree());
        List<CostCategoryView> all = categories.list();
        model.addAttribute("pools", all.stream().filter(c -> c.kind().equals("POOL")).toList());
        model.addAttribute("towers", all.stream().filter(c -> c.kind().equals("TOWER")).toList());
        model.addAttribute("expenseTypes", ExpenseType.values());
        // The vendor filter picks from the register; without one it shows only a vendor a link filters by.
        model.addAttribute("vendorFilter", filter.vendorId());
        // Without a register and with no line naming a vendor, a column of dashes would only take room.
        model.addAttribute("showVendor", vendors.present() || lines.stream().anyMatch(l -> l.vendorId() != null));
        model.addAttribute("vendorOptions", vendors.optionsWith(filter.vendorId(), charts.message("budget.vendor.unnamed")));
        model.addAttribute("exportQuery", filters.query());
        return "budget/budget";
    }

    // ---- approval

    @PostMapping("/{fiscalYear}/submit")
    String submit(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        return transition(orgSlug, fiscalYear, reason, model, redirect, budgets::submit, "budget.submitted");
    }

    @PostMapping("/{fiscalYear}/approve")
    String approve(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        return transition(orgSlug, fiscalYear, reason, model, redirect, budgets::approve, "budget.approved");
    }

    @PostMapping("/{fiscalYear}/return")
    String returnToDraft(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        return transition(orgSlug, fiscalYear, reason, model, redirect, budgets::returnToDraft, "budget.returned");
    }

    /**
     * Runs an approval step; the budget page is read only when the step is refused and shown again with the reason,
     * not before every step that ends in a redirect.
     */
    private String transition(
            String orgSlug,
            String fiscalYear,
            @Nullable String reason,
            Model model,
            RedirectAttributes redirect,
            java.util.function.BiFunction<Integer, String, BudgetView> step,
            String flashKey) {
        int year = BudgetPages.year(fiscalYear);
        model.addAttribute("reason", reason);
        String view = Forms.submit(model, "budget/budget", () -> {
            BudgetView b = step.apply(year, reason);
            Flash.success(redirect, flashKey, b.name());
            return "redirect:/o/" + orgSlug + "/budgets/" + year;
        });
        if (!view.startsWith("redirect:")) {
            gridModel(model, year, new Filters(null, null, null, null), null, null, null, null);
        }
        return view;
    }

    // ---- name and warning threshold

    @GetMapping("/{fiscalYear}/settings")
    String settings(@PathVariable String orgSlug, @PathVariable String fiscalYear, Model model) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        Access.require(Permission.BUDGET_MANAGE);
        model.addAttribute("form", new NewBudgetForm(String.valueOf(year), budget.name(), budget.warnPercent().stripTrailingZeros().toPlainString()));
        model.addAttribute("version", budget.version());
        header.fill(model, budget, "settings");
        return "budget/budget-settings";
    }

    @PostMapping("/{fiscalYear}/settings")
    String saveSettings(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam long version,
            NewBudgetForm form,
            Model model,
            RedirectAttributes redirect) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        header.fill(model, budget, "settings");
        return Forms.submit(model, "budget/budget-settings", () -> {
            BudgetView b = budgets.update(year, form.name(), percent(form.warnPercent()), version);
            Flash.success(redirect, "budget.saved", b.name());
            return "redirect:/o/" + orgSlug + "/budgets/" + year;
        });
    }

    // ---- variance and burn

    @GetMapping("/{fiscalYear}/variance")
    String variance(@PathVariable String orgSlug, @PathVariable String fiscalYear, Model model) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        BudgetVariance variance = BudgetAnalysis.variance(budgets.grid(year, GridFilter.none()));
        header.fill(model, budget, "variance");
        model.addAttribute("variance", variance);
        model.addAttribute("poolChart", charts.variance("chart-pool", budget, variance.byPool(), text("budget.variance.byPool"), text("budget.variance.noPool")));
        model.addAttribute("towerChart", charts.variance("chart-tower", budget, variance.byTower(), text("budget.variance.byTower"), text("budget.variance.noTower")));
        model.addAttribute("departmentChart", charts.variance("chart-department", budget, variance.byDepartment(),
                text("budget.variance.byDepartment"), text("budget.variance.noDepartment")));
        return "budget/variance";
    }

    @GetMapping("/{fiscalYear}/burn")
    String burn(@PathVariable String orgSlug, @PathVariable String fiscalYear, Model model) {
        int year = BudgetPages.year(fiscalYear);
        BudgetView budget = budgets.budget(year);
        BurnView burn = analysis.burn(year, null);
        header.fill(model, budget, "burn");
        model.addAttribute("burn", burn);
        model.addAttribute("burnChart", charts.burn("chart-burn", budget, burn, budget.name()));
        return "budget/burn";
    }

    // ---- exports

    @GetMapping("/{fiscalYear}/export.csv")
    void exportCsv(@PathVariable String orgSlug, @PathVariable String fiscalYear, Filters filters, HttpServletResponse response)
            throws IOException {
        int year = BudgetPages.year(fiscalYear);
        ExportTable table = export.table(year, filters.toFilter(new LinkedHashMap<>()));
        download(response, CsvWriter.CONTENT_TYPE, BudgetExport.fileName(year, "csv"));
        CsvWriter.write(table, response.getOutputStream());
    }

    @GetMapping("/{fiscalYear}/export.xlsx")
    void exportXlsx(@PathVariable String orgSlug, @PathVariable String fiscalYear, Filters filters, HttpServletResponse response)
            throws IOException {
        int year = BudgetPages.year(fiscalYear);
        ExportTable table = export.table(year, filters.toFilter(new LinkedHashMap<>()));
        download(response, XlsxWriter.CONTENT_TYPE, BudgetExport.fileName(year, "xlsx"));
        XlsxWriter.write(table, response.getOutputStream());
    }

    static void download(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    // ---- helpers

    private static String contextPath() {
        String path = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        return path == null ? "" : path;
    }

    private String text(String key) {
        return charts.message(key);
    }

    private static Integer parseYear(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("fiscalYear", "required", "fiscalYear is required");
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("fiscalYear", "number", "fiscalYear must be a year such as 2027");
        }
    }

    private static @Nullable BigDecimal percent(@Nullable String text) {
        try {
            return Amounts.parse(text == null ? null : text.replace("%", ""), BudgetPages.locale());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("warnPercent", "number", "warnPercent must be a number such as 80");
        }
    }
}

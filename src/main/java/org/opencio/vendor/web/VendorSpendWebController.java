package org.opencio.vendor.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.SpendReport;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorSpend;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Spend per vendor in a fiscal year, with the top vendors as a chart. */
@Controller
@RequestMapping("/o/{orgSlug}/vendor-spend")
class VendorSpendWebController {

    static final int TOP = 10;
    static final List<String> SORTS = List.of("name", "contracts", "plan", "committed", "actual", "spend");

    private final VendorSpend spend;
    private final VendorCharts charts;

    VendorSpendWebController(VendorSpend spend, VendorCharts charts) {
        this.spend = spend;
        this.charts = charts;
    }

    @GetMapping
    String report(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable Integer fiscalYear,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        int current = spend.currentFiscalYear();
        int year = fiscalYear == null ? current : fiscalYear;
        SpendReport report = spend.report(year, category, null);
        String order = sort == null || sort.isBlank() ? "-spend" : sort.strip();
        String field = order.startsWith("-") ? order.substring(1) : order;
        if (!SORTS.contains(field)) {
            throw InvalidInputException.of("sort", "paging.sort", "sort must be one of " + String.join(", ", SORTS) + " (prefix - to reverse)");
        }
        model.addAttribute("report", report);
        model.addAttribute("rows", sorted(report.rows(), field, order.startsWith("-")));
        model.addAttribute("sort", order);
        model.addAttribute("category", category);
        model.addAttribute("categories", VendorCategory.values());
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year - 1);
        model.addAttribute("nextYear", year + 1);
        model.addAttribute("currentYear", current);
        if (report.rows().stream().anyMatch(r -> r.spend().signum() > 0)) {
            model.addAttribute("chart", charts.topSpend("top-vendors", report, TOP));
        }
        return "vendor/spend";
    }

    private static List<SpendReport.Row> sorted(List<SpendReport.Row> rows, String field, boolean descending) {
        Comparator<SpendReport.Row> order = switch (field) {
            case "name" -> Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT));
            case "contracts" -> Comparator.comparing(SpendReport.Row::contractValue);
            case "plan" -> Comparator.comparing(r -> zero(r.plan()));
            case "committed" -> Comparator.comparing(r -> zero(r.committed()));
            case "actual" -> Comparator.comparing(r -> zero(r.actual()));
            default -> Comparator.comparing(SpendReport.Row::spend);
        };
        List<SpendReport.Row> sorted = new ArrayList<>(rows);
        sorted.sort(descending ? order.reversed() : order);
        return sorted;
    }

    private static BigDecimal zero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

package org.opencio.procurement.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.opencio.procurement.PurchaseSpend;
import org.opencio.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Purchase spend in a span of days by vendor, cost category and department, each as a chart of ordered and invoiced money. */
@Controller
@RequestMapping("/o/{orgSlug}/purchase-orders/spend")
class PurchaseSpendWebController {

    private final PurchaseSpend spend;
    private final ProcurementCharts charts;
    private final MessageSource messages;

    PurchaseSpendWebController(PurchaseSpend spend, ProcurementCharts charts, MessageSource messages) {
        this.spend = spend;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping
    String page(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        PurchaseSpend.Report report;
        try {
            report = spend.report(from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            report = spend.report(null, null);
        }
        String none = text("purchaseSpend.none");
        model.addAttribute("report", report);
        model.addAttribute("vendorChart", charts.spend("spend-vendor", text("purchaseSpend.byVendor"), report, report.byVendor(), none));
        model.addAttribute("categoryChart", charts.spend("spend-category", text("purchaseSpend.byCategory"), report, report.byCategory(), none));
        model.addAttribute("departmentChart", charts.spend("spend-department", text("purchaseSpend.byDepartment"), report, report.byDepartment(), none));
        return "procurement/purchase-spend";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}

package org.opencio.procurement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.opencio.procurement.CycleTimeReport;
import org.opencio.procurement.CycleTimes;
import org.opencio.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The approval cycle time page: a period form, the week-by-week chart and the step and approver charts with their tables. */
@Controller
@RequestMapping("/o/{orgSlug}/purchase-requests/cycle-time")
class CycleTimeWebController {

    private final CycleTimes cycleTimes;
    private final ProcurementCharts charts;

    CycleTimeWebController(CycleTimes cycleTimes, ProcurementCharts charts) {
        this.cycleTimes = cycleTimes;
        this.charts = charts;
    }

    @GetMapping
    String show(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        CycleTimeReport report;
        try {
            report = cycleTimes.report(date(from, "from"), date(to, "to"));
        } catch (InvalidInputException e) {
            // The form shows what was wrong next to its field, over the default period.
            model.addAttribute("errors", e.byField());
            report = cycleTimes.report(null, null);
        }
        model.addAttribute("report", report);
        model.addAttribute("weeksChart", charts.weeks("chart-cycle-weeks", report));
        model.addAttribute("stepsChart", report.steps().isEmpty() ? null : charts.steps("chart-cycle-steps", report));
        model.addAttribute("approversChart", report.approvers().isEmpty() ? null : charts.approvers("chart-cycle-approvers", report));
        return "procurement/purchase-request-cycle-time";
    }

    private static @Nullable LocalDate date(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "format", field + " is not a date (YYYY-MM-DD)");
        }
    }
}

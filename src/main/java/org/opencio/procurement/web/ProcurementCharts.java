package org.opencio.procurement.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.Formats;
import org.opencio.platform.web.chart.BarChart;
import org.opencio.platform.web.chart.LineChart;
import org.opencio.platform.web.chart.Series;
import org.opencio.platform.web.chart.Tone;
import org.opencio.procurement.CycleTimeReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The procurement pages' charts as SVG, drawn with the shared chart helpers, words from messages.properties; public for the templates. */
@Component
public class ProcurementCharts {

    /** The approver chart shows the busiest approvers; the table below it lists them all. */
    static final int TOP_APPROVERS = 15;

    private final MessageSource messages;
    private final Formats fmt;

    ProcurementCharts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /** Requests' median and 90th percentile hours from submission to decision, week by week. */
    String weeks(String id, CycleTimeReport report) {
        // Short labels (day and month), so that a quarter's thirteen weeks fit under the axis side by side.
        DateTimeFormatter week = DateTimeFormatter.ofPattern("d MMM", fmt.currentLocale());
        List<String> labels = report.weeks().stream().map(w -> week.format(w.startsOn())).toList();
        return LineChart.of(id, text("cycleTime.weeks.title"))
                .description(text("cycleTime.weeks.desc", fmt.day(report.from()), fmt.day(report.to()), report.requests().count(),
                        hours(report.requests().medianHours()), hours(report.requests().p90Hours())))
                .categories(labels)
                .axes(text("cycleTime.weeks.xAxis"), text("cycleTime.hoursAxis"))
                .size(760, 280)
                .format(this::hours, this::hours)
                .series(new Series(text("cycleTime.median"), column(report.weeks(), w -> w.stat().medianHours()), Tone.ACCENT))
                .series(new Series(text("cycleTime.p90"), column(report.weeks(), w -> w.stat().p90Hours()), Tone.AMBER))
                .toSvg();
    }

    String steps(String id, CycleTimeReport report) {
        List<CycleTimeReport.StepGroup> rows = report.steps();
        return BarChart.of(id, text("cycleTime.steps.title"))
                .description(text("cycleTime.steps.desc", rows.size()))
                .categories(rows.stream().map(CycleTimeReport.StepGroup::name).toList())
                .axis(text("cycleTime.hoursAxis"))
                .format(fmt.currentLocale(), this::hours)
                .series(new Series(text("cycleTime.median"), column(rows, r -> r.stat().medianHours()), Tone.ACCENT))
                .series(new Series(text("cycleTime.p90"), column(rows, r -> r.stat().p90Hours()), Tone.AMBER))
                .toSvg();
    }

    String approvers(String id, CycleTimeReport report) {
        List<CycleTimeReport.ApproverGroup> rows = report.approvers().stream().limit(TOP_APPROVERS).toList();
        return BarChart.of(id, text("cycleTime.approvers.title"))
                .description(text("cycleTime.approvers.desc", rows.size(), report.approvers().size()))
                .categories(rows.stream().map(CycleTimeReport.ApproverGroup::name).toList())
                .axis(text("cycleTime.hoursAxis"))
                .format(fmt.currentLocale(), this::hours)
                .series(new Series(text("cycleTime.median"), column(rows, r -> r.stat().medianHours()), Tone.ACCENT))
                .series(new Series(text("cycleTime.p90"), column(rows, r -> r.stat().p90Hours()), Tone.AMBER))
                .toSvg();
    }

    private static <T> List<@Nullable BigDecimal> column(List<T> rows, Function<T, @Nullable BigDecimal> value) {
        List<@Nullable BigDecimal> out = new ArrayList<>();
        rows.forEach(r -> out.add(value.apply(r)));
        return out;
    }

    /** Hours with at most one decimal, in the reader's format; a dash when there is nothing to measure. */
    public String hours(@Nullable BigDecimal value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(fmt.currentLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

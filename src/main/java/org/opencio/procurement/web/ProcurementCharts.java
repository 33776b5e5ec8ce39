package org.opencio.procurement.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.opencio.procurement.PurchaseSpend;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The procurement pages' charts as SVG, drawn with the shared chart helpers, words from messages.properties; public for the templates. */
@Component
public class ProcurementCharts {

    /** The approver chart shows the busiest approvers; the table below it lists them all. */
    static final int TOP_APPROVERS = 15;

    /** The spend charts show the largest rows; the tables list them all. */
    static final int TOP_SPEND = 10;

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

    /** Ordered and invoiced money of the largest rows of one part of purchase spend (vendors, categories or departments). */
    @Nullable
    String spend(String id, String title, PurchaseSpend.Report report, List<PurchaseSpend.Row> all, String none) {
        if (all.isEmpty()) {
            return null;
        }
        List<PurchaseSpend.Row> rows = all.stream().limit(TOP_SPEND).toList();
        String currency = report.currency();
        Function<BigDecimal, String> money = v -> fmt.money(v.setScale(0, RoundingMode.HALF_EVEN), currency);
        PurchaseSpend.Row first = rows.getFirst();
        return BarChart.of(id, title)
                .description(text("purchaseSpend.chartDesc", title, rows.size(), first.name().isEmpty() ? none : first.name(),
                        money.apply(first.ordered()), money.apply(first.invoiced())))
                .categories(rows.stream().map(r -> r.name().isEmpty() ? none : r.name()).toList())
                .axis(text("purchaseSpend.axis", currency))
                .format(fmt.currentLocale(), money)
                .series(new Series(text("purchaseSpend.ordered"), column(rows, PurchaseSpend.Row::ordered), Tone.AMBER))
                .series(new Series(text("purchaseSpend.invoiced"), column(rows, PurchaseSpend.Row::invoiced), Tone.ACCENT))
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

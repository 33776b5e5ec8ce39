package org.opencio.vendor.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
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
import org.opencio.vendor.ReviewComparison;
import org.opencio.vendor.ReviewTrend;
import org.opencio.vendor.Scores;
import org.opencio.vendor.SpendReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The vendor pages' charts as SVG, with their words from messages.properties and figures in the organization's format. */
@Component
class VendorCharts {

    private static final List<Tone> DIMENSION_TONES = List.of(Tone.ACCENT, Tone.AMBER, Tone.GREEN, Tone.RED, Tone.TEAL, Tone.NEUTRAL);

    /** Scores run from 1 to 5: the axis always shows 5, so a vendor at 4 does not look like the best possible. */
    private static final BigDecimal TOP_SCORE = BigDecimal.valueOf(5);

    private final MessageSource messages;
    private final Formats fmt;

    VendorCharts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /** The overall score period by period. */
    String overallTrend(String id, String vendor, ReviewTrend trend) {
        List<String> periods = trend.points().stream().map(ReviewTrend.Point::period).toList();
        List<@Nullable BigDecimal> overall = new ArrayList<>(trend.points().stream().map(p -> p.scores().overall()).toList());
        ReviewTrend.Point last = trend.points().getLast();
        return LineChart.of(id, text("vendors.trend.overallTitle", vendor))
                .description(text("vendors.trend.overallDesc", vendor, trend.points().size(), periods.getFirst(), last.period(),
                        score(last.scores().overall())))
                .categories(periods)
                .axes(text("vendors.trend.xAxis"), text("vendors.trend.yAxis"))
                .size(760, 280)
                .upTo(TOP_SCORE)
                .format(v -> score(v), this::score)
                .series(new Series(text("vendors.score.overall"), overall, Tone.ACCENT))
                .toSvg();
    }

    /** The six dimensions period by period, one line each. */
    String dimensionTrend(String id, String vendor, ReviewTrend trend) {
        List<String> periods = trend.points().stream().map(ReviewTrend.Point::period).toList();
        LineChart chart = LineChart.of(id, text("vendors.trend.dimensionsTitle", vendor))
                .description(text("vendors.trend.dimensionsDesc", vendor, trend.points().size()))
                .categories(periods)
                .axes(text("vendors.trend.xAxis"), text("vendors.trend.yAxis"))
                .size(760, 320)
                .upTo(TOP_SCORE)
                .format(v -> score(v), this::score);
        for (int d = 0; d < Scores.DIMENSIONS.size(); d++) {
            int dimension = d;
            List<@Nullable BigDecimal> values = new ArrayList<>(trend.points().stream().map(p -> p.scores().dimensions().get(dimension)).toList());
            chart.series(new Series(text("vendors.score." + Scores.DIMENSIONS.get(d)), values, DIMENSION_TONES.get(d)));
        }
        return chart.toSvg();
    }

    /** The vendors of a category by overall score, with the category's mean as a rule. */
    String comparison(String id, String category, ReviewComparison comparison) {
        List<ReviewComparison.Row> rows = comparison.rows().stream().filter(r -> !r.scores().empty()).toList();
        return BarChart.of(id, text("vendors.comparison.chartTitle", category))
                .description(text("vendors.comparison.chartDesc", category, rows.size(), score(comparison.mean().overall())))
                .categories(rows.stream().map(ReviewComparison.Row::name).toList())
                .axis(text("vendors.trend.yAxis"))
                .upTo(TOP_SCORE)
                .format(v -> score(v), this::score)
                .reference(comparison.mean().overall(), text("vendors.comparison.mean"))
                .series(new Series(text("vendors.score.overall"), new ArrayList<>(rows.stream().map(r -> r.scores().overall()).toList()),
                        Tone.ACCENT))
                .toSvg();
    }

    /** The top vendors by spend: contract value, committed and actual money side by side. */
    String topSpend(String id, SpendReport report, int top) {
        List<SpendReport.Row> rows = report.rows().stream().limit(top).toList();
        String currency = report.currency();
        Function<BigDecimal, String> money = v -> fmt.money(v.setScale(0, RoundingMode.HALF_EVEN), currency);
        Function<Function<SpendReport.Row, BigDecimal>, List<@Nullable BigDecimal>> column =
                f -> new ArrayList<>(rows.stream().map(f).toList());
        BarChart chart = BarChart.of(id, text("vendors.spend.chartTitle", rows.size(), String.valueOf(report.fiscalYear())))
                .description(text("vendors.spend.chartDesc", rows.size(), rows.isEmpty() ? "" : rows.getFirst().name(),
                        rows.isEmpty() ? "" : money.apply(rows.getFirst().spend())))
                .categories(rows.stream().map(SpendReport.Row::name).toList())
                .axis(text("vendors.spend.axis", currency))
                .format(fmt.currentLocale(), money)
                .series(new Series(text("vendors.spend.contracts"), column.apply(SpendReport.Row::contractValue), Tone.NEUTRAL));
        if (report.budget()) {
            chart.series(new Series(text("vendors.spend.committed"), column.apply(SpendReport.Row::committed), Tone.AMBER))
                    .series(new Series(text("vendors.spend.actual"), column.apply(SpendReport.Row::actual), Tone.ACCENT));
        }
        return chart.toSvg();
    }

    private String score(@Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(fmt.currentLocale());
        format.setMinimumFractionDigits(value.stripTrailingZeros().scale() <= 0 ? 0 : 1);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

package org.opencio.budget.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetView;
import org.opencio.budget.BurnView;
import org.opencio.budget.VarianceRow;
import org.opencio.platform.web.Formats;
import org.opencio.platform.web.chart.BarChart;
import org.opencio.platform.web.chart.LineChart;
import org.opencio.platform.web.chart.Series;
import org.opencio.platform.web.chart.Tone;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The budget's charts as SVG, with their words from messages.properties and figures in the organization's format. */
@Component
class BudgetCharts {

    private final MessageSource messages;
    private final Formats fmt;

    BudgetCharts(MessageSource messages, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
    }

    /** Cumulative plan against cumulative actual and actual plus open commitments, by fiscal month. */
    String burn(String id, BudgetView budget, BurnView burn, String subject) {
        String currency = budget.currency();
        List<String> months = BudgetPages.shortMonths(budget);
        int current = burn.currentMonth();
        int lastSpent = Math.min(12, current) - 1;
        String description;
        if (lastSpent >= 0) {
            description = text("budget.burn.desc", subject, BudgetPages.longMonths(budget).get(lastSpent),
                    money(burn.actualCumulative().get(lastSpent), currency), money(burn.committedCumulative().get(lastSpent), currency),
                    money(burn.planCumulative().get(lastSpent), currency), money(burn.planCumulative().get(11), currency),
                    money(burn.forecast(), currency));
        } else {
            description = text("budget.burn.descNotStarted", subject, money(burn.planCumulative().get(11), currency));
        }
        // The forecast runs from today's spend and commitments to the year-end forecast.
        List<@Nullable BigDecimal> forecast = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            forecast.add(null);
        }
        if (lastSpent >= 0 && lastSpent < 11) {
            BigDecimal from = burn.committedCumulative().get(lastSpent);
            forecast.set(lastSpent, from);
            forecast.set(11, burn.forecast());
        }
        LineChart chart = LineChart.of(id, text("budget.burn.title", subject))
                .description(description)
                .categories(months)
                .axes(text("budget.burn.xAxis"), text("budget.burn.yAxis", currency))
                .format(BudgetPages.locale(), v -> money(v, currency))
                .series(new Series(text("budget.burn.plan"), new ArrayList<>(burn.planCumulative()), Tone.NEUTRAL))
                .series(new Series(text("budget.burn.committed"), burn.committedCumulative(), Tone.AMBER))
                .series(new Series(text("budget.burn.actual"), burn.actualCumulative(), Tone.ACCENT));
        if (lastSpent >= 0 && lastSpent < 11) {
            chart.series(new Series(text("budget.burn.forecast"), forecast, Tone.GREEN, true));
        }
        if (current >= 1 && current <= 12) {
            chart.marker(current - 1, text("budget.burn.today"));
        }
        return chart.toSvg();
    }

    /** Plan, actual + committed and forecast of each group, as grouped bars. */
    String variance(String id, BudgetView budget, List<VarianceRow> rows, String groupName, String noGroup) {
        String currency = budget.currency();
        List<String> names = rows.stream().map(r -> r.name() == null ? noGroup : r.name()).toList();
        Function<Function<VarianceRow, BigDecimal>, List<@Nullable BigDecimal>> column =
                f -> new ArrayList<>(rows.stream().map(f).toList());
        VarianceRow worst = rows.stream().min(java.util.Comparator.comparing(VarianceRow::variance)).orElse(null);
        String description = worst == null || worst.variance().signum() >= 0
                ? text("budget.variance.chartDescOk", groupName, rows.size())
                : text("budget.variance.chartDesc", groupName, rows.size(), worst.name() == null ? noGroup : worst.name(),
                        money(worst.variance().negate(), currency));
        return BarChart.of(id, text("budget.variance.chartTitle", groupName))
                .description(description)
                .categories(names)
                .axis(text("budget.burn.yAxis", currency))
                .format(BudgetPages.locale(), v -> money(v, currency))
                .series(new Series(text("budget.plan"), column.apply(VarianceRow::plan), Tone.NEUTRAL))
                .series(new Series(text("budget.variance.spentAndOpen"), column.apply(r -> r.actual().add(r.open())), Tone.AMBER))
                .series(new Series(text("budget.burn.forecast"), column.apply(VarianceRow::forecast), Tone.GREEN))
                .toSvg();
    }

    /** How a line's plan is used: actual, committed, reserved and what is still available, end to end. */
    String stages(String id, BudgetView budget, BudgetLineView line) {
        String currency = budget.currency();
        BigDecimal available = line.available().max(BigDecimal.ZERO);
        return BarChart.of(id, text("budget.line.stagesTitle", line.code()))
                .description(text("budget.line.stagesDesc", money(line.plan(), currency), money(line.actual(), currency),
                        money(line.committed(), currency), money(line.reserved(), currency), money(line.available(), currency)))
                .categories(List.of(line.code()))
                .stacked(true)
                .width(760)
                .format(BudgetPages.locale(), v -> money(v, currency))
                .reference(line.plan(), text("budget.plan"))
                .series(new Series(text("budget.stage.ACTUAL"), List.of(line.actual()), Tone.ACCENT))
                .series(new Series(text("budget.stage.COMMITTED"), List.of(line.committed()), Tone.AMBER))
                .series(new Series(text("budget.stage.RESERVED"), List.of(line.reserved()), Tone.TEAL))
                .series(new Series(text("budget.available"), List.of(available), Tone.NEUTRAL))
                .toSvg();
    }

    private String money(@Nullable BigDecimal amount, String currency) {
        return fmt.money(amount == null ? BigDecimal.ZERO : amount, currency);
    }

    /** A message in the reader's language, for page text that code assembles (chart names, group names). */
    String message(String key, Object... args) {
        return text(key, args);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

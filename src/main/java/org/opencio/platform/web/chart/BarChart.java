package org.opencio.platform.web.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Horizontal bars, one row per category, as a self-contained SVG string. Grouped (a bar per series side by side, for
 * comparing plan and forecast) or stacked (segments end to end, for how a total is used up), with an optional
 * reference rule such as the plan. The height follows the number of rows; the width is fixed by {@link #width(int)}.
 */
public final class BarChart {

    private static final double BAR = 14;
    private static final double GAP = 10;

    private final String id;
    private final String title;
    private @Nullable String description;
    private List<String> categories = List.of();
    private final List<Series> series = new ArrayList<>();
    private boolean stacked;
    private @Nullable String axisLabel;
    private int width = 760;
    private @Nullable BigDecimal reference;
    private double upTo;
    private @Nullable String referenceLabel;
    private Function<BigDecimal, String> ticks = Svg.compact(Locale.ROOT);
    private Function<BigDecimal, String> values = BigDecimal::toPlainString;

    private BarChart(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public static BarChart of(String id, String title) {
        return new BarChart(id, title);
    }

    public BarChart description(@Nullable String text) {
        this.description = text;
        return this;
    }

    public BarChart categories(List<String> labels) {
        this.categories = List.copyOf(labels);
        return this;
    }

    public BarChart series(Series s) {
        series.add(s);
        return this;
    }

    public BarChart stacked(boolean stacked) {
        this.stacked = stacked;
        return this;
    }

    public BarChart axis(@Nullable String label) {
        this.axisLabel = label;
        return this;
    }

    public BarChart width(int width) {
        this.width = width;
        return this;
    }

    /** A vertical rule at this value, such as the plan a stacked bar is measured against. */
    public BarChart reference(@Nullable BigDecimal value, @Nullable String label) {
        this.reference = value;
        this.referenceLabel = label;
        return this;
    }

    public BarChart format(Function<BigDecimal, String> tickFormat, Function<BigDecimal, String> valueFormat) {
        this.ticks = tickFormat;
        this.values = valueFormat;
        return this;
    }

    public BarChart format(Locale locale, Function<BigDecimal, String> valueFormat) {
        return format(Svg.compact(locale), valueFormat);
    }

    /** The value axis reaches at least this value, whatever the data: the top of a fixed scale such as scores 1 to 5. */
    public BarChart upTo(BigDecimal value) {
        this.upTo = value.doubleValue();
        return this;
    }

    public String toSvg() {
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        double left = Math.min(220, Math.max(60, 16 + longest * 6.6));
        double right = width - 24;
        double rowHeight = (stacked ? BAR + 4 : series.size() * BAR) + GAP;

        // Measure the legend first, so the rows start below it.
        StringBuilder legend = new StringBuilder();
        double legendEnd = Svg.legend(legend, series, left, 18, right - left, false);
        double top = legendEnd + (reference != null && referenceLabel != null ? 28 : 16);
        double bottom = top + Math.max(1, categories.size()) * rowHeight;
        int height = (int) Math.ceil(bottom + (axisLabel == null ? 28 : 46));

        double min = 0;
        double max = reference == null ? 0 : reference.doubleValue();
        for (int c = 0; c < categories.size(); c++) {
            double sum = 0;
            for (Series s : series) {
                BigDecimal v = c < s.values().size() ? s.values().get(c) : null;
                if (v == null) {
                    continue;
                }
                if (stacked) {
                    sum += Math.max(0, v.doubleValue());
                } else {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
            max = Math.max(max, sum);
        }
        Svg.Scale scale = Svg.Scale.of(min, Math.max(max, upTo), 5);

        StringBuilder svg = new StringBuilder(4096);
        Svg.open(svg, id, width, height, title, description);
        svg.append(legend);
        svg.append("<g>");
        for (int i = 0; i <= scale.count(); i++) {
            double v = scale.min() + i * scale.step();
            double x = scale.at(v, left, right);
            svg.append("<line x1=\"").append(Svg.n(x)).append("\" y1=\"").append(Svg.n(top - 4)).append("\" x2=\"").append(Svg.n(x))
                    .append("\" y2=\"").append(Svg.n(bottom)).append("\" stroke=\"").append(Math.abs(v) < 1e-9 ? Svg.MUTED : Svg.GRID)
                    .append("\" stroke-width=\"1\"/>");
            Svg.text(svg, x, bottom + 16, "middle", Svg.MUTED, ticks.apply(BigDecimal.valueOf(v)));
        }
        svg.append("</g>");
        if (axisLabel != null) {
            Svg.text(svg, (left + right) / 2, height - 8, "middle", Svg.TEXT, axisLabel);
        }
        double zero = scale.at(0, left, right);
        for (int c = 0; c < categories.size(); c++) {
            double y = top + c * rowHeight;
            String label = categories.get(c);
            int room = (int) ((left - 12) / 6.6);
            String shown = label.length() > room ? label.substring(0, Math.max(1, room - 1)) + "…" : label;
            double labelY = y + (rowHeight - GAP) / 2 + 4;
            svg.append("<text x=\"").append(Svg.n(left - 8)).append("\" y=\"").append(Svg.n(labelY)).append("\" text-anchor=\"end\" fill=\"")
                    .append(Svg.TEXT).append("\">").append(Svg.escape(shown));
            if (!shown.equals(label)) {
                svg.append("<title>").append(Svg.escape(label)).append("</title>");
            }
            svg.append("</text>");
            double cumulative = 0;
            for (int s = 0; s < series.size(); s++) {
                Series row = series.get(s);
                BigDecimal v = c < row.values().size() ? row.values().get(c) : null;
                if (v == null) {
                    continue;
                }
                double from;
                double to;
                double barY;
                double barH;
                if (stacked) {
                    from = scale.at(cumulative, left, right);
                    cumulative += Math.max(0, v.doubleValue());
                    to = scale.at(cumulative, left, right);
                    barY = y;
                    barH = BAR + 4;
                } else {
                    double end = scale.at(v.doubleValue(), left, right);
                    from = Math.min(zero, end);
                    to = Math.max(zero, end);
                    barY = y + s * BAR + 1;
                    barH = BAR - 2;
                }
                svg.append("<rect x=\"").append(Svg.n(from)).append("\" y=\"").append(Svg.n(barY)).append("\" width=\"")
                        .append(Svg.n(Math.max(0, to - from))).append("\" height=\"").append(Svg.n(barH)).append("\" fill=\"")
                        .append(row.tone().colour()).append('"');
                if (stacked) {
                    svg.append(" stroke=\"#ffffff\" stroke-width=\"1\"");
                }
                svg.append("><title>").append(Svg.escape(label + " · " + row.name() + ": " + values.apply(v))).append("</title></rect>");
            }
        }
        if (reference != null) {
            double x = scale.at(reference.doubleValue(), left, right);
            svg.append("<line x1=\"").append(Svg.n(x)).append("\" y1=\"").append(Svg.n(top - 6)).append("\" x2=\"").append(Svg.n(x))
                    .append("\" y2=\"").append(Svg.n(bottom)).append("\" stroke=\"").append(Svg.TEXT)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
            if (referenceLabel != null) {
                boolean nearRight = x > right - 120;
                Svg.text(svg, nearRight ? x - 4 : x + 4, top - 10, nearRight ? "end" : "start", Svg.TEXT,
                        referenceLabel + " " + values.apply(reference));
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }
}

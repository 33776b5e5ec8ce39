package org.opencio.platform.web.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A line chart over categories (months, weeks), drawn as a self-contained SVG string: the same markup goes into a page
 * and into a PDF report. It names itself for assistive technology (title and description), labels both axes, draws a
 * legend, and gives each series a dash pattern besides its colour. Pages show the figures in a table next to it.
 */
public final class LineChart {

    private final String id;
    private final String title;
    private @Nullable String description;
    private List<String> categories = List.of();
    private final List<Series> series = new ArrayList<>();
    private @Nullable String xLabel;
    private @Nullable String yLabel;
    private int width = 760;
    private int height = 340;
    private int markerIndex = -1;
    private @Nullable String markerLabel;
    private double upTo;
    private Function<BigDecimal, String> ticks = Svg.compact(Locale.ROOT);
    private Function<BigDecimal, String> values = BigDecimal::toPlainString;

    private LineChart(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A chart with an id unique in its page (the title and description are referenced by it). */
    public static LineChart of(String id, String title) {
        return new LineChart(id, title);
    }

    public LineChart description(@Nullable String text) {
        this.description = text;
        return this;
    }

    public LineChart categories(List<String> labels) {
        this.categories = List.copyOf(labels);
        return this;
    }

    public LineChart series(Series s) {
        series.add(s);
        return this;
    }

    public LineChart axes(@Nullable String x, @Nullable String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    public LineChart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** A vertical rule at the category with this index (0-based), such as "today". */
    public LineChart marker(int index, @Nullable String label) {
        this.markerIndex = index;
        this.markerLabel = label;
        return this;
    }

    /** How axis ticks (short) and point values (in hover titles) are written; the reader's locale belongs here. */
    public LineChart format(Function<BigDecimal, String> tickFormat, Function<BigDecimal, String> valueFormat) {
        this.ticks = tickFormat;
        this.values = valueFormat;
        return this;
    }

    /** Short axis ticks in the locale, full values with the given formatter. */
    public LineChart format(Locale locale, Function<BigDecimal, String> valueFormat) {
        return format(Svg.compact(locale), valueFormat);
    }

    /** The value axis reaches at least this value, whatever the data: the top of a fixed scale such as scores 1 to 5. */
    public LineChart upTo(BigDecimal value) {
        this.upTo = value.doubleValue();
        return this;
    }

    public String toSvg() {
        StringBuilder svg = new StringBuilder(4096);
        Svg.open(svg, id, width, height, title, description);
        double left = 72;
        double right = width - 16;
        double legendEnd = Svg.legend(svg, series, left, 18, right - left, true);
        double top = legendEnd + 18;
        double bottom = height - (xLabel == null ? 28 : 46);
        int n = Math.max(1, categories.size());
        double band = (right - left) / n;

        double min = 0;
        double max = 0;
        for (Series s : series) {
            for (BigDecimal v : s.values()) {
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        Svg.Scale scale = Svg.Scale.of(min, Math.max(max, upTo), 5);

        // Grid lines and y ticks.
        svg.append("<g>");
        for (int i = 0; i <= scale.count(); i++) {
            double v = scale.min() + i * scale.step();
            double y = scale.at(v, bottom, top);
            svg.append("<line x1=\"").append(Svg.n(left)).append("\" y1=\"").append(Svg.n(y)).append("\" x2=\"").append(Svg.n(right))
                    .append("\" y2=\"").append(Svg.n(y)).append("\" stroke=\"").append(Math.abs(v) < 1e-9 ? Svg.MUTED : Svg.GRID)
                    .append("\" stroke-width=\"1\"/>");
            Svg.text(svg, left - 8, y + 4, "end", Svg.MUTED, ticks.apply(BigDecimal.valueOf(v)));
        }
        // X labels: every category when they fit, else every second or third.
        int every = (int) Math.ceil(n * 44.0 / (right - left));
        for (int i = 0; i < categories.size(); i++) {
            if (i % Math.max(1, every) == 0) {
                Svg.text(svg, left + band * (i + 0.5), bottom + 18, "middle", Svg.MUTED, categories.get(i));
            }
        }
        svg.append("</g>");
        if (xLabel != null) {
            Svg.text(svg, (left + right) / 2, height - 8, "middle", Svg.TEXT, xLabel);
        }
        if (yLabel != null) {
            double cy = (top + bottom) / 2;
            svg.append("<text x=\"14\" y=\"").append(Svg.n(cy)).append("\" text-anchor=\"middle\" fill=\"").append(Svg.TEXT)
                    .append("\" transform=\"rotate(-90 14 ").append(Svg.n(cy)).append(")\">").append(Svg.escape(yLabel)).append("</text>");
        }
        if (markerIndex >= 0 && markerIndex < n) {
            double x = left + band * (markerIndex + 0.5);
            svg.append("<line x1=\"").append(Svg.n(x)).append("\" y1=\"").append(Svg.n(top)).append("\" x2=\"").append(Svg.n(x))
                    .append("\" y2=\"").append(Svg.n(bottom)).append("\" stroke=\"").append(Svg.MUTED)
                    .append("\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>");
            if (markerLabel != null) {
                Svg.text(svg, x + 4, top + 12, "start", Svg.MUTED, markerLabel);
            }
        }
        // Series: a polyline per unbroken run of values, with a point (and its value as a hover title) at each.
        for (Series s : series) {
            svg.append("<g>");
            List<String> run = new ArrayList<>();
            for (int i = 0; i <= s.values().size(); i++) {
                BigDecimal v = i < s.values().size() ? s.values().get(i) : null;
                if (v == null) {
                    if (!s.bridged() || i == s.values().size()) {
                        line(svg, run, s.tone());
                        run.clear();
                    }
                    continue;
                }
                run.add(Svg.n(left + band * (i + 0.5)) + "," + Svg.n(scale.at(v.doubleValue(), bottom, top)));
            }
            for (int i = 0; i < s.values().size(); i++) {
                BigDecimal v = s.values().get(i);
                if (v == null) {
                    continue;
                }
                svg.append("<circle cx=\"").append(Svg.n(left + band * (i + 0.5))).append("\" cy=\"")
                        .append(Svg.n(scale.at(v.doubleValue(), bottom, top))).append("\" r=\"3\" fill=\"").append(s.tone().colour())
                        .append("\"><title>").append(Svg.escape(s.name() + " · " + (i < categories.size() ? categories.get(i) : "") + ": "
                                + values.apply(v)))
                        .append("</title></circle>");
            }
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void line(StringBuilder svg, List<String> points, Tone tone) {
        if (points.size() < 2) {
            return;
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(tone.colour()).append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"");
        if (tone.dash() != null) {
            svg.append(" stroke-dasharray=\"").append(tone.dash()).append('"');
        }
        svg.append(" points=\"").append(String.join(" ", points)).append("\"/>");
    }
}

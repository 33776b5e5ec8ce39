package org.opencio.platform.web.chart;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What every chart shares: XML text escaping, coordinates, axis scales and the frame with title and description. */
final class Svg {

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    static final String TEXT = "#1c2230";
    static final String MUTED = "#5a6273";
    static final String GRID = "#d9dde4";

    private Svg() {}

    /** Text for element content and attribute values; characters XML cannot hold are dropped. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** An id usable in the page: letters, digits and hyphens. */
    static String id(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9-]", "-");
        return cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) ? "chart-" + cleaned : cleaned;
    }

    static void open(StringBuilder svg, String id, int width, int height, String title, @Nullable String description) {
        String safeId = id(id);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"").append(escape(FONT)).append("\" font-size=\"12\"")
                .append(" aria-labelledby=\"").append(safeId).append("-title")
                .append(description == null ? "" : " " + safeId + "-desc").append("\">");
        svg.append("<title id=\"").append(safeId).append("-title\">").append(escape(title)).append("</title>");
        if (description != null) {
            svg.append("<desc id=\"").append(safeId).append("-desc\">").append(escape(description)).append("</desc>");
        }
    }

    static void text(StringBuilder svg, double x, double y, String anchor, String fill, String text) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>");
    }

    /** A legend row: a swatch and the name of each series, left to right, wrapping to a new row when full. */
    static double legend(StringBuilder svg, List<Series> series, double x, double y, double maxWidth, boolean lines) {
        double cx = x;
        double cy = y;
        for (Series s : series) {
            double w = 30 + s.name().length() * 7.2;
            if (cx > x && cx + w > x + maxWidth) {
                cx = x;
                cy += 18;
            }
            if (lines) {
                svg.append("<line x1=\"").append(n(cx)).append("\" y1=\"").append(n(cy - 4)).append("\" x2=\"").append(n(cx + 18))
                        .append("\" y2=\"").append(n(cy - 4)).append("\" stroke=\"").append(s.tone().colour())
                        .append("\" stroke-width=\"3\"");
                if (s.tone().dash() != null) {
                    svg.append(" stroke-dasharray=\"").append(s.tone().dash()).append('"');
                }
                svg.append("/>");
            } else {
                svg.append("<rect x=\"").append(n(cx)).append("\" y=\"").append(n(cy - 10)).append("\" width=\"12\" height=\"12\" rx=\"2\" fill=\"")
                        .append(s.tone().colour()).append("\"/>");
            }
            text(svg, cx + (lines ? 24 : 18), cy, "start", TEXT, s.name());
            cx += w;
        }
        return cy;
    }

    /** A linear scale with round tick values that covers {@code min}..{@code max} (and zero). */
    record Scale(double min, double max, double step) {

        static Scale of(double dataMin, double dataMax, int ticks) {
            double lo = Math.min(0, dataMin);
            double hi = Math.max(0, dataMax);
            if (hi - lo <= 0) {
                hi = lo + 1;
            }
            double step = nice((hi - lo) / Math.max(1, ticks));
            return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
        }

        static double nice(double raw) {
            double exponent = Math.floor(Math.log10(raw));
            double fraction = raw / Math.pow(10, exponent);
            double niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return niceFraction * Math.pow(10, exponent);
        }

        double at(double value, double from, double to) {
            return from + (value - min) / (max - min) * (to - from);
        }

        int count() {
            return (int) Math.round((max - min) / step);
        }
    }

    /** Short numbers for axis ticks with the locale's digits: 1.5M, 250K, 12 (thousands K, millions M, billions B). */
    static Function<BigDecimal, String> compact(Locale locale) {
        return value -> {
            double v = value.doubleValue();
            double abs = Math.abs(v);
            String suffix = "";
            if (abs >= 1e9) {
                v /= 1e9;
                suffix = "B";
            } else if (abs >= 1e6) {
                v /= 1e6;
                suffix = "M";
            } else if (abs >= 1e3) {
                v /= 1e3;
                suffix = "K";
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(1);
            return format.format(v) + suffix;
        };
    }

    static double value(@Nullable BigDecimal value) {
        return Objects.requireNonNull(value).doubleValue();
    }
}

package org.opencio.platform.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartTests {

    @Test
    void aLineChartIsWellFormedSvgThatNamesItselfAndItsAxes() throws Exception {
        String svg = LineChart.of("burn", "Burn of <FY2026> & more")
                .description("Plan against actual")
                .categories(List.of("Jan", "Feb", "Mar"))
                .axes("Fiscal month", "Amount (EUR)")
                .format(Locale.UK, v -> "€" + v.toPlainString())
                .series(new Series("Plan", List.of(new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("300")), Tone.NEUTRAL))
                .series(new Series("Actual", Arrays.asList(new BigDecimal("90"), new BigDecimal("210"), null), Tone.ACCENT))
                .marker(1, "today")
                .toSvg();
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("burn-title burn-desc");
        assertThat(doc.getElementById("burn-title") == null ? text(doc, "title") : "").isNotNull();
        assertThat(text(doc, "title")).isEqualTo("Burn of <FY2026> & more");
        assertThat(text(doc, "desc")).isEqualTo("Plan against actual");
        assertThat(svg).contains(">Fiscal month<", ">Amount (EUR)<", ">Jan<", ">Mar<", ">today<");
        // Each series is a line; the gap ends Actual after two points. The plan line is dashed, not told by colour alone.
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        Element plan = (Element) doc.getElementsByTagName("polyline").item(0);
        assertThat(plan.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(5);
        assertThat(svg).contains("Actual · Feb: €210");
        // Axis ticks are short numbers: 0, 50, … 300 here.
        assertThat(svg).contains(">300<").contains(">0<");

        // A bridged series draws one line across its gaps, from first to last value.
        String bridged = LineChart.of("f", "Forecast").categories(List.of("a", "b", "c", "d"))
                .series(new Series("Forecast", Arrays.asList(new BigDecimal("1"), null, null, new BigDecimal("4")), Tone.GREEN, true))
                .toSvg();
        Document f = parse(bridged);
        assertThat(f.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(((Element) f.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ")).hasSize(2);
    }

    @Test
    void aFixedTopKeepsTheAxisWhateverTheData() throws Exception {
        List<BigDecimal> scores = List.of(new BigDecimal("3.5"), new BigDecimal("4"));
        String line = LineChart.of("s", "Scores").categories(List.of("Q1", "Q2")).upTo(BigDecimal.valueOf(5))
                .series(new Series("Overall", scores, Tone.ACCENT)).toSvg();
        String bar = BarChart.of("b", "Scores").categories(List.of("A", "B")).upTo(BigDecimal.valueOf(5))
                .series(new Series("Overall", scores, Tone.ACCENT)).toSvg();
        String free = LineChart.of("f", "Scores").categories(List.of("Q1", "Q2")).series(new Series("Overall", scores, Tone.ACCENT)).toSvg();
        assertThat(ticks(parse(line))).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(ticks(parse(bar))).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(ticks(parse(free))).doesNotContain("5");
    }

    private static List<String> ticks(Document doc) {
        List<String> ticks = new java.util.ArrayList<>();
        var texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            String t = texts.item(i).getTextContent();
            if (t.matches("\\d+")) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    @Test
    void aBarChartGroupsOrStacksAndGrowsWithItsRows() throws Exception {
        BarChart grouped = BarChart.of("v", "Variance")
                .categories(List.of("Software", "A name far too long to be shown whole on the left of the chart"))
                .format(Locale.GERMANY, BigDecimal::toPlainString)
                .series(new Series("Plan", List.of(new BigDecimal("1500000"), new BigDecimal("-20")), Tone.NEUTRAL))
                .series(new Series("Forecast", List.of(new BigDecimal("1000"), new BigDecimal("30")), Tone.GREEN));
        String svg = grouped.toSvg();
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(4 + 2);
        assertThat(svg).contains("1,5M").contains("…");
        int twoRows = Integer.parseInt(doc.getDocumentElement().getAttribute("height"));

        String stacked = BarChart.of("s", "Stages").stacked(true)
                .categories(List.of("L-1"))
                .reference(new BigDecimal("100"), "Plan")
                .series(new Series("Actual", List.of(new BigDecimal("60")), Tone.ACCENT))
                .series(new Series("Committed", List.of(new BigDecimal("60")), Tone.AMBER))
                .toSvg();
        Document s = parse(stacked);
        Element actual = (Element) s.getElementsByTagName("rect").item(2);
        Element committed = (Element) s.getElementsByTagName("rect").item(3);
        double actualEnd = Double.parseDouble(actual.getAttribute("x")) + Double.parseDouble(actual.getAttribute("width"));
        assertThat(Double.parseDouble(committed.getAttribute("x"))).isCloseTo(actualEnd, org.assertj.core.data.Offset.offset(0.2));
        assertThat(stacked).contains(">Plan 100<");
        assertThat(Integer.parseInt(s.getDocumentElement().getAttribute("height"))).isLessThan(twoRows);
    }

    @Test
    void textIsEscapedAndControlCharactersDropped() {
        assertThat(Svg.escape("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
        assertThat(Svg.id("9 lives")).isEqualTo("chart-9-lives");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }
}

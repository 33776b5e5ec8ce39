package org.opencio.procurement.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.Formats;
import org.opencio.platform.web.chart.BarChart;
import org.opencio.platform.web.chart.Series;
import org.opencio.platform.web.chart.Tone;
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

    /** The largest rows a chart shows; the table has them all. */
    static final int TOP = 10;

    private final PurchaseSpend spend;
    private final MessageSource messages;
    private final Formats fmt;

    PurchaseSpendWebController(PurchaseSpend spend, MessageSource messages, Formats fmt) {
        this.spend = spend;
        this.messages = messages;
        this.fmt = fmt;
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
        model.addAttribute("vendorChart", chart("spend-vendor", text("purchaseSpend.byVendor"), report, report.byVendor(), none));
        model.addAttribute("categoryChart", chart("spend-category", text("purchaseSpend.byCategory"), report, report.byCategory(), none));
        model.addAttribute("departmentChart", chart("spend-department", text("purchaseSpend.byDepartment"), report, report.byDepartment(), none));
        return "procurement/purchase-spend";
    }

    private @Nullable String chart(String id, String title, PurchaseSpend.Report report, List<PurchaseSpend.Row> all, String none) {
        if (all.isEmpty()) {
            return null;
        }
        List<PurchaseSpend.Row> rows = all.stream().limit(TOP).toList();
        String currency = report.currency();
        Function<BigDecimal, String> money = v -> fmt.money(v.setScale(0, RoundingMode.HALF_EVEN), currency);
        Function<Function<PurchaseSpend.Row, BigDecimal>, List<@Nullable BigDecimal>> column = f -> new ArrayList<>(rows.stream().map(f).toList());
        PurchaseSpend.Row first = rows.getFirst();
        return BarChart.of(id, title)
                .description(text("purchaseSpend.chartDesc", title, rows.size(), first.name().isEmpty() ? none : first.name(),
                        money.apply(first.ordered()), money.apply(first.invoiced())))
                .categories(rows.stream().map(r -> r.name().isEmpty() ? none : r.name()).toList())
                .axis(text("purchaseSpend.axis", currency))
                .format(fmt.currentLocale(), money)
                .series(new Series(text("purchaseSpend.ordered"), column.apply(PurchaseSpend.Row::ordered), Tone.AMBER))
                .series(new Series(text("purchaseSpend.invoiced"), column.apply(PurchaseSpend.Row::invoiced), Tone.ACCENT))
                .toSvg();
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

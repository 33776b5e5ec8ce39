package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.Api;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Which cost of a FOCUS bill becomes the actual (BilledCost or EffectiveCost), and bills in other currencies than the
 * budget's, converted with the organization's exchange rates and keeping what they were.
 */
@IntegrationTest
class CostImportMeasureAndCurrencyIntegrationTests {

    static final String HEADER = "BilledCost,EffectiveCost,ListCost,BillingAccountId,BillingCurrency,ChargeCategory,ChargeFrequency,"
            + "ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,ResourceId\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    record Setup(Org org, String base, Person manager) {}

    /** A USD organization with a 2026 budget whose line CLOUD receives everything AWS bills. */
    Setup setup() throws Exception {
        Org org = fixtures.organization("USD");
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(as(org.cio(), post(base + "/budgets"), "{\"fiscalYear\":2026}")).andExpect(status().isCreated());
        mvc.perform(as(org.cio(), post(base + "/budgets/2026/lines"), "{\"code\":\"CLOUD\",\"description\":\"Cloud\",\"amount\":120000}"))
                .andExpect(status().isCreated());
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        mvc.perform(as(manager, post(base + "/cost-mapping-rules"), "{\"provider\":\"AWS\",\"lineCode\":\"CLOUD\"}"))
                .andExpect(status().isCreated());
        return new Setup(org, base, manager);
    }

    static String row(String billed, String effective, String currency, String category, String frequency, String day, String resource) {
        return billed + "," + effective + "," + billed + ",111122223333," + currency + "," + category + "," + frequency + ","
                + "2026-" + day + "T00:00:00Z,2026-" + day + "T23:59:59Z,AWS,Amazon EC2," + resource + "\n";
    }

    /**
     * A reserved instance bought upfront in March for the rest of the year: 1,200 billed on the purchase, 0 effective on
     * it (FOCUS requires 0 there); the instance's usage bills 0 and carries its amortised share (100 a month), with a
     * discount; a credit counts the same either way; an on-demand row is the same either way.
     */
    static final String COMMITMENT_FILE = HEADER
            + row("1200", "0", "USD", "Purchase", "One-Time", "03-01", "ri-1")
            + row("0", "100", "USD", "Usage", "Usage-Based", "03-15", "i-1")
            + row("0", "100", "USD", "Usage", "Usage-Based", "04-15", "i-1")
            + row("-10", "-10", "USD", "Credit", "One-Time", "04-20", "credit-1")
            + row("50", "50", "USD", "Usage", "Usage-Based", "04-21", "i-2");

    @Test
    void effectiveCostSpreadsAnUpfrontPurchaseOverTheMonthsItCoversAndBothTotalsAreReported() throws Exception {
        Setup billed = setup();
        String cash = importFile(billed.manager(), billed.base(), "bill.csv", COMMITMENT_FILE, Map.of("format", "FOCUS", "fiscalYear", "2026"));
        assertThat((String) JsonPath.read(cash, "$.measure")).isEqualTo("BILLED");
        assertThat(months(billed, "CLOUD", 3, 4)).containsExactly(new BigDecimal("1200.00"), new BigDecimal("40.00"));

        Setup amortised = setup();
        String job = importFile(amortised.manager(), amortised.base(), "bill.csv", COMMITMENT_FILE,
                Map.of("format", "FOCUS", "fiscalYear", "2026", "measure", "EFFECTIVE"));
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((String) JsonPath.read(job, "$.measure")).isEqualTo("EFFECTIVE");
        // The purchase row is imported and counts 0; its cost arrives with the usage rows it covers.
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(5);
        assertThat(months(amortised, "CLOUD", 3, 4)).containsExactly(new BigDecimal("100.00"), new BigDecimal("140.00"));
        assertThat(decimal(JsonPath.read(job, "$.billedTotal"))).isEqualByComparingTo("1240");
        assertThat(decimal(JsonPath.read(job, "$.effectiveTotal"))).isEqualByComparingTo("240");

        // The report says which one the budget holds and shows both.
        Document page = page(amortised.manager(), "/o/" + amortised.org().slug() + "/cost-imports/" + JsonPath.read(job, "$.id"));
        assertThat(page.text()).contains("Recorded as the actual: Effective cost (amortised)");
        assertThat(page.select("table.money-totals tr.recorded th").text()).isEqualTo("Effective cost (amortised)");
        assertThat(page.select("table.money-totals").text()).contains("Billed cost (cash)").contains("1,240").contains("240");

        // The organization's choice is remembered: the upload form offers it, an upload without a measure uses it.
        Document form = page(amortised.manager(), "/o/" + amortised.org().slug() + "/cost-imports");
        assertThat(form.select("input[name=measure][checked]").val()).isEqualTo("EFFECTIVE");
        String again = importFile(amortised.manager(), amortised.base(), "may.csv",
                HEADER + row("0", "100", "USD", "Usage", "Usage-Based", "05-15", "i-1"), Map.of("format", "FOCUS", "fiscalYear", "2026"));
        assertThat((String) JsonPath.read(again, "$.measure")).isEqualTo("EFFECTIVE");
        assertThat(months(amortised, "CLOUD", 5)).containsExactly(new BigDecimal("100.00"));

        // One year's bills are counted one way: the other measure is refused before anything is queued.
        upload(amortised.manager(), amortised.base(), "june.csv", HEADER + row("5", "5", "USD", "Usage", "Usage-Based", "06-01", "x"),
                        Map.of("format", "FOCUS", "fiscalYear", "2026", "measure", "BILLED"))
                .andExpect(status().isConflict())
                .andExpect(namesField("measure"));
    }

    @Test
    void effectiveCostNeedsItsColumnAndAValueOnEveryRow() throws Exception {
        Setup s = setup();
        Map<String, String> effective = Map.of("format", "FOCUS", "fiscalYear", "2026", "measure", "EFFECTIVE");
        String noColumn = "BilledCost,BillingAccountId,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName\n"
                + "5,1,USD,Usage,2026-03-01T00:00:00Z,2026-03-01T23:59:59Z,AWS,EC2\n";
        String failed = importFile(s.manager(), s.base(), "old.csv", noColumn, effective);
        assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(failed, "$.failure")).contains("no EffectiveCost column");

        String job = importFile(s.manager(), s.base(), "gaps.csv", HEADER
                + row("5", "4", "USD", "Usage", "Usage-Based", "03-01", "a")
                + row("6", "NULL", "USD", "Usage", "Usage-Based", "03-02", "b"), effective);
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(1);
        assertThat(reasons(s, job)).singleElement().asString().contains("EffectiveCost is empty");
        assertThat(months(s, "CLOUD", 3)).containsExactly(new BigDecimal("4.00"));
    }

    @Test
    void aBillInAnotherCurrencyIsConvertedAtTheRateOfEachChargeDateAndKeepsWhatItWas() throws Exception {
        Setup s = setup();
        rate(s, "EUR", "1.1", "2026-01-01");
        rate(s, "EUR", "1.2", "2026-06-01");
        // Line 2: EUR in March at 1.1; 3: EUR in July at 1.2 (0.12345 × 1.2 = 0.14814); 4: USD as it is; 5: GBP has no rate.
        String file = HEADER
                + row("100", "100", "EUR", "Usage", "Usage-Based", "03-10", "a")
                + row("0.12345", "0.12345", "EUR", "Usage", "Usage-Based", "07-10", "b")
                + row("7", "7", "USD", "Usage", "Usage-Based", "07-11", "c")
                + row("9", "9", "GBP", "Usage", "Usage-Based", "07-12", "d");
        String job = importFile(s.manager(), s.base(), "eu-bill.csv", file, Map.of("format", "FOCUS", "fiscalYear", "2026"));
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(3);
        assertThat(reasons(s, job)).containsExactly(
                "BillingCurrency GBP on 2026-07-12 cannot be converted into the budget's USD: there is no exchange rate from GBP to USD; "
                        + "add one under Budget › Exchange rates");
        assertThat(rejectedLines(s, job)).containsExactly(5);
        // 110 in March; 0.14814 + 7 = 7.14814 in July, rounded half-even to four decimals when recorded: 7.1481.
        assertThat(decimal(JsonPath.read(job, "$.billedTotal"))).isEqualByComparingTo("117.1481");
        assertThat(months(s, "CLOUD", 3, 7)).containsExactly(new BigDecimal("110.00"), new BigDecimal("7.15"));
        BigDecimal july = jdbc.sql("select t.amount from budget_actual_totals t join budget_lines l on l.id = t.line_id "
                        + "where l.org_id = ? and l.code = 'CLOUD' and t.fiscal_month = 7")
                .param(s.org().id()).query(BigDecimal.class).single();
        assertThat(july).isEqualByComparingTo("7.1481");

        // Each row keeps its amount as billed, its currency and the rate used.
        List<Map<String, Object>> rows = jdbc.sql("select billed_cost, currency, exchange_rate from budget_actual_rows "
                        + "where org_id = ? order by charge_date")
                .param(s.org().id()).query().listOfRows();
        assertThat(rows).extracting(r -> ((BigDecimal) r.get("billed_cost")).stripTrailingZeros().toPlainString(), r -> r.get("currency"),
                        r -> r.get("exchange_rate") == null ? null : ((BigDecimal) r.get("exchange_rate")).stripTrailingZeros().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("100", "EUR", "1.1"),
                        org.assertj.core.groups.Tuple.tuple("0.12345", "EUR", "1.2"),
                        org.assertj.core.groups.Tuple.tuple("7", "USD", null));

        // The drill-down from July's figure shows them.
        UUID line = UUID.fromString(jdbc.sql("select id from budget_lines where org_id = ? and code = 'CLOUD'").param(s.org().id())
                .query(String.class).single());
        Document drill = page(s.org().cio(), "/o/" + s.org().slug() + "/budgets/2026/lines/" + line + "?stage=ACTUAL&month=7");
        assertThat(drill.select("table.imported-rows tbody tr")).hasSize(2);
        assertThat(drill.select("table.imported-rows tbody tr").eachText())
                .anySatisfy(r -> assertThat(r).contains("EUR 0.12345").contains("1.2").contains("0.1481").contains("eu-bill.csv"))
                .anySatisfy(r -> assertThat(r).contains("USD 7").contains("line 4"));
        assertThat(drill.select("table.movements a[href*=/cost-imports/]")).hasSize(1);

        // Importing the file again counts nothing twice, whatever the rates are by then; the GBP row now converts.
        rate(s, "GBP", "1.25", "2026-01-01");
        String again = importFile(s.manager(), s.base(), "eu-bill.csv", file, Map.of("format", "FOCUS", "fiscalYear", "2026"));
        assertThat((Integer) JsonPath.read(again, "$.rowsDuplicate")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(again, "$.rowsImported")).isEqualTo(1);
        assertThat(months(s, "CLOUD", 7)).containsExactly(new BigDecimal("18.40"));
    }

    @Test
    void aRowWithoutARateFailsAStrictImportAndNothingIsImported() throws Exception {
        Setup s = setup();
        rate(s, "EUR", "1.1", "2026-06-01");
        String job = importFile(s.manager(), s.base(), "strict.csv", HEADER
                        + row("100", "100", "EUR", "Usage", "Usage-Based", "06-10", "a")
                        + row("100", "100", "EUR", "Usage", "Usage-Based", "05-10", "b"),
                Map.of("format", "FOCUS", "fiscalYear", "2026", "strict", "true"));
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("FAILED");
        assertThat(reasons(s, job)).singleElement().asString().contains("the first exchange rate from EUR to USD is valid from 2026-06-01");
        assertThat(months(s, "CLOUD", 5, 6)).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(jdbc.sql("select count(*) from budget_actual_rows where org_id = ?").param(s.org().id()).query(Long.class).single()).isZero();
    }

    @Test
    void aLedgerExportWithACurrencyColumnIsConvertedRowByRow() throws Exception {
        Setup s = setup();
        rate(s, "EUR", "1.08", "2026-01-01");
        String file = "Date;Amount;Currency;Line;Ref\n"
                + "2026-04-02;1.000,50;EUR;CLOUD;A-1\n"
                + "2026-04-03;200,00;usd;CLOUD;A-2\n"
                + "2026-04-04;10,00;;CLOUD;A-3\n";
        Map<String, String> params = new HashMap<>(Map.of("format", "GL", "fiscalYear", "2026", "dateColumn", "Date", "amountColumn", "Amount",
                "currencyColumn", "Currency", "lineCodeColumn", "Line", "referenceColumn", "Ref", "delimiter", "SEMICOLON"));
        params.put("decimalSeparator", "COMMA");
        String job = importFile(s.manager(), s.base(), "ledger.csv", file, params);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        // 1,000.50 EUR × 1.08 = 1,080.54, plus 200 and 10 USD.
        assertThat(months(s, "CLOUD", 4)).containsExactly(new BigDecimal("1290.54"));
        assertThat(jdbc.sql("select currency from budget_actual_rows where org_id = ? order by charge_date").param(s.org().id())
                        .query(String.class).list())
                .containsExactly("EUR", "USD", "USD");
    }

    // ---- helpers

    void rate(Setup s, String currency, String rate, String from) throws Exception {
        mvc.perform(as(s.manager(), post(s.base() + "/exchange-rates"),
                        "{\"currency\":\"" + currency + "\",\"rate\":" + rate + ",\"validFrom\":\"" + from + "\"}"))
                .andExpect(status().isCreated());
    }

    ResultActions upload(Person person, String base, String name, String content, Map<String, String> params) throws Exception {
        var request = multipart(base + "/cost-imports").file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
        params.forEach(request::param);
        return mvc.perform(as(person, request));
    }

    String importFile(Person person, String base, String name, String content, Map<String, String> params) throws Exception {
        String job = Api.body(upload(person, base, name, content, params).andExpect(status().isAccepted()));
        return CostImportIntegrationTests.poll(mvc, person, base, JsonPath.read(job, "$.id"));
    }

    List<String> reasons(Setup s, String job) throws Exception {
        String id = JsonPath.read(job, "$.id");
        return JsonPath.read(Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports/" + id + "/rejections")))), "$.items[*].reason");
    }

    List<Integer> rejectedLines(Setup s, String job) throws Exception {
        String id = JsonPath.read(job, "$.id");
        return JsonPath.read(Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports/" + id + "/rejections")))), "$.items[*].lineNumber");
    }

    /** The line's actual money in these fiscal months, as the grid shows it (in the budget's cents). */
    @SuppressWarnings("unchecked")
    List<BigDecimal> months(Setup s, String code, int... fiscalMonths) throws Exception {
        String grid = Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/budgets/2026/lines"))).andExpect(status().isOk()));
        List<Map<String, Object>> lines = JsonPath.read(grid, "$[?(@.code == '" + code + "')]");
        List<Object> actual = (List<Object>) lines.getFirst().get("actualByMonth");
        return java.util.Arrays.stream(fiscalMonths).mapToObj(m -> decimal(actual.get(m - 1)).setScale(2)).toList();
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    Document page(Person person, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(person.principal()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}

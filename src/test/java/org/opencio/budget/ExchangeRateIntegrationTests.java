package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Exchange rates: kept through the API and the pages by those who record actuals, and used to convert money recorded
 * by hand in another currency, which keeps its original amount, currency and rate.
 */
@IntegrationTest
class ExchangeRateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetManagement budgets;

    @Test
    void ratesAreAddedCorrectedAndArchivedWithTheApiConventionsAndAnAuditTrail() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person auditor = fixtures.member(org, Role.AUDITOR);
        String rates = "/api/v1/orgs/" + org.slug() + "/exchange-rates";
        long seq = Api.lastAuditSeq(mvc, org);

        ResultActions created = mvc.perform(as(manager, post(rates), "{\"currency\":\"usd\",\"rate\":0.9200,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""));
        String id = read(created, "$.id");
        assertThat(created.andReturn().getResponse().getHeader("Location")).isEqualTo(rates + "/" + id);
        assertThat((String) read(created, "$.currency")).isEqualTo("USD");
        assertThat((String) read(created, "$.baseCurrency")).isEqualTo("EUR");
        assertThat(new BigDecimal(read(created, "$.rate").toString())).isEqualByComparingTo("0.92");

        // Refused, each naming its field: a second rate for the same day, the base currency itself, no ISO code, no rate.
        mvc.perform(as(manager, post(rates), "{\"currency\":\"USD\",\"rate\":0.93,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isConflict()).andExpect(namesField("validFrom"));
        mvc.perform(as(manager, post(rates), "{\"currency\":\"EUR\",\"rate\":1,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("currency"));
        mvc.perform(as(manager, post(rates), "{\"currency\":\"XXQ\",\"rate\":1.1,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("currency"));
        mvc.perform(as(manager, post(rates), "{\"currency\":\"GBP\",\"rate\":0,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("rate"));
        mvc.perform(as(manager, post(rates), "{\"currency\":\"GBP\",\"rate\":1.12345678901,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("rate"));
        mvc.perform(as(manager, post(rates), "{\"currency\":\"GBP\",\"rate\":1.17}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("validFrom"));
        mvc.perform(as(auditor, post(rates), "{\"currency\":\"GBP\",\"rate\":1.17,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isForbidden());

        // Corrected with If-Match: without it 428, with an old version 412.
        String body = "{\"currency\":\"USD\",\"rate\":0.915,\"validFrom\":\"2026-01-01\"}";
        mvc.perform(as(manager, put(rates + "/" + id), body)).andExpect(status().isPreconditionRequired());
        mvc.perform(as(manager, put(rates + "/" + id), body).header("If-Match", "\"7\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(manager, put(rates + "/" + id), body).header("If-Match", "\"0\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(as(auditor, get(rates + "/" + id))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(as(auditor, get(rates + "/" + UUID.randomUUID()))).andExpect(status().isNotFound());
        mvc.perform(as(auditor, get(rates + "/not-an-id"))).andExpect(status().isNotFound());

        // Listed newest first, a page at a time; archived ones apart.
        mvc.perform(as(manager, post(rates), "{\"currency\":\"USD\",\"rate\":0.95,\"validFrom\":\"2026-07-01\"}")).andExpect(status().isCreated());
        mvc.perform(as(manager, post(rates), "{\"currency\":\"GBP\",\"rate\":1.17,\"validFrom\":\"2026-03-01\"}")).andExpect(status().isCreated());
        ResultActions first = mvc.perform(as(auditor, get(rates).param("limit", "2"))).andExpect(status().isOk());
        assertThat((List<String>) read(first, "$.items[*].validFrom")).containsExactly("2026-07-01", "2026-03-01");
        String cursor = read(first, "$.nextCursor");
        assertThat((List<String>) read(mvc.perform(as(auditor, get(rates).param("limit", "2").param("cursor", cursor))), "$.items[*].validFrom"))
                .containsExactly("2026-01-01");
        assertThat((List<String>) read(mvc.perform(as(auditor, get(rates).param("currency", "gbp"))), "$.items[*].currency"))
                .containsExactly("GBP");
        mvc.perform(as(auditor, get(rates).param("sort", "rate"))).andExpect(status().isBadRequest()).andExpect(namesField("sort"));

        mvc.perform(as(manager, post(rates + "/" + id + "/archive"), "{\"reason\":\"Wrong source\"}").header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(manager, post(rates + "/" + id + "/archive"), "{\"reason\":\"Wrong source\"}").header("If-Match", "\"1\""))
                .andExpect(status().isOk());
        assertThat((List<String>) read(mvc.perform(as(auditor, get(rates).param("currency", "USD"))), "$.items[*].validFrom"))
                .containsExactly("2026-07-01");
        assertThat((List<String>) read(mvc.perform(as(auditor, get(rates).param("archived", "true"))), "$.items[*].id"))
                .containsExactly(id);

        assertThat(new BudgetApi(mvc, org).auditSince(seq)).filteredOn(e -> e.contains("ExchangeRate " + id))
                .containsExactly("exchange-rate.created ExchangeRate " + id, "exchange-rate.updated ExchangeRate " + id,
                        "exchange-rate.archived ExchangeRate " + id);
    }

    @Test
    void moneyRecordedInAnotherCurrencyIsConvertedWithTheRateOfItsDateAndKeepsWhatItWas() throws Exception {
        Org org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"SAAS\",\"amount\":12000");
        String base = api.base();
        mvc.perform(as(org.cio(), post(base + "/exchange-rates"), "{\"currency\":\"USD\",\"rate\":0.9,\"validFrom\":\"2026-02-01\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(org.cio(), post(base + "/exchange-rates"), "{\"currency\":\"USD\",\"rate\":0.95,\"validFrom\":\"2026-07-01\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(org.cio(), post(base + "/exchange-rates"), "{\"currency\":\"CHF\",\"rate\":0.5,\"validFrom\":\"2026-01-01\"}"))
                .andExpect(status().isCreated());

        // 100 USD in March at 0.90; 123.4567 USD in August at 0.95 = 117.283865, rounded half-even to 117.2839.
        actual(org, line, "100", "USD", "2026-03-10").andExpect(status().isCreated());
        actual(org, line, "123.4567", "USD", "2026-08-01").andExpect(status().isCreated());
        // Half-even, not half-up: 1.0001 CHF at 0.5 = 0.50005, stored as 0.5000.
        actual(org, line, "1.0001", "CHF", "2026-08-02").andExpect(status().isCreated());
        assertThat(new BigDecimal(api.lineField(line, "$.actual").toString())).isEqualByComparingTo("207.78");

        List<MovementView> movements = fixtures.as(org.cio(), () -> budgets.movements(line, Stage.ACTUAL, null, 10));
        assertThat(movements).extracting(MovementView::amount, MovementView::originalAmount, MovementView::originalCurrency)
                .containsExactly(
                        tuple(new BigDecimal("0.5000"), new BigDecimal("1.0001"), "CHF"),
                        tuple(new BigDecimal("117.2839"), new BigDecimal("123.4567"), "USD"),
                        tuple(new BigDecimal("90.0000"), new BigDecimal("100.0000"), "USD"));
        assertThat(movements.get(1).exchangeRate()).isEqualByComparingTo("0.95");

        // No rate on the date (before the first USD rate), or none at all (GBP): refused, nothing recorded.
        actual(org, line, "50", "USD", "2026-01-15").andExpect(status().isBadRequest()).andExpect(namesField("currency"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("valid from 2026-02-01"));
        actual(org, line, "50", "GBP", "2026-03-15").andExpect(status().isBadRequest()).andExpect(namesField("currency"));
        actual(org, line, "50", "EURO", "2026-03-15").andExpect(status().isBadRequest()).andExpect(namesField("currency"));
        assertThat(fixtures.as(org.cio(), () -> budgets.movements(line, Stage.ACTUAL, null, 10))).hasSize(3);

        // The drill-down shows what the money was and the rate; the budget's own currency needs no rate.
        Document page = page(org.cio(), "/o/" + org.slug() + "/budgets/2026/lines/" + line + "?stage=ACTUAL");
        assertThat(page.select("table.movements .converted").eachText())
                .containsExactly("from CHF 1.0001 at 0.5", "from USD 123.4567 at 0.95", "from USD 100 at 0.9");
        assertThat(page.select("#f-currency option").eachText()).containsExactly("EUR", "CHF", "USD");
        actual(org, line, "10", null, "2026-03-10").andExpect(status().isCreated());
    }

    @Test
    void thePagesListAddCorrectAndArchiveRatesForThoseWhoRecordActuals() throws Exception {
        Org org = fixtures.organization();
        Person auditor = fixtures.member(org, Role.AUDITOR);
        String base = "/o/" + org.slug() + "/exchange-rates";

        Document empty = page(org.cio(), base);
        assertThat(empty.text()).contains("No exchange rates yet");
        assertThat(empty.select("form[action$=/exchange-rates][method=post]")).hasSize(1);
        assertThat(page(auditor, base).select("form.form-card")).isEmpty();

        // German-speaking people type a decimal comma; a bad rate is shown again with its error.
        Document bad = Jsoup.parse(mvc.perform(post(base).with(user(org.cio().principal())).with(csrf())
                        .param("currency", "USD").param("rate", "zero").param("validFrom", "2026-01-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#f-rate-note").text()).contains("not a number");
        mvc.perform(post(base).with(user(org.cio().principal())).with(csrf())
                        .param("currency", "USD").param("rate", "0.9215").param("validFrom", "2026-01-01"))
                .andExpect(redirectedUrl(base));
        Document list = page(org.cio(), base);
        assertThat(list.select("table.rates tbody tr").first().text()).contains("USD").contains("1 USD = 0.9215 EUR");
        String edit = list.select("table.rates tbody tr a").attr("href");

        Document form = page(org.cio(), edit);
        assertThat(form.select("#f-rate").val()).isEqualTo("0.9215");
        String version = form.select("input[name=version]").first().val();
        mvc.perform(post(edit).with(user(org.cio().principal())).with(csrf()).param("version", version)
                        .param("currency", "USD").param("rate", "0.93").param("validFrom", "2026-01-01"))
                .andExpect(redirectedUrl(base));
        mvc.perform(post(edit).with(user(auditor.principal())).with(csrf()).param("version", version)
                        .param("currency", "USD").param("rate", "0.1").param("validFrom", "2026-01-01"))
                .andExpect(status().isForbidden());
        assertThat(page(org.cio(), base).select("table.rates tbody tr").first().text()).contains("1 USD = 0.93 EUR");
        assertThat(page(auditor, edit).select("form.form-card")).isEmpty();

        mvc.perform(post(edit + "/archive").with(user(org.cio().principal())).with(csrf()).param("reason", "Entered twice"))
                .andExpect(redirectedUrl(base));
        assertThat(page(org.cio(), base).text()).contains("No exchange rates yet");
        assertThat(page(org.cio(), base + "?archived=true").select("table.rates tbody tr")).hasSize(1);
    }

    private ResultActions actual(Org org, UUID line, String amount, String currency, String date) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("lineId", line.toString());
        body.put("amount", new BigDecimal(amount));
        if (currency != null) {
            body.put("currency", currency);
        }
        body.put("date", date);
        body.put("description", "Subscription");
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/actuals"), json));
    }

    private Document page(Person person, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(person.principal()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}

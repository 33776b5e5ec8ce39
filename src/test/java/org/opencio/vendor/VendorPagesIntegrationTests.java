package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.SourceDocument;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.shared.Ids;
import org.opencio.support.Api;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The vendor pages as people use them: the register, a vendor's page, the forms, reviews, spend and the CSV import. */
@IntegrationTest
class VendorPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BudgetLedger ledger;

    @Test
    void aManagerAddsAVendorThroughTheFormAndIsWarnedOfADuplicate() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String base = "/o/" + org.slug() + "/vendors";
        assertThat(page(manager, base).select(".empty-state").text()).contains("no vendors yet");

        as(manager, post(base).param("legalName", "Fabrikam Systems GmbH").param("tradingName", "Fabrikam").param("category", "HARDWARE")
                        .param("website", "fabrikam.example").param("status", "ACTIVE").param("strategicTier", "PREFERRED")
                        .param("riskTier", "HIGH").param("tags", "servers, storage").param("ownerId", manager.accountId().toString()))
                .andExpect(redirectedUrlPattern(base + "/*"))
                .andExpect(flash().attribute("flashKey", "vendors.created"));

        // Refused input stays in the form, each error at its field.
        Document bad = Jsoup.parse(as(manager, post(base).param("legalName", "").param("category", "")
                        .param("website", "not a site").param("status", "ACTIVE").param("strategicTier", "TACTICAL").param("riskTier", "LOW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#f-legalName-note").text()).contains("legalName is required");
        assertThat(bad.select("#f-website-note").text()).contains("web address");
        assertThat(bad.select("#f-website").val()).isEqualTo("not a site");
        Document tampered = Jsoup.parse(as(manager, post(base).param("legalName", "Odd Ltd").param("category", "FURNITURE")
                        .param("status", "ACTIVE").param("strategicTier", "TACTICAL").param("riskTier", "LOW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tampered.select(".error-summary").text()).contains("category");

        // The same company again: the form names the candidate and offers to add it anyway.
        Document duplicate = Jsoup.parse(as(manager, post(base).param("legalName", "FABRIKAM SYSTEMS").param("category", "HARDWARE")
                        .param("status", "ACTIVE").param("strategicTier", "TACTICAL").param("riskTier", "LOW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(duplicate.select(".duplicates a").text()).isEqualTo("Fabrikam");
        assertThat(duplicate.select(".duplicates a").attr("href")).startsWith(base + "/");
        assertThat(duplicate.select("input[name=allowDuplicate]")).hasSize(1);
        assertThat(duplicate.select("#f-legalName").val()).isEqualTo("FABRIKAM SYSTEMS");
        as(manager, post(base).param("legalName", "FABRIKAM SYSTEMS").param("category", "HARDWARE").param("status", "ACTIVE")
                        .param("strategicTier", "TACTICAL").param("riskTier", "LOW").param("allowDuplicate", "true"))
                .andExpect(redirectedUrlPattern(base + "/*"));

        Document list = page(manager, base + "?tag=storage");
        assertThat(list.select("table.vendors tbody tr")).hasSize(1);
        assertThat(list.select("table.vendors tbody tr").text()).contains("Fabrikam", "Fabrikam Systems GmbH", "Hardware", "Preferred", "High risk",
                manager.name());
        assertThat(page(manager, base + "?sort=-name").select("a.vendor-name").eachText()).containsExactly("FABRIKAM SYSTEMS", "Fabrikam");
        assertThat(page(manager, base).select(".page-actions a").eachText()).contains("New vendor", "Import vendors", "Export CSV");
    }

    @Test
    void theVendorPageShowsContactsContractsReviewsIntelligenceAndSpend() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String id = api.vendorNamed("Contoso Cloud Services Ltd", "\"tradingName\":\"Contoso\",\"category\":\"CLOUD\",\"website\":\"contoso.example\","
                + "\"tags\":[\"iaas\"],\"notes\":\"Main hosting provider.\\nEU data centres.\"");
        api.contact(id, "\"name\":\"Ravi Menon\",\"kind\":\"ACCOUNT_MANAGER\",\"email\":\"ravi@contoso.example\",\"phone\":\"+44 20 7946 0000\"");
        api.contact(id, "\"name\":\"Service desk\",\"kind\":\"SUPPORT\"");
        api.note(id, "\"notedOn\":\"2025-10-02\",\"kind\":\"ROADMAP\",\"title\":\"Sovereign cloud region\",\"relevance\":\"Patient data hosting\"");
        api.review(org.cio(), id, "2025-Q2", 3, 3, 4, 2, 4, 3);
        api.review(org.cio(), id, "2025-Q3", 4, 4, 4, 3, 4, 4);
        LocalDate end = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(20);
        UUID contract = contract(org, UUID.fromString(id), "Hosting framework agreement", "ACTIVE", end, 120_000);

        Document page = page(org.cio(), "/o/" + org.slug() + "/vendors/" + id);
        assertThat(page.select("h1").text()).isEqualTo("Contoso");
        assertThat(page.select("#overview").text()).contains("Contoso Cloud Services Ltd", "Cloud", "contoso.example", "3.83");
        assertThat(page.select("#overview .pre-line").text()).contains("Main hosting provider.");
        assertThat(page.select("#contacts tbody").text()).contains("Ravi Menon", "Account manager", "ravi@contoso.example");
        assertThat(page.select("#contacts a[href^=mailto]").attr("href")).isEqualTo("mailto:ravi@contoso.example");
        assertThat(page.select("#contacts tbody tr:contains(Service desk) td").eachText()).containsExactly("Support", "—", "—", "—", "Edit Remove");
        assertThat(page.select("#contracts tbody").text()).contains("Hosting framework agreement", "within 60 days");
        assertThat(page.select("#contracts a").attr("href")).isEqualTo("/o/" + org.slug() + "/contracts/" + contract);
        assertThat(page.select("#reviews svg")).hasSize(2);
        assertThat(page.select("#reviews svg title").eachText()).contains("Overall score of Contoso by period");
        // Scores are drawn against the whole scale, up to 5, not up to the best score given.
        assertThat(page.select("#reviews svg").first().select("text").eachText()).contains("5");
        assertThat(page.select("#reviews table.scores tbody tr")).hasSize(2);
        assertThat(page.select("#reviews table.scores tbody tr").last().text()).contains("2025-Q3", "3.83");
        assertThat(page.select("#intelligence").text()).contains("Sovereign cloud region", "Roadmap session", "Patient data hosting");
        // The year's share of the term that runs a year up to its end: 120,000 × its days in this calendar year ÷ the year's days.
        LocalDate yearStart = LocalDate.of(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear(), 1, 1);
        LocalDate from = end.minusYears(1).plusDays(1).isAfter(yearStart) ? end.minusYears(1).plusDays(1) : yearStart;
        LocalDate to = end.isAfter(yearStart.withDayOfYear(yearStart.lengthOfYear())) ? yearStart.withDayOfYear(yearStart.lengthOfYear()) : end;
        long share = 120_000L * (java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1) / yearStart.lengthOfYear();
        assertThat(page.select("#spend").text()).contains(String.format(java.util.Locale.US, "%,d", share));

        // A reader sees the page without the buttons that change it.
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Document read = page(staff, "/o/" + org.slug() + "/vendors/" + id);
        assertThat(read.select(".page-actions a")).isEmpty();
        assertThat(read.select("form[action$=/archive]")).isEmpty();
        assertThat(read.select("#spend").text()).contains("does not read the budget");
        as(staff, get("/o/" + org.slug() + "/vendors/" + id + "/edit")).andExpect(status().isForbidden());
    }

    @Test
    void contactsNotesAndReviewsAreRecordedThroughTheirForms() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String id = api.vendor("\"category\":\"SAAS\"");
        String vendor = "/o/" + org.slug() + "/vendors/" + id;
        assertThat(page(org.cio(), vendor + "/contacts/new").select("#f-kind option")).hasSize(5);
        as(org.cio(), post(vendor + "/contacts").param("name", "Billing team").param("kind", "BILLING").param("email", "billing@x.example"))
                .andExpect(redirectedUrl(vendor + "#contacts"));
        Document badContact = Jsoup.parse(as(org.cio(), post(vendor + "/contacts").param("name", "X").param("kind", "SUPPORT").param("email", "nope"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(badContact.select("#f-email-note").text()).contains("email address");

        as(org.cio(), post(vendor + "/notes").param("notedOn", "2025-11-03").param("kind", "BRIEFING").param("title", "AI assistant in the suite")
                        .param("relevance", "Service desk deflection").param("tags", "AI, service desk"))
                .andExpect(redirectedUrl(vendor + "#intelligence"));
        Document badNote = Jsoup.parse(as(org.cio(), post(vendor + "/notes").param("notedOn", "someday").param("kind", "BRIEFING").param("title", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(badNote.select(".error-summary").text()).contains("notedOn");

        Document form = page(org.cio(), "/o/" + org.slug() + "/vendor-reviews/new?vendorId=" + id);
        assertThat(form.select("#f-vendorId option[selected]").val()).isEqualTo(id);
        assertThat(form.select("fieldset.score-choice")).hasSize(6);
        assertThat(form.select("input[name=quality]")).hasSize(5);
        Document missing = Jsoup.parse(as(org.cio(), post("/o/" + org.slug() + "/vendor-reviews").param("vendorId", id).param("period", "2025-Q4")
                        .param("quality", "4").param("delivery", "4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(missing.select("#f-support-note").text()).contains("support is required");
        assertThat(missing.select("#f-quality-4").attr("checked")).isEqualTo("checked");
        as(org.cio(), post("/o/" + org.slug() + "/vendor-reviews").param("vendorId", id).param("period", "2025-Q4").param("quality", "4")
                        .param("delivery", "4").param("support", "5").param("cost", "3").param("relationship", "4").param("innovation", "5")
                        .param("comments", "Strong quarter"))
                .andExpect(redirectedUrl(vendor + "#reviews"));

        Document page = page(org.cio(), vendor);
        assertThat(page.select("#contacts tbody").text()).contains("Billing team");
        assertThat(page.select("#intelligence").text()).contains("AI assistant in the suite", "service desk");
        assertThat(page.select("#reviews .review-list").text()).contains("2025-Q4", "4.17", "Strong quarter");

        assertThat(page(org.cio(), "/o/" + org.slug() + "/vendor-reviews").select(".row-actions a").eachText()).containsExactly("Edit");
        assertThat(page(org.cio(), vendor).select(".review-head a").eachText()).containsExactly("Edit");
        String reviewId = read(mvc.perform(Api.as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendor-reviews"))), "$.items[0].id");
        Document edit = page(org.cio(), "/o/" + org.slug() + "/vendor-reviews/" + reviewId + "/edit");
        assertThat(edit.select("#f-cost-3").attr("checked")).isEqualTo("checked");
        as(org.cio(), post("/o/" + org.slug() + "/vendor-reviews/" + reviewId + "/withdraw")).andExpect(redirectedUrl(vendor + "#reviews"));
        assertThat(page(org.cio(), vendor).select("#reviews .empty-state")).hasSize(1);
    }

    @Test
    void theComparisonShowsTheVendorsOfACategorySideBySide() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String a = api.vendorNamed("Alpha Telecom", "\"category\":\"TELECOM\"");
        String b = api.vendorNamed("Beta Telecom", "\"category\":\"TELECOM\"");
        api.vendorNamed("Gamma Telecom", "\"category\":\"TELECOM\"");
        api.review(org.cio(), a, "2025-Q3", 2, 2, 2, 2, 2, 2);
        api.review(org.cio(), b, "2025-Q3", 5, 4, 5, 4, 5, 4);
        Document page = page(org.cio(), "/o/" + org.slug() + "/vendor-reviews/comparison?category=TELECOM");
        assertThat(page.select("table.comparison tbody th").eachText()).containsExactly("Beta Telecom", "Alpha Telecom", "Gamma Telecom");
        assertThat(page.select("table.comparison tfoot").text()).contains("3.25");
        assertThat(page.select("svg title").first().text()).isEqualTo("Overall score of the Telecom vendors");
        assertThat(page(org.cio(), "/o/" + org.slug() + "/vendor-reviews/comparison").select("#category option[selected]").val())
                .isEqualTo("TELECOM");
        Document wrong = page(org.cio(), "/o/" + org.slug() + "/vendor-reviews/comparison?category=TELECOM&period=soon");
        assertThat(wrong.select(".error-summary").text()).contains("period");
        Document list = page(org.cio(), "/o/" + org.slug() + "/vendor-reviews?category=TELECOM");
        assertThat(list.select("table.scores tbody tr")).hasSize(2);
    }

    @Test
    void theSpendPageRanksVendorsByContractsAndBudgetMoney() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String big = api.vendorNamed("Big Software Corp", "\"category\":\"SOFTWARE\"");
        String small = api.vendorNamed("Small Consulting", "\"category\":\"CONSULTING\"");
        String none = api.vendorNamed("Idle Vendor", "\"category\":\"SOFTWARE\"");
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        contract(org, UUID.fromString(big), "Enterprise agreement", "ACTIVE", LocalDate.of(year, 12, 31), 90_000);
        // A draft never bound the organization, and a contract that ended last year is last year's.
        contract(org, UUID.fromString(big), "Proposed agreement", "DRAFT", LocalDate.of(year, 12, 31), 50_000);
        contract(org, UUID.fromString(big), "Old agreement", "EXPIRED", LocalDate.of(year - 1, 12, 31), 70_000);
        contract(org, UUID.fromString(small), "Advisory retainer", "ACTIVE", null, 10_000);
        String apiBase = "/api/v1/orgs/" + org.slug();
        mvc.perform(Api.as(org.cio(), post(apiBase + "/budgets"), "{\"fiscalYear\":" + year + "}")).andExpect(status().isCreated());
        String line = read(mvc.perform(Api.as(org.cio(), post(apiBase + "/budgets/" + year + "/lines"),
                        "{\"code\":\"CONS-1\",\"description\":\"Consulting\",\"amount\":60000,\"vendorId\":\"" + small + "\"}"))
                .andExpect(status().isCreated()), "$.id");
        fixtures.as(org.cio(), () -> {
            ledger.commit(UUID.fromString(line), new BigDecimal("40000"), new SourceDocument("test", Ids.newId().toString()), null, "Order");
            ledger.recordActual(UUID.fromString(line), new BigDecimal("65000"), LocalDate.of(year, 1, 15),
                    new SourceDocument("test", Ids.newId().toString()), null, "Invoice");
            return null;
        });

        Document page = page(org.cio(), "/o/" + org.slug() + "/vendor-spend?fiscalYear=" + year);
        assertThat(page.select("table.spend tbody tr td:first-child").eachText()).containsExactly("Small Consulting", "Big Software Corp");
        assertThat(page.select("table.spend tbody tr").first().text()).contains("10,000", "60,000", "40,000", "65,000", "105,000");
        assertThat(page.select("table.spend tbody tr").last().text()).contains("90,000");
        assertThat(page.text()).doesNotContain("Idle Vendor");
        assertThat(page.select("svg title").first().text()).isEqualTo("Top 2 vendors by spend, fiscal year " + year);
        assertThat(page.select("svg rect")).isNotEmpty();
        assertThat(page(org.cio(), "/o/" + org.slug() + "/vendor-spend?fiscalYear=" + year + "&sort=name")
                .select("table.spend tbody tr td:first-child").eachText()).containsExactly("Big Software Corp", "Small Consulting");
        assertThat(page(org.cio(), "/o/" + org.slug() + "/vendor-spend?fiscalYear=" + year + "&category=SOFTWARE")
                .select("table.spend tbody tr")).hasSize(1);

        // Without the budget's permission, only contract values count.
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Document limited = page(staff, "/o/" + org.slug() + "/vendor-spend?fiscalYear=" + year);
        assertThat(limited.select("table.spend tbody tr td:first-child").eachText()).containsExactly("Big Software Corp", "Small Consulting");
        assertThat(limited.text()).contains("does not read the budget").doesNotContain("65,000");
        mvc.perform(Api.as(org.cio(), get(apiBase + "/vendor-spend").param("fiscalYear", String.valueOf(year))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].actual").value(65000))
                .andExpect(jsonPath("$.total.contractValue").value(100000));
        as(org.cio(), get("/o/" + org.slug() + "/vendor-spend?sort=colour")).andExpect(status().isBadRequest());
    }

    @Test
    void theImportPageListsEveryProblemAndImportsNothingUntilTheFileIsRight() throws Exception {
        Org org = fixtures.organization();
        String importPath = "/o/" + org.slug() + "/vendors/import";
        assertThat(page(org.cio(), importPath).select("p.columns").first().text()).startsWith("legal_name, trading_name, category");
        String bad = "legal_name,category,risk_tier\nGood Ltd,SAAS,LOW\nBad Ltd,FURNITURE,LOW\nWorse Ltd,SAAS,EXTREME\n";
        Document refused = Jsoup.parse(mvc.perform(multipart(importPath).file(csv(bad)).param("kind", "vendors")
                        .with(user(org.cio().principal())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".import-report tbody tr")).hasSize(2);
        assertThat(refused.select(".import-report tbody tr").first().text()).contains("3", "category", "must be one of");
        assertThat(page(org.cio(), "/o/" + org.slug() + "/vendors").select("table.vendors")).isEmpty();

        mvc.perform(multipart(importPath).file(csv("legal_name,category\nGood Ltd,SAAS\n")).param("kind", "vendors")
                        .with(user(org.cio().principal())).with(csrf()))
                .andExpect(redirectedUrl("/o/" + org.slug() + "/vendors"))
                .andExpect(flash().attribute("flashKey", "vendors.import.vendorsDone"));
        Document missing = Jsoup.parse(mvc.perform(multipart(importPath).param("kind", "contacts").with(user(org.cio().principal())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(missing.select(".error").text()).contains("file is required");
        String export = mvc.perform(get("/o/" + org.slug() + "/vendors/export.csv").with(user(org.cio().principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains("Good Ltd,,SAAS");
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "vendors.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A contract row as the contracts keep it, written directly so that a test can give any status and dates. */
    private UUID contract(Org org, UUID vendor, String title, String status, LocalDate end, long annual) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate start = end == null ? LocalDate.now().minusYears(1) : end.minusYears(1).plusDays(1);
        jdbc.sql("insert into contracts (id, org_id, vendor_id, title, contract_type, start_date, end_date, notice_deadline, total_value, "
                        + "annual_value, currency, billing_frequency, status, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, 'SAAS_SUBSCRIPTION', ?, ?, ?, ?, ?, 'EUR', 'ANNUALLY', ?, ?, ?, 0)")
                .params(id, org.id(), vendor, title, start, end, end == null ? null : end.minusDays(10), BigDecimal.valueOf(annual),
                        BigDecimal.valueOf(annual), status, now, now)
                .update();
        return id;
    }

    private ResultActions as(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }

    private Document page(Person person, String path) throws Exception {
        String html = as(person, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}

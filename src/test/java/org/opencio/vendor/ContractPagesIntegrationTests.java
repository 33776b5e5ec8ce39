package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The contract and renewal pages as people use them: forms, transitions, documents, import, the calendar views. */
@IntegrationTest
class ContractPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aContractIsAddedActivatedRenewedAndTerminatedFromItsPages() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Blue Yonder AG", "Blue Yonder");
        String base = "/o/" + org.slug() + "/contracts";

        Document form = page(org.cio(), base + "/new");
        assertThat(form.select("#f-vendorId option").eachText()).contains("Blue Yonder");
        String location = as(org.cio(), post(base).param("vendorId", vendor.toString()).param("title", "Warehouse system, SaaS")
                        .param("type", "SAAS_SUBSCRIPTION").param("startDate", "2027-06-01").param("endDate", "2028-05-31")
                        .param("autoRenew", "true").param("renewalTermMonths", "12").param("noticeAmount", "3").param("noticeUnit", "MONTHS")
                        .param("totalValue", "48,000.00").param("currency", "EUR").param("billingFrequency", "ANNUALLY")
                        .param("slaTerms", "99.5 % availability"))
                .andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        Document page = page(org.cio(), location);
        assertThat(page.select("h1").text()).isEqualTo("Warehouse system, SaaS");
        assertThat(page.select(".budget-status .badge.contract-draft").text()).isEqualTo("Draft");
        assertThat(page.select("dl.facts").text()).contains("29 Feb 2028").contains("1 Jun 2028").contains("3 months");
        assertThat(page.select("dl.budget-figures").text()).contains("€48,000");
        assertThat(page.select("#h-activate")).hasSize(1);
        String version = page.select("form[action$=/activate] input[name=version]").val();

        as(org.cio(), post(location + "/activate").param("version", version)).andExpect(redirectedUrl(location));
        page = page(org.cio(), location);
        assertThat(page.select(".budget-status .badge").first().text()).isIn("Active", "Expiring");
        // Dates are locked now; the edit form shows them read-only and keeps them.
        Document edit = page(org.cio(), location + "/edit");
        assertThat(edit.select("#f-endDate").hasAttr("disabled")).isTrue();
        assertThat(edit.select("#f-title").hasAttr("disabled")).isFalse();
        as(org.cio(), post(location).param("version", edit.select("input[name=version]").val()).param("title", "Warehouse system")
                        .param("type", "SAAS_SUBSCRIPTION").param("ownerId", "").param("noticeAmount", "3").param("noticeUnit", "MONTHS")
                        .param("billingFrequency", "ANNUALLY").param("slaTerms", "99.5 % availability"))
                .andExpect(redirectedUrl(location));
        assertThat(page(org.cio(), location).select("h1").text()).isEqualTo("Warehouse system");

        Document renew = page(org.cio(), location + "/renew");
        assertThat(renew.select("#f-startDate").val()).isEqualTo("2028-06-01");
        assertThat(renew.select("#f-endDate").val()).isEqualTo("2029-05-31");
        String next = as(org.cio(), post(location + "/renew").param("startDate", "2028-06-01").param("endDate", "2029-05-31")
                        .param("totalValue", "50400").param("currency", "EUR").param("autoRenew", "true").param("renewalTermMonths", "12")
                        .param("noticeAmount", "3").param("noticeUnit", "MONTHS").param("billingFrequency", "ANNUALLY").param("reason", "New prices"))
                .andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        Document nextPage = page(org.cio(), next);
        // A rise is signed, so it does not read as a saving.
        assertThat(nextPage.select("dl.budget-figures").text()).contains("+€2,400").contains("+5.0 % against €48,000 a year");
        assertThat(nextPage.select("table.terms tbody tr")).hasSize(2);
        assertThat(nextPage.select("table.terms tbody tr").last().select("td").last().text()).isEqualTo("+€2,400 (+5.0 %)");
        assertThat(page(org.cio(), location).select(".badge.contract-renewed")).isNotEmpty();

        as(org.cio(), post(next + "/terminate").param("reason", "")).andExpect(status().isOk());
        as(org.cio(), post(next + "/terminate").param("reason", "Moving to another system").param("effectiveDate", "2029-05-31"))
                .andExpect(redirectedUrl(next));
        assertThat(page(org.cio(), next).text()).contains("Terminated: the contract ends on 31 May 2029. Moving to another system");
    }

    @Test
    void aFormWithMistakesIsShownAgainWithEachErrorBesideItsField() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Coho Winery");
        String base = "/o/" + org.slug() + "/contracts";
        Document form = Jsoup.parse(as(org.cio(), post(base).param("vendorId", vendor.toString()).param("title", "Wine club")
                        .param("type", "SERVICES").param("startDate", "2027-06-01").param("endDate", "2027-05-01")
                        .param("totalValue", "lots").param("currency", "EUR"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("#f-totalValue-note").text()).contains("not a number");
        assertThat(form.select("#f-title").val()).isEqualTo("Wine club");

        form = Jsoup.parse(as(org.cio(), post(base).param("vendorId", vendor.toString()).param("title", "Wine club")
                        .param("type", "SERVICES").param("startDate", "2027-06-01").param("endDate", "2027-05-01")
                        .param("totalValue", "100").param("currency", "EURO"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("#f-endDate-note").text()).contains("endDate must not be before startDate");
        assertThat(form.select("#f-currency-note").text()).contains("ISO 4217");
        assertThat(jdbc.sql("select count(*) from contracts where org_id = ?").param(org.id()).query(Long.class).single()).isZero();
    }

    @Test
    void documentsAreAttachedFromThePageAndAFileThatIsNoPdfIsRefusedThere() throws Exception {
        Org org = fixtures.organization();
        UUID id = contracts.contract(mvc, org, contracts.vendor(org, "Fourth Coffee"), "");
        String contract = "/o/" + org.slug() + "/contracts/" + id;
        as(org.cio(), multipart(contract + "/documents").file(new MockMultipartFile("file", "agreement.pdf", "application/pdf",
                        ContractDocumentIntegrationTests.PDF)))
                .andExpect(redirectedUrl(contract + "#documents"));
        Document page = Jsoup.parse(as(org.cio(), multipart(contract + "/documents").file(new MockMultipartFile("file", "photo.pdf",
                        "application/pdf", ContractDocumentIntegrationTests.PNG)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#f-file-note").text()).contains("not a PDF");
        assertThat(page.select("#documents table a").eachText()).containsExactly("agreement.pdf");

        String link = page.select("#documents table a").attr("href");
        as(org.cio(), get(link))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")));
        String remove = page.select("#documents form").attr("action");
        as(org.cio(), post(remove).param("version", "0")).andExpect(redirectedUrl(contract + "#documents"));
        assertThat(page(org.cio(), contract).select("#documents table")).isEmpty();
    }

    @Test
    void aContractThatEndsWithoutNoticeShowsHowFarItsEndIsInTheListsAndOnItsVendor() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Wide World Printing");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        UUID id = contracts.contract(mvc, org, vendor, "\"title\":\"Print service\",\"startDate\":\"%s\",\"endDate\":\"%s\""
                .formatted(today.minusMonths(11), today.plusDays(40)));
        contracts.activate(mvc, org, id);

        var row = page(org.cio(), "/o/" + org.slug() + "/contracts").select("table.contracts tbody tr:has(a[href$=" + id + "])");
        assertThat(row.select(".badge.contract-expiring")).isNotEmpty();
        assertThat(row.select("td").get(3).text()).contains("in 40 days");
        assertThat(row.select("td").get(4).text()).isEqualTo("—");

        var onVendor = page(org.cio(), "/o/" + org.slug() + "/vendors/" + vendor).select("#contracts tbody tr");
        assertThat(onVendor.select(".badge.contract-expiring").text()).isEqualTo("Expiring");
        assertThat(onVendor.select("td").get(4).text()).isEqualTo("—");
    }

    @Test
    void theRenewalCalendarListsUpcomingDatesAndShowsThemInTheMonth() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Graphic Design Institute");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate end = today.plusDays(50);
        UUID id = contracts.contract(mvc, org, vendor, "\"title\":\"Design suite\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"autoRenew\":true,"
                .formatted(today.minusMonths(6), end) + "\"noticeAmount\":20,\"noticeUnit\":\"DAYS\"");
        contracts.activate(mvc, org, id);

        Document upcoming = page(org.cio(), "/o/" + org.slug() + "/renewals?days=60");
        assertThat(upcoming.select("table.events tbody tr")).hasSize(2);
        assertThat(upcoming.select("table.events tbody tr").first().text()).contains("Notice deadline").contains("Design suite").contains("in 30 days");
        assertThat(page(org.cio(), "/o/" + org.slug() + "/renewals?days=30").select("table.events tbody tr")).hasSize(1);
        assertThat(page(org.cio(), "/o/" + org.slug() + "/renewals?days=60&kind=RENEWAL").select("table.events tbody tr").text()).contains("Renewal");

        LocalDate deadline = end.minusDays(20);
        Document month = page(org.cio(), "/o/" + org.slug() + "/renewals/month?month=" + YearMonth.from(deadline));
        var cell = month.select("table.calendar td:has(time[datetime=" + deadline + "])");
        assertThat(cell.select("ul.day-events a").text()).contains("Design suite");
        assertThat(month.select("a[rel=next]").attr("href")).contains("month=" + YearMonth.from(deadline).plusMonths(1));
        as(org.cio(), get("/o/" + org.slug() + "/renewals/month?month=2027-13")).andExpect(status().isBadRequest());
        as(org.cio(), get("/o/" + org.slug() + "/renewals?days=45")).andExpect(status().isBadRequest());
    }

    @Test
    void remindersAreSetAndTheFeedIsTurnedOnShownOnceAndTurnedOff() throws Exception {
        Org org = fixtures.organization();
        String settings = "/o/" + org.slug() + "/renewals/settings";
        Document page = page(org.cio(), settings);
        assertThat(page.select("#f-reminderDays").val()).isEqualTo("90, 60, 30");
        as(org.cio(), post(settings).param("version", "0").param("reminderDays", "120, 30 7").param("expiringWindowDays", "60"))
                .andExpect(redirectedUrl(settings));
        assertThat(page(org.cio(), settings).select("#f-reminderDays").val()).isEqualTo("120, 30, 7");
        Document bad = Jsoup.parse(as(org.cio(), post(settings).param("version", "1").param("reminderDays", "soon").param("expiringWindowDays", "60"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#f-reminderDays-note").text()).contains("whole numbers");

        Document created = Jsoup.parse(as(org.cio(), post(settings + "/feed")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String url = created.select("#feed-url").val();
        assertThat(url).matches("http://localhost:8080/calendar/ocal_[A-Za-z0-9_-]+\\.ics");
        String path = url.substring("http://localhost:8080".length());
        mvc.perform(get(path)).andExpect(status().isOk());
        assertThat(page(org.cio(), settings).select("#feed-url")).isEmpty();
        as(org.cio(), post(settings + "/feed/revoke")).andExpect(redirectedUrl(settings));
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void aCsvWithBadRowsIsRefusedWithATableOfProblemsAndAGoodOneIsImported() throws Exception {
        Org org = fixtures.organization();
        contracts.vendor(org, "Lucerne Publishing");
        String importPage = "/o/" + org.slug() + "/contracts/import";
        assertThat(page(org.cio(), importPage).select("table.columns").text()).contains("notice_unit").contains("DAYS or MONTHS");
        String bad = "vendor,title,type,start_date,end_date,total_value,currency\n"
                + "Lucerne Publishing,Books,SERVICES,2027-01-01,2027-12-31,1000,EUR\n"
                + "Nobody Ltd,Paper,SERVICES,2027-01-01,2026-12-31,1000,EUR\n";
        Document refused = Jsoup.parse(as(org.cio(), multipart(importPage).file(new MockMultipartFile("file", "c.csv", "text/csv",
                        bad.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("table.row-errors tbody tr").eachText())
                .anySatisfy(t -> assertThat(t).contains("3").contains("vendor").contains("Nobody Ltd"))
                .anySatisfy(t -> assertThat(t).contains("3").contains("end_date"));
        assertThat(jdbc.sql("select count(*) from contracts where org_id = ?").param(org.id()).query(Long.class).single()).isZero();

        String good = "vendor,title,type,start_date,end_date,total_value,currency\nLucerne Publishing,Books,SERVICES,2027-01-01,2027-12-31,1000,EUR\n";
        as(org.cio(), multipart(importPage).file(new MockMultipartFile("file", "c.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))))
                .andExpect(redirectedUrl("/o/" + org.slug() + "/contracts"));
        assertThat(page(org.cio(), "/o/" + org.slug() + "/contracts").select("table.contracts tbody tr").text()).contains("Books");
    }

    @Test
    void peopleWhoMayOnlyReadSeeNoActions() throws Exception {
        Org org = fixtures.organization();
        UUID id = contracts.contract(mvc, org, contracts.vendor(org, "Trey Research"), "");
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Document list = page(staff, "/o/" + org.slug() + "/contracts");
        assertThat(list.select(".page-actions").text()).doesNotContain("New contract");
        Document contract = page(staff, "/o/" + org.slug() + "/contracts/" + id);
        assertThat(contract.select("#h-activate")).isEmpty();
        assertThat(contract.select("form.doc-upload")).isEmpty();
        as(staff, post("/o/" + org.slug() + "/contracts/" + id + "/activate")).andExpect(status().isForbidden());
        as(fixtures.member(org, Role.EMPLOYEE), get("/o/" + org.slug() + "/contracts")).andExpect(status().isForbidden());
        assertThat(page(org.cio(), "/o/" + org.slug() + "/contracts").select("nav.sidenav").text()).contains("Contracts").contains("Renewals");
    }

    private <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> ResultActions as(Person person, B request)
            throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }

    private Document page(Person person, String path) throws Exception {
        String html = as(person, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}

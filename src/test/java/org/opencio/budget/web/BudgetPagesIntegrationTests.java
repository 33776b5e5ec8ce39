package org.opencio.budget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.hamcrest.Matchers;
import org.opencio.platform.export.XlsxCheck;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.CreateBudget;
import org.opencio.budget.SaveBudgetLine;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetStatus;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.GridFilter;
import org.opencio.budget.RevisionManagement;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The budget pages as people use them: forms, role-dependent actions, revisions, the grid and its views. */
@IntegrationTest
class BudgetPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetManagement budgets;

    @Autowired
    RevisionManagement revisions;

    @Autowired
    CostCategoryManagement categories;

    @Test
    void theCioCreatesABudgetAndAddsLinesSplitEquallyOrPastedFromASpreadsheet() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets";
        as(org.cio(), post(base).param("fiscalYear", "2031").param("name", "").param("warnPercent", "85"))
                .andExpect(redirectedUrl(base + "/2031"));
        Document page = page(org.cio(), base + "/2031");
        assertThat(page.select("h1").text()).isEqualTo("IT budget FY2031");
        assertThat(page.text()).contains("This draft has no lines yet");

        // en-GB: grouping commas, a decimal point.
        as(org.cio(), post(base + "/2031/lines").param("code", "EUS-01").param("description", "Laptops")
                        .param("expenseType", "CAPEX").param("policy", "WARN").param("forecastMethod", "REMAINING_PLAN")
                        .param("phasing", "EQUAL").param("amount", "1,200.00"))
                .andExpect(redirectedUrlPattern(base + "/2031/lines/*"));
        as(org.cio(), post(base + "/2031/lines").param("code", "CLD-01").param("description", "Cloud hosting")
                        .param("phasing", "PASTE").param("paste", "100\t200\t300\t400\t500\t600\t700\t800\t900\t1,000\t1,100\t1,200.50\t"))
                .andExpect(redirectedUrlPattern(base + "/2031/lines/*"));
        as(org.cio(), post(base + "/2031/lines").param("code", "NET-01").param("description", "Network")
                        .param("phasing", "MONTHS").param("months", "10", "", "", "", "", "", "", "", "", "", "", "20.5"))
                .andExpect(redirectedUrlPattern(base + "/2031/lines/*"));

        List<BudgetLineView> lines = fixtures.as(org.cio(), () -> budgets.grid(2031, GridFilter.none()));
        BudgetLineView laptops = line(lines, "EUS-01");
        assertThat(laptops.plan()).isEqualByComparingTo("1200");
        assertThat(laptops.planByMonth()).allSatisfy(m -> assertThat(m).isEqualByComparingTo("100"));
        BudgetLineView cloud = line(lines, "CLD-01");
        assertThat(cloud.planByMonth().get(0)).isEqualByComparingTo("100");
        assertThat(cloud.planByMonth().get(11)).isEqualByComparingTo("1200.50");
        assertThat(cloud.plan()).isEqualByComparingTo("7800.50");
        BudgetLineView network = line(lines, "NET-01");
        assertThat(network.plan()).isEqualByComparingTo("30.50");
        assertThat(network.planByMonth().get(1)).isEqualByComparingTo("0");
    }

    @Test
    void aPasteOfTheWrongLengthIsShownAgainWithItsErrorAndNothingIsSaved() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets";
        as(org.cio(), post(base).param("fiscalYear", "2032"));
        String pasted = "1000;1000;1000";
        Document form = Jsoup.parse(as(org.cio(), post(base + "/2032/lines").param("code", "X-1").param("description", "Short paste")
                        .param("phasing", "PASTE").param("paste", pasted))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("#f-paste-note").text()).contains("found 3 amounts");
        assertThat(form.select("#f-paste").text()).isEqualTo(pasted);
        assertThat(form.select("#f-code").val()).isEqualTo("X-1");
        assertThat(form.select("input[name=phasing][value=PASTE]").hasAttr("checked")).isTrue();
        assertThat(fixtures.as(org.cio(), () -> budgets.budget(2032)).lines()).isZero();

        Document bad = Jsoup.parse(as(org.cio(), post(base + "/2032/lines").param("code", "X-2").param("description", "Bad amount")
                        .param("phasing", "EQUAL").param("amount", "twelve"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#f-amount-note").text()).contains("not a number");
    }

    @Test
    void submitIsTheCiosAndApprovalTheExecutives() throws Exception {
        Org org = fixtures.organization();
        Person cfo = fixtures.member(org, Role.EXECUTIVE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String base = "/o/" + org.slug() + "/budgets/2033";
        draftWithLine(org, 2033, "SW-01", "1200");

        assertThat(page(cfo, base).select("form[action$=/approve]")).isEmpty();
        assertThat(page(org.cio(), base).select("form[action$=/submit]")).hasSize(1);
        assertThat(page(manager, base).select("form[action$=/submit]")).isEmpty();
        as(cfo, post(base + "/submit")).andExpect(status().isForbidden());
        as(org.cio(), post(base + "/submit").param("reason", "Ready")).andExpect(redirectedUrl(base));

        Document executive = page(cfo, base);
        assertThat(executive.select("form[action$=/approve]")).hasSize(1);
        assertThat(executive.select("button[formaction$=/return]")).hasSize(1);
        assertThat(page(org.cio(), base).select("form[action$=/approve]")).isEmpty();
        as(org.cio(), post(base + "/approve")).andExpect(status().isForbidden());

        // Sending back needs a reason: the page shows the error and the budget stays submitted.
        Document refused = Jsoup.parse(as(cfo, post(base + "/return").param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".error-summary").text()).contains("reason");
        assertThat(fixtures.as(cfo, () -> budgets.budget(2033)).status()).isEqualTo(BudgetStatus.SUBMITTED);

        as(cfo, post(base + "/return").param("reason", "Split the licences by vendor")).andExpect(redirectedUrl(base));
        assertThat(fixtures.as(cfo, () -> budgets.budget(2033)).status()).isEqualTo(BudgetStatus.DRAFT);
        as(org.cio(), post(base + "/submit")).andExpect(redirectedUrl(base));
        as(cfo, post(base + "/approve").param("reason", "Agreed")).andExpect(redirectedUrl(base));
        assertThat(fixtures.as(cfo, () -> budgets.budget(2033)).status()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(page(org.cio(), base).select(".badge.budget-approved").text()).isEqualTo("Approved");

        // Approved: the plan is locked on the line form, other fields still change.
        UUID line = lineId(org, 2033, "SW-01");
        Document edit = page(org.cio(), base + "/lines/" + line + "/edit");
        assertThat(edit.select("input[name=phasing]")).isEmpty();
        long version = fixtures.as(org.cio(), () -> budgets.line(line)).version();
        as(org.cio(), post(base + "/lines/" + line).param("version", String.valueOf(version)).param("description", "Software, renamed")
                        .param("phasing", "EQUAL").param("amount", "999999"))
                .andExpect(redirectedUrl(base + "/lines/" + line));
        BudgetLineView saved = fixtures.as(org.cio(), () -> budgets.line(line));
        assertThat(saved.description()).isEqualTo("Software, renamed");
        assertThat(saved.plan()).isEqualByComparingTo("1200");
    }

    @Test
    void aRevisionIsProposedByTheCioAndApprovedByAnExecutiveKeepingTheOriginalPlanVisible() throws Exception {
        Org org = fixtures.organization();
        Person cfo = fixtures.member(org, Role.EXECUTIVE);
        String base = "/o/" + org.slug() + "/budgets/2034";
        draftWithLine(org, 2034, "FROM-1", "12000");
        fixtures.as(org.cio(), () -> budgets.addLine(2034, new SaveBudgetLine("TO-1", "Security", null, null, null,
                null, null, null, null, null, new BigDecimal("6000"), null)));
        fixtures.as(org.cio(), () -> budgets.submit(2034, null));
        fixtures.as(cfo, () -> budgets.approve(2034, null));
        UUID from = lineId(org, 2034, "FROM-1");
        UUID to = lineId(org, 2034, "TO-1");

        assertThat(page(cfo, base + "/revisions").select("form[action$=/revisions]")).isEmpty();
        as(org.cio(), post(base + "/revisions").param("fromLineId", from.toString()).param("toLineId", to.toString())
                        .param("amount", "1,200").param("fromMonth", "7").param("reason", ""))
                .andExpect(status().isOk());
        as(org.cio(), post(base + "/revisions").param("fromLineId", from.toString()).param("toLineId", to.toString())
                        .param("amount", "1,200").param("fromMonth", "7").param("reason", "More endpoints to protect"))
                .andExpect(redirectedUrl(base + "/revisions"));
        UUID revision = fixtures.as(org.cio(), () -> revisions.list(2034)).getFirst().id();

        Document forExecutive = page(cfo, base + "/revisions");
        assertThat(forExecutive.select("form[action$=" + revision + "/approve]")).hasSize(1);
        assertThat(page(org.cio(), base + "/revisions").select("form[action$=" + revision + "/approve]")).isEmpty();
        as(org.cio(), post(base + "/revisions/" + revision + "/approve")).andExpect(status().isForbidden());
        as(cfo, post(base + "/revisions/" + revision + "/approve").param("reason", "Agreed"))
                .andExpect(redirectedUrl(base + "/revisions"));

        BudgetLineView target = fixtures.as(org.cio(), () -> budgets.line(to));
        assertThat(target.originalPlan()).isEqualByComparingTo("6000");
        assertThat(target.plan()).isEqualByComparingTo("7200");
        assertThat(target.planByMonth().get(5)).isEqualByComparingTo("500");
        assertThat(target.planByMonth().get(6)).isEqualByComparingTo("700");
        Document linePage = page(org.cio(), base + "/lines/" + to);
        assertThat(linePage.select(".budget-figures").text()).contains("€6,000").contains("€7,200").contains("Revised by €1,200");
        assertThat(linePage.text()).contains("More endpoints to protect");
        // A revision of another budget year is not found under this one.
        as(cfo, post("/o/" + org.slug() + "/budgets/2099/revisions/" + revision + "/reject").param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theGridFiltersSortsAndLinksEveryMonthToItsMovements() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets/2035";
        draftWithLine(org, 2035, "A-1", "1200");
        CostCategoryView software = fixtures.as(org.cio(), () -> categories.list()).stream()
                .filter(c -> c.code().equals("P-SW")).findFirst().orElseThrow();
        fixtures.as(org.cio(), () -> budgets.addLine(2035, new SaveBudgetLine("B-2", "Licences", null, software.id(),
                null, ExpenseType.OPEX, null, null, null, null, new BigDecimal("24000"), null)));

        Document all = page(org.cio(), base + "?sort=-plan");
        assertThat(all.select("tbody tr .line-code").eachText()).containsExactly("B-2", "A-1");
        assertThat(all.select("th[aria-sort=descending]").text()).contains("Plan");
        assertThat(all.select("thead th.month")).hasSize(12);
        assertThat(all.select("tfoot td.num").first().text()).isEqualTo("25,200");

        Document filtered = page(org.cio(), base + "?categoryId=" + software.id());
        assertThat(filtered.select("tbody tr .line-code").eachText()).containsExactly("B-2");
        assertThat(page(org.cio(), base + "?expenseType=CAPEX").select("tbody tr .line-code")).isEmpty();
        Document badVendor = page(org.cio(), base + "?vendorId=not-a-vendor");
        assertThat(badVendor.select("#vendorId-note").text()).isNotBlank();

        // An actual in the first month is a link from the grid to the movements behind it.
        UUID line = lineId(org, 2035, "A-1");
        fixtures.as(org.cio(), () -> budgets.recordActual(line, new BigDecimal("80"), java.time.LocalDate.of(2035, 1, 10), "Cables"));
        Document drill = page(org.cio(), base + "/lines/" + line + "?stage=ACTUAL&month=1");
        assertThat(drill.select("table.movements tbody tr")).hasSize(1);
        assertThat(drill.select("table.movements").text()).contains("Cables").contains("€80");
        assertThat(page(org.cio(), base + "/lines/" + line + "?stage=COMMITTED").select("table.movements")).isEmpty();
    }

    @Test
    void aLongGridIsShownPageByPageWithTotalsOfEveryFilteredLineAndItsSortAndFiltersKept() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets/2039";
        fixtures.as(org.cio(), () -> budgets.create(new CreateBudget(2039, null, null)));
        // 130 lines: L-001 … L-130 with plans of 1,200 … 156,000 (line n plans n × 1,200); every tenth is CapEx.
        fixtures.as(org.cio(), () -> {
            for (int n = 1; n <= 130; n++) {
                budgets.addLine(2039, new SaveBudgetLine(String.format("L-%03d", n), "Line " + n, null, null, null,
                        n % 10 == 0 ? ExpenseType.CAPEX : ExpenseType.OPEX, null, null, null, null, new BigDecimal(n * 1200), null));
            }
            return null;
        });

        Document first = page(org.cio(), base);
        assertThat(first.select("tbody tr")).hasSize(100);
        assertThat(first.select("tbody tr .line-code").first().text()).isEqualTo("L-001");
        // The totals row adds up all 130 lines, not the 100 shown: 1,200 × (1 + … + 130).
        assertThat(first.select("tfoot th").text()).isEqualTo("Total of all 130 lines");
        assertThat(first.select("tfoot td.num").first().text()).isEqualTo("10,218,000");
        assertThat(first.select(".grid-pager .hint").text()).isEqualTo("Lines 1–100 of 130");
        assertThat(first.select(".grid-pager [aria-current=page]").text()).isEqualTo("1");

        // Sorted by plan, descending: the sort stays in the page links, and page 2 holds the 30 smallest lines.
        Document sorted = page(org.cio(), base + "?sort=-plan");
        String next = sorted.select(".grid-pager a[rel=next]").attr("href");
        assertThat(next).contains("sort=-plan").contains("page=2");
        Document second = page(org.cio(), next);
        assertThat(second.select("tbody tr")).hasSize(30);
        assertThat(second.select("tbody tr .line-code").first().text()).isEqualTo("L-030");
        assertThat(second.select("tbody tr .line-code").last().text()).isEqualTo("L-001");
        assertThat(second.select("tfoot td.num").first().text()).isEqualTo("10,218,000");
        // Changing the sort, the size or a filter starts again at the first page; the filter form keeps size and sort.
        assertThat(second.select("th[aria-sort=descending] a").attr("href")).doesNotContain("page=");
        assertThat(second.select(".segmented a").eachAttr("href")).allSatisfy(link -> assertThat(link).doesNotContain("page="));
        assertThat(second.select("form.grid-filters input[name=size]").val()).isEqualTo("100");
        assertThat(second.select("form.grid-filters input[name=sort]").val()).isEqualTo("-plan");

        // Fifty to a page: three pages; a page past the end shows the last one; a size not offered falls back to 100.
        Document small = page(org.cio(), base + "?size=50&page=3");
        assertThat(small.select("tbody tr")).hasSize(30);
        assertThat(small.select(".grid-pager .hint").text()).isEqualTo("Lines 101–130 of 130");
        assertThat(page(org.cio(), base + "?size=50&page=99").select(".grid-pager [aria-current=page]").text()).isEqualTo("3");
        assertThat(page(org.cio(), base + "?size=7&page=x").select("tbody tr")).hasSize(100);

        // Filtered: 13 CapEx lines fit on one page, with their own totals and no pager.
        Document capex = page(org.cio(), base + "?expenseType=CAPEX&size=50");
        assertThat(capex.select("tbody tr")).hasSize(13);
        assertThat(capex.select(".grid-pager")).isEmpty();
        assertThat(capex.select("tfoot th").text()).isEqualTo("Total");
        assertThat(capex.select("tfoot td.num").first().text()).isEqualTo("1,092,000");
        // Every row keeps its links: to the line, and from a month's actual to the movements behind it.
        assertThat(capex.select("tbody tr .line-code").first().attr("href")).startsWith(base + "/lines/");
    }

    @Test
    void varianceAndBurnAreDrawnAsAccessibleSvg() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets/2036";
        draftWithLine(org, 2036, "V-1", "1200");
        Document variance = page(org.cio(), base + "/variance");
        assertThat(variance.select("svg[role=img]")).hasSize(3);
        assertThat(variance.select("svg title").first().text()).startsWith("Plan, spend and forecast");
        assertThat(variance.select("table.variance")).hasSize(3);
        Document burn = page(org.cio(), base + "/burn");
        assertThat(burn.select("svg[role=img] desc").text()).contains("planned");
        assertThat(burn.select("table.burn-table tbody tr")).hasSize(12);
    }

    @Test
    void theExportsAreFilesWithTheGridsFigures() throws Exception {
        Org org = fixtures.organization();
        String base = "/o/" + org.slug() + "/budgets/2037";
        fixtures.as(org.cio(), () -> budgets.create(new CreateBudget(2037, null, null)));
        fixtures.as(org.cio(), () -> budgets.addLine(2037, new SaveBudgetLine("X-1", "=HYPERLINK(\"http://evil\",\"x\")",
                null, null, null, null, null, null, null, null, new BigDecimal("1200"), null)));
        String csv = as(org.cio(), get(base + "/export.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("budget-2037-" + org.slug() + ".csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").contains(",1200.00,").contains("\r\n");
        byte[] xlsx = as(org.cio(), get(base + "/export.xlsx")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(XlsxCheck.cells(xlsx)).contains("X-1", "1200.00");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        as(employee, get(base + "/export.csv")).andExpect(status().isForbidden());
    }

    @Test
    void costCategoriesAreAddedRenamedAndRetiredByTheCioOnly() throws Exception {
        Org org = fixtures.organization();
        Person auditor = fixtures.member(org, Role.AUDITOR);
        String base = "/o/" + org.slug() + "/cost-categories";
        Document list = page(org.cio(), base);
        assertThat(list.select("table.categories")).hasSize(2);
        assertThat(list.select("form.rename input[name=name]").eachAttr("value")).contains("Cloud services", "Security and compliance");
        assertThat(page(auditor, base).select("form.rename")).isEmpty();

        as(org.cio(), post(base).param("kind", "TOWER").param("code", "T-OT").param("name", "Operational technology"))
                .andExpect(redirectedUrl(base));
        CostCategoryView ot = fixtures.as(org.cio(), () -> categories.list()).stream()
                .filter(c -> c.code().equals("T-OT")).findFirst().orElseThrow();
        as(org.cio(), post(base + "/" + ot.id()).param("version", String.valueOf(ot.version())).param("name", "Plant systems"))
                .andExpect(redirectedUrl(base));
        as(auditor, post(base + "/" + ot.id() + "/retire")).andExpect(status().isForbidden());
        as(org.cio(), post(base + "/" + ot.id() + "/retire")).andExpect(redirectedUrl(base));
        CostCategoryView retired = fixtures.as(org.cio(), () -> categories.list()).stream()
                .filter(c -> c.id().equals(ot.id())).findFirst().orElseThrow();
        assertThat(retired.name()).isEqualTo("Plant systems");
        assertThat(retired.retired()).isTrue();
        Document duplicate = Jsoup.parse(as(org.cio(), post(base).param("kind", "POOL").param("code", "T-OT").param("name", "Again"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(duplicate.select(".error-summary").text()).contains("T-OT");
    }

    @Test
    void theBudgetEntryGoesToTheCurrentYearAndAnotherOrganizationsLineIsNotFound() throws Exception {
        Org org = fixtures.organization();
        int current = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        as(org.cio(), get("/o/" + org.slug() + "/budgets")).andExpect(status().isOk());
        fixtures.as(org.cio(), () -> budgets.create(new CreateBudget(current, null, null)));
        as(org.cio(), get("/o/" + org.slug() + "/budgets")).andExpect(redirectedUrl("/o/" + org.slug() + "/budgets/" + current));
        assertThat(page(org.cio(), "/o/" + org.slug() + "/budgets?all=true").select("tbody tr")).hasSize(1);

        Org other = fixtures.organization();
        draftWithLine(other, 2038, "O-1", "100");
        UUID foreign = lineId(other, 2038, "O-1");
        fixtures.as(org.cio(), () -> budgets.create(new CreateBudget(2038, null, null)));
        as(org.cio(), get("/o/" + org.slug() + "/budgets/2038/lines/" + foreign)).andExpect(status().isNotFound());
        as(org.cio(), get("/o/" + org.slug() + "/budgets/20x8")).andExpect(status().isNotFound());
    }

    // ---- helpers

    private void draftWithLine(Org org, int year, String code, String amount) {
        fixtures.as(org.cio(), () -> budgets.create(new CreateBudget(year, null, null)));
        fixtures.as(org.cio(), () -> budgets.addLine(year, new SaveBudgetLine(code, "Line " + code, null, null, null,
                null, null, null, null, null, new BigDecimal(amount), null)));
    }

    private UUID lineId(Org org, int year, String code) {
        return line(fixtures.as(org.cio(), () -> budgets.grid(year, GridFilter.none())), code).id();
    }

    private static BudgetLineView line(List<BudgetLineView> lines, String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    private ResultActions as(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }

    private Document page(Person person, String path) throws Exception {
        String html = as(person, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}

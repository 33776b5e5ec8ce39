package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Contract spend per fiscal year: every term that bound the organization counts its annual value for the days it runs
 * in the year — a renewal in the middle of the year splits the year between the two terms, a terminated contract counts
 * until the date it ends, drafts not at all — and earlier years keep the terms they had.
 */
@IntegrationTest
class VendorSpendIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Test
    void eachTermCountsForTheDaysItRunsInTheFiscalYear() throws Exception {
        Org org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug() + "/contracts";
        UUID renewing = contracts.vendor(org, "Renewing Vendor");
        UUID terminating = contracts.vendor(org, "Terminating Vendor");
        UUID openEnded = contracts.vendor(org, "Open-ended Vendor");
        UUID drafted = contracts.vendor(org, "Drafted Vendor");

        // 1 Jul 2026 – 30 Jun 2027 at 12,000 a year, renewed from 1 Jul 2027 at 18,000.
        UUID first = contracts.contract(mvc, org, renewing, "\"startDate\":\"2026-07-01\",\"endDate\":\"2027-06-30\",\"totalValue\":12000");
        contracts.activate(mvc, org, first);
        mvc.perform(as(org.cio(), post(base + "/" + first + "/renew"), "{\"totalValue\":18000}")).andExpect(status().isCreated());
        // 2027 at 36,500, notice given to end on 31 Mar 2027 (90 days).
        UUID ended = contracts.contract(mvc, org, terminating, "\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":36500");
        contracts.activate(mvc, org, ended);
        mvc.perform(as(org.cio(), post(base + "/" + ended + "/terminate"), "{\"effectiveDate\":\"2027-03-31\",\"reason\":\"Moved to another supplier\"}"))
                .andExpect(status().isOk());
        // Open-ended from 1 Apr 2027 at 3,650 a year: 275 days of 2027.
        UUID running = contracts.contract(mvc, org, openEnded, "\"startDate\":\"2027-04-01\",\"totalValue\":3650");
        contracts.activate(mvc, org, running);
        contracts.contract(mvc, org, drafted, "\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":99000");

        Map<String, BigDecimal> fy2027 = contractValues(org, 2027);
        // 12,000 × 181/365 + 18,000 × 184/365 = 5,950.68 + 9,073.97
        assertThat(fy2027).containsOnly(
                Map.entry("Renewing Vendor", new BigDecimal("15024.65")),
                Map.entry("Terminating Vendor", new BigDecimal("9000.00")),
                Map.entry("Open-ended Vendor", new BigDecimal("2750.00")));
        // The first term's half of 2026 stays in 2026, though the term has been renewed since.
        assertThat(contractValues(org, 2026)).containsOnly(Map.entry("Renewing Vendor", new BigDecimal("6049.32")));
        // 2028 has 366 days: 18,000 × 182/366 of the renewed term; the open-ended contract runs the whole year.
        assertThat(contractValues(org, 2028)).containsOnly(
                Map.entry("Renewing Vendor", new BigDecimal("8950.82")),
                Map.entry("Open-ended Vendor", new BigDecimal("3650.00")));

        String json = mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendor-spend").param("fiscalYear", "2027")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(json, "$.total.contracts")).as("terms that ran in the year").isEqualTo(4);
    }

    @Test
    void theFiscalYearFollowsTheOrganizationsStartMonthAndALeapYearHas366Days() {
        // A year of April to March that holds 29 Feb 2028 has 366 days; a whole-year term counts its annual value.
        LocalDate starts = LocalDate.of(2027, 4, 1);
        LocalDate ends = LocalDate.of(2028, 3, 31);
        assertThat(VendorSpend.inYear(new BigDecimal("36600"), LocalDate.of(2026, 1, 1), null, starts, ends, "EUR")).isEqualByComparingTo("36600");
        assertThat(VendorSpend.inYear(new BigDecimal("36600"), LocalDate.of(2028, 3, 1), LocalDate.of(2029, 2, 28), starts, ends, "EUR"))
                .isEqualByComparingTo("3100.00");
        assertThat(VendorSpend.inYear(new BigDecimal("1000"), LocalDate.of(2028, 4, 1), null, starts, ends, "EUR")).isNull();
        assertThat(VendorSpend.inYear(new BigDecimal("1000"), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), starts, ends, "EUR")).isNull();
        assertThat(VendorSpend.inYear(new BigDecimal("100000"), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 1), starts, ends, "JPY"))
                .isEqualByComparingTo("273");
    }

    private Map<String, BigDecimal> contractValues(Org org, int year) throws Exception {
        String json = mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendor-spend").param("fiscalYear", String.valueOf(year))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(json, "$.rows");
        Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
        rows.forEach(r -> values.put((String) r.get("name"), new BigDecimal(String.valueOf(r.get("contractValue"))).setScale(2)));
        return values;
    }
}

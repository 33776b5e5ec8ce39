package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Contracts through the JSON API: the life of a term, the dates it carries, lists, and every kind of bad input. */
@IntegrationTest
class ContractApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    private static String base(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/contracts";
    }

    @Test
    void aContractIsDraftedActivatedRenewedWithItsPriceChangeAndTerminated() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Contoso Software GmbH", "Contoso");
        var created = mvc.perform(as(org.cio(), post(base(org)), """
                        {"vendorId":"%s","title":"ERP support","type":"SUPPORT_MAINTENANCE","reference":"C-1","startDate":"2027-06-01",
                         "endDate":"2028-05-31","autoRenew":true,"renewalTermMonths":12,"noticeAmount":3,"noticeUnit":"MONTHS",
                         "totalValue":24000,"currency":"EUR","billingFrequency":"QUARTERLY","slaTerms":"4h response, 99.9 %%"}
                        """.formatted(vendor)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.vendorName").value("Contoso"))
                // 3 months before 31 May 2028 is the leap day.
                .andExpect(jsonPath("$.noticeDeadline").value("2028-02-29"))
                .andExpect(jsonPath("$.nextRenewalDate").value("2028-06-01"))
                .andExpect(jsonPath("$.annualValue").value(24000.0))
                .andExpect(jsonPath("$.annualValueComputed").value(true))
                .andExpect(jsonPath("$.termNumber").value(1))
                .andExpect(jsonPath("$.priceChange").doesNotExist());
        String id = read(created, "$.id");
        assertThat(headerOf(created, "Location")).endsWith("/contracts/" + id);

        // A draft changes freely; If-Match is required and must be current.
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"title\":\"ERP support and hosting\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"title\":\"x\"}").header("If-Match", "\"7\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"title\":\"ERP support and hosting\",\"endDate\":\"2029-05-31\",\"reference\":null}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.title").value("ERP support and hosting"))
                .andExpect(jsonPath("$.reference").doesNotExist())
                .andExpect(jsonPath("$.slaTerms").value("4h response, 99.9 %"))
                .andExpect(jsonPath("$.noticeDeadline").value("2029-02-28"))
                .andExpect(jsonPath("$.annualValue").value(12000.0));

        mvc.perform(as(org.cio(), post(base(org) + "/" + id + "/activate"), "{\"reason\":\"Signed\"}").header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        // In force: the commercial terms stay, record keeping may be corrected.
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"endDate\":\"2030-05-31\"}").header("If-Match", "\"2\""))
                .andExpect(status().isConflict())
                .andExpect(namesField("endDate"));
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"reference\":\"C-1b\",\"noticeAmount\":60,\"noticeUnit\":\"DAYS\"}")
                        .header("If-Match", "\"2\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value("C-1b"))
                .andExpect(jsonPath("$.noticeDeadline").value("2029-04-01"));

        var renewed = mvc.perform(as(org.cio(), post(base(org) + "/" + id + "/renew"), "{\"reason\":\"New price list\",\"totalValue\":13200}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.termNumber").value(2))
                .andExpect(jsonPath("$.previousTermId").value(id))
                .andExpect(jsonPath("$.startDate").value("2029-06-01"))
                .andExpect(jsonPath("$.endDate").value("2030-05-31"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.priceChange.previousAnnualValue").value(12000.0))
                .andExpect(jsonPath("$.priceChange.amount").value(1200.0))
                .andExpect(jsonPath("$.priceChange.percent").value(10.0));
        String next = read(renewed, "$.id");
        mvc.perform(as(org.cio(), get(base(org) + "/" + id)))
                .andExpect(jsonPath("$.status").value("RENEWED"))
                .andExpect(jsonPath("$.nextTermId").value(next));
        mvc.perform(as(org.cio(), post(base(org) + "/" + id + "/renew"), "{}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), get(base(org) + "/" + next + "/terms")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[1].id").value(next));

        mvc.perform(as(org.cio(), post(base(org) + "/" + next + "/archive"), "{}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), post(base(org) + "/" + next + "/terminate"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("reason"));
        mvc.perform(as(org.cio(), post(base(org) + "/" + next + "/terminate"), "{\"reason\":\"Moving to SaaS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TERMINATED"))
                .andExpect(jsonPath("$.terminatedOn").value("2030-05-31"))
                .andExpect(jsonPath("$.terminationReason").value("Moving to SaaS"))
                .andExpect(jsonPath("$.nextRenewalDate").doesNotExist());
        mvc.perform(as(org.cio(), post(base(org) + "/" + next + "/archive"), "{\"reason\":\"Done\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));

        List<String> actions = jdbc.sql("select action from audit_events where org_id = ? and entity_type = 'Contract' order by seq")
                .param(org.id())
                .query(String.class)
                .list();
        assertThat(actions).containsSubsequence("contract.created", "contract.updated", "contract.activated", "contract.updated",
                "contract.renewed", "contract.created", "contract.terminated", "contract.archived");
    }

    @Test
    void aContractCloseToItsDeadlineIsExpiringAndOneWithoutRenewalEndsOnItsEndDate() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Fabrikam Ltd");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        UUID soon = contracts.contract(mvc, org, vendor, "\"startDate\":\"%s\",\"endDate\":\"%s\",\"autoRenew\":true,\"noticeAmount\":30,\"noticeUnit\":\"DAYS\""
                .formatted(today.minusMonths(11), today.plusDays(40)));
        UUID later = contracts.contract(mvc, org, vendor, "\"startDate\":\"%s\",\"endDate\":\"%s\"".formatted(today, today.plusYears(2)));
        contracts.activate(mvc, org, soon);
        contracts.activate(mvc, org, later);
        mvc.perform(as(org.cio(), get(base(org) + "/" + soon)))
                .andExpect(jsonPath("$.status").value("EXPIRING"))
                .andExpect(jsonPath("$.daysToNoticeDeadline").value(10));
        mvc.perform(as(org.cio(), get(base(org) + "/" + later)))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.noticeDeadline").doesNotExist())
                .andExpect(jsonPath("$.nextRenewalDate").doesNotExist());
        mvc.perform(as(org.cio(), get(base(org)).param("expiringWithinDays", "30")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(soon.toString()));
    }

    @Test
    void listsFilterSortAndPage() throws Exception {
        Org org = fixtures.organization();
        UUID acme = contracts.vendor(org, "Acme Corporation");
        UUID globex = contracts.vendor(org, "Globex Inc.");
        contracts.contract(mvc, org, acme, "\"title\":\"Laptop lease\",\"type\":\"LEASE\",\"startDate\":\"2027-01-01\",\"endDate\":\"2029-12-31\",\"totalValue\":90000");
        contracts.contract(mvc, org, acme, "\"title\":\"Office 365\",\"type\":\"SAAS_SUBSCRIPTION\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":50000");
        contracts.contract(mvc, org, globex, "\"title\":\"Firewall support\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":8000");
        contracts.contract(mvc, org, globex, "\"title\":\"NDA\",\"type\":\"NDA\",\"startDate\":\"2027-01-01\",\"totalValue\":0");

        mvc.perform(as(org.cio(), get(base(org)).param("vendorId", acme.toString())))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(as(org.cio(), get(base(org)).param("type", "LEASE")))
                .andExpect(jsonPath("$.items[0].title").value("Laptop lease"));
        mvc.perform(as(org.cio(), get(base(org)).param("q", "globex")))
                .andExpect(jsonPath("$.items.length()").value(2));
        mvc.perform(as(org.cio(), get(base(org)).param("status", "ACTIVE")))
                .andExpect(jsonPath("$.items.length()").value(0));

        var first = mvc.perform(as(org.cio(), get(base(org)).param("sort", "-annualValue").param("limit", "2")))
                .andExpect(jsonPath("$.items[0].title").value("Office 365"))
                .andExpect(jsonPath("$.items[1].title").value("Laptop lease"));
        String cursor = read(first, "$.nextCursor");
        mvc.perform(as(org.cio(), get(base(org)).param("sort", "-annualValue").param("limit", "2").param("cursor", cursor)))
                .andExpect(jsonPath("$.items[0].title").value("Firewall support"))
                .andExpect(jsonPath("$.items[1].title").value("NDA"))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        var byVendor = mvc.perform(as(org.cio(), get(base(org)).param("sort", "vendor").param("limit", "3")));
        mvc.perform(as(org.cio(), get(base(org)).param("sort", "vendor").param("limit", "3").param("cursor", (String) read(byVendor, "$.nextCursor"))))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(as(org.cio(), get(base(org)).param("sort", "price"))).andExpect(status().isBadRequest()).andExpect(namesField("sort"));
        mvc.perform(as(org.cio(), get(base(org)).param("status", "OPEN"))).andExpect(status().isBadRequest());
    }

    @Test
    void badInputIsRefusedWithTheFieldsAtFaultAndNothingIsSaved() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Initech");
        UUID foreignVendor = contracts.vendor(other, "Umbrella");
        String ok = "\"vendorId\":\"" + vendor + "\",\"title\":\"T\",\"type\":\"SERVICES\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\","
                + "\"currency\":\"EUR\",\"totalValue\":100";
        long before = count(org);

        expect400(org, "{" + ok + ",\"endDate\":\"2026-12-31\"}", "endDate");
        expect400(org, "{" + ok + ",\"totalValue\":-5}", "totalValue");
        expect400(org, "{" + ok + ",\"annualValue\":-1}", "annualValue");
        expect400(org, "{" + ok + ",\"currency\":\"XYZ\"}", "currency");
        expect400(org, "{" + ok + ",\"currency\":\"eur\"}", "currency");
        expect400(org, "{" + ok + ",\"totalValue\":10.123}", "totalValue");
        expect400(org, "{" + ok + ",\"type\":\"CONSULTING\"}", "type");
        expect400(org, "{" + ok + ",\"noticeUnit\":\"WEEKS\",\"noticeAmount\":2}", "noticeUnit");
        expect400(org, "{" + ok + ",\"noticeAmount\":2}", "noticeUnit");
        expect400(org, "{" + ok + ",\"startDate\":\"31.12.2027\"}", "startDate");
        expect400(org, "{" + ok + ",\"colour\":\"red\"}", "colour");
        expect400(org, "{" + ok + ",\"vendorId\":\"" + foreignVendor + "\"}", "vendorId");
        expect400(org, "{" + ok + ",\"vendorId\":\"" + UUID.randomUUID() + "\"}", "vendorId");
        expect400(org, "{" + ok + ",\"ownerId\":\"" + other.cio().accountId() + "\"}", "ownerId");
        expect400(org, "{" + ok + ",\"autoRenew\":true,\"endDate\":null}", "endDate");
        expect400(org, "{" + ok + ",\"renewalTermMonths\":0}", "renewalTermMonths");
        expect400(org, "{" + ok + ",\"budgetLineId\":\"" + UUID.randomUUID() + "\"}", "budgetLineId");
        expect400(org, "{\"title\":\"\"}", "vendorId");
        mvc.perform(as(org.cio(), post(base(org)), "not json")).andExpect(status().isBadRequest()).andExpect(problem());
        assertThat(count(org)).isEqualTo(before);

        // The budget is kept in euros: a contract in dollars cannot go on its line.
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"EUR-1\",\"amount\":1000");
        expect400(org, "{" + ok + ",\"currency\":\"USD\",\"budgetLineId\":\"" + line + "\"}", "currency");
        UUID foreignLine = contracts.approvedBudgetLine(mvc, other, 2027, "\"code\":\"X-1\",\"amount\":1000");
        expect400(org, "{" + ok + ",\"budgetLineId\":\"" + foreignLine + "\"}", "budgetLineId");
        assertThat(count(org)).isEqualTo(before);

        // PATCH: the record is looked up first, then the body is read.
        UUID id = contracts.contract(mvc, org, vendor, "");
        mvc.perform(as(org.cio(), patch(base(org) + "/" + UUID.randomUUID()), "{\"colour\":1}").header("If-Match", "\"0\""))
                .andExpect(status().isNotFound());
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"colour\":1}").header("If-Match", "\"0\""))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("colour"));
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "[1]").header("If-Match", "\"0\"")).andExpect(status().isBadRequest());
        mvc.perform(as(org.cio(), patch(base(org) + "/" + id), "{\"totalValue\":\"lots\"}").header("If-Match", "\"0\""))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("totalValue"));
        mvc.perform(as(org.cio(), get(base(org) + "/not-an-id"))).andExpect(status().isNotFound());
    }

    @Test
    void rolesDecideWhoReadsAndWhoChanges() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Wayne Enterprises");
        UUID id = contracts.contract(mvc, org, vendor, "");
        var staff = fixtures.member(org, Role.IT_STAFF);
        var employee = fixtures.member(org, Role.EMPLOYEE);
        mvc.perform(as(staff, get(base(org) + "/" + id))).andExpect(status().isOk());
        mvc.perform(as(staff, post(base(org) + "/" + id + "/activate"), "{}")).andExpect(status().isForbidden());
        mvc.perform(as(employee, get(base(org)))).andExpect(status().isForbidden());
        mvc.perform(as(fixtures.member(org, Role.IT_MANAGER), post(base(org) + "/" + id + "/activate"), "{}")).andExpect(status().isOk());
    }

    private void expect400(Org org, String json, String field) throws Exception {
        mvc.perform(as(org.cio(), post(base(org)), json))
                .andExpect(status().isBadRequest())
                .andExpect(namesField(field));
    }

    private long count(Org org) {
        return jdbc.sql("select count(*) from contracts where org_id = ?").param(org.id()).query(Long.class).single();
    }

    private static String headerOf(org.springframework.test.web.servlet.ResultActions result, String name) {
        return result.andReturn().getResponse().getHeader(name);
    }
}

package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What happens to budget lines when the organization changes under them: departments archived, owners gone. */
@IntegrationTest
class BudgetOrganizationChangesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Test
    void anArchivedDepartmentStaysOnItsLines() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        String department = read(mvc.perform(as(org.cio(), post(api.base() + "/departments"), "{\"code\":\"NET\",\"name\":\"Network\"}"))
                        .andExpect(status().isCreated()),
                "$.id");
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"NET-01\",\"amount\":1000,\"departmentId\":\"" + department + "\"");

        mvc.perform(as(org.cio(), post(api.base() + "/departments/" + department + "/archive"), "{\"reason\":\"Merged into IT operations\"}"))
                .andExpect(status().isOk());

        mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line)))
                .andExpect(jsonPath("$.departmentId").value(department))
                .andExpect(jsonPath("$.departmentName").value("Network"));
        mvc.perform(as(org.cio(), get(api.base() + "/budgets/2026/lines").param("departmentId", department)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].departmentName").value("Network"));
        // Editing the line keeps its department.
        String version = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line),
                                "{\"description\":\"Switches\",\"departmentId\":\"" + department + "\",\"amount\":1100}")
                        .header("If-Match", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentId").value(department))
                .andExpect(jsonPath("$.plan").value(1100.00));
        // But no new line, and no other line, can be booked to it any more.
        mvc.perform(as(org.cio(), post(api.base() + "/budgets/2026/lines"),
                        "{\"code\":\"NET-02\",\"description\":\"Routers\",\"departmentId\":\"" + department + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("departmentId"));
        UUID other = api.line(2026, "\"code\":\"OTHER\",\"amount\":10");
        String otherVersion = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + other))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + other), "{\"description\":\"Other\",\"departmentId\":\"" + department + "\"}")
                        .header("If-Match", otherVersion))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("departmentId"));
    }

    @Test
    void aDeactivatedOwnerNoLongerReceivesAlerts() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"SEC-01\",\"policy\":\"WARN\",\"amount\":1000,\"ownerId\":\"" + owner.accountId() + "\"");
        api.approve(2026, executive);

        mvc.perform(as(org.cio(), post(api.base() + "/members/" + owner.membershipId() + "/deactivate"), "{\"reason\":\"Left the company\"}"))
                .andExpect(status().isOk());
        reserve(org, line, "850", "PR-1");

        assertThat(api.budgetNotices(org.cio())).containsExactly("budget.line-warning");
        // The line still names its owner.
        mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line)))
                .andExpect(jsonPath("$.ownerId").value(owner.accountId().toString()))
                .andExpect(jsonPath("$.ownerName").value(owner.name()));
        String version = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line),
                                "{\"description\":\"Firewalls\",\"policy\":\"WARN\",\"ownerId\":\"" + owner.accountId() + "\"}")
                        .header("If-Match", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownerId").value(owner.accountId().toString()));

        // Back in the organization, the owner finds nothing from the time away, and hears of the next crossing.
        mvc.perform(as(org.cio(), post(api.base() + "/members/" + owner.membershipId() + "/reactivate"))).andExpect(status().isOk());
        assertThat(api.budgetNotices(owner)).isEmpty();
        reserve(org, line, "200", "PR-2");
        assertThat(api.budgetNotices(owner)).containsExactly("budget.line-over");
        assertThat(api.budgetNotices(org.cio())).containsExactly("budget.line-over", "budget.line-warning");
    }

    private void reserve(OrgFixtures.Org org, UUID line, String amount, String document) {
        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal(amount), new SourceDocument("purchase-request", document), null));
    }
}

package org.opencio.procurement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Approval cycle time over real requests whose times are then set to known hours: medians and 90th percentiles per
 * request, step and approver, only decisions inside the period, and only for the roles that see every request.
 */
@IntegrationTest
class CycleTimeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void medianAndNinetiethPercentilePerRequestStepAndApprover() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(),
                "\"code\":\"CT\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person other = fixtures.member(org, Role.IT_MANAGER);
        Instant monday = Instant.parse("2030-03-04T08:00:00Z");

        decided(org, employee, manager, budgetLine, "approve", monday, Duration.ofHours(2));
        decided(org, employee, manager, budgetLine, "approve", monday.plus(Duration.ofDays(1)), Duration.ofHours(4));
        decided(org, employee, other, budgetLine, "reject", monday.plus(Duration.ofDays(2)), Duration.ofMinutes(10 * 60 + 30));
        // Decided after the period: not counted.
        decided(org, employee, manager, budgetLine, "approve", Instant.parse("2030-04-02T08:00:00Z"), Duration.ofHours(100));
        // Withdrawn: no decision, not counted.
        String withdrawn = draft(mvc, org, employee, body("Withdrawn", budgetLine, line("Cable", "1", "10", "EUR")));
        act(mvc, org, employee, withdrawn, "submit", "{}").andExpect(status().isOk());
        act(mvc, org, employee, withdrawn, "withdraw", "{}").andExpect(status().isOk());

        String api = path(org) + "/cycle-time";
        mvc.perform(as(org.cio(), get(api).param("from", "2030-03-01").param("to", "2030-03-31")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2030-03-01"))
                .andExpect(jsonPath("$.to").value("2030-03-31"))
                .andExpect(jsonPath("$.requests.count").value(3))
                .andExpect(jsonPath("$.requests.medianHours").value(4.0))
                .andExpect(jsonPath("$.requests.p90Hours").value(10.5))
                .andExpect(jsonPath("$.steps.length()").value(1))
                .andExpect(jsonPath("$.steps[0].name").value("IT manager"))
                .andExpect(jsonPath("$.steps[0].stat.count").value(3))
                .andExpect(jsonPath("$.approvers.length()").value(2))
                .andExpect(jsonPath("$.approvers[0].approverId").value(manager.accountId().toString()))
                .andExpect(jsonPath("$.approvers[0].stat.count").value(2))
                .andExpect(jsonPath("$.approvers[0].stat.medianHours").value(3.0))
                .andExpect(jsonPath("$.approvers[0].stat.p90Hours").value(4.0))
                .andExpect(jsonPath("$.approvers[1].stat.medianHours").value(10.5))
                // 1 March 2030 is a Friday: the weeks start on the Monday before, and the decisions fall in the week of 4 March.
                .andExpect(jsonPath("$.weeks[0].startsOn").value("2030-02-25"))
                .andExpect(jsonPath("$.weeks[1].startsOn").value("2030-03-04"))
                .andExpect(jsonPath("$.weeks[1].stat.count").value(3))
                .andExpect(jsonPath("$.weeks[2].stat.count").value(0));
        // A period with the late one only.
        mvc.perform(as(manager, get(api).param("from", "2030-04-01").param("to", "2030-04-30")))
                .andExpect(jsonPath("$.requests.count").value(1))
                .andExpect(jsonPath("$.requests.medianHours").value(100.0));
        // By default the last 90 days: none of the above.
        mvc.perform(as(org.cio(), get(api))).andExpect(status().isOk()).andExpect(jsonPath("$.requests.count").value(0));

        mvc.perform(as(org.cio(), get(api).param("from", "2030-04-01").param("to", "2030-03-01")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("from"));
        mvc.perform(as(org.cio(), get(api).param("from", "2020-01-01").param("to", "2030-03-01")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("to"));
        mvc.perform(as(employee, get(api))).andExpect(status().isForbidden());
        mvc.perform(as(fixtures.member(org, Role.AUDITOR), get(api))).andExpect(status().isOk());

        String page = "/o/" + org.slug() + "/purchase-requests/cycle-time";
        mvc.perform(get(page).param("from", "2030-03-01").param("to", "2030-03-31").with(user(org.cio().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("id=\"chart-cycle-steps-title\"")))
                .andExpect(content().string(containsString("id=\"chart-cycle-approvers-title\"")))
                .andExpect(content().string(containsString(manager.name())))
                .andExpect(content().string(containsString("10.5")));
        mvc.perform(get(page).param("from", "2030-04-01").param("to", "2030-03-01").with(user(org.cio().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("from must not be after to")));
        mvc.perform(get(page).with(user(employee.principal()))).andExpect(status().isForbidden());
        mvc.perform(get("/o/" + org.slug() + "/purchase-requests").with(user(employee.principal())))
                .andExpect(content().string(not(containsString("/purchase-requests/cycle-time"))));
    }

    /** A request submitted at {@code submitted} and decided by {@code approver} {@code took} later. */
    private void decided(Org org, Person requester, Person approver, UUID budgetLine, String action, Instant submitted, Duration took)
            throws Exception {
        String id = draft(mvc, org, requester, body(OrgFixtures.unique("Cycle"), budgetLine, line("Laptop", "1", "900", "EUR")));
        act(mvc, org, requester, id, "submit", "{}").andExpect(status().isOk());
        act(mvc, org, approver, id, action, "{\"comment\":\"Decided\"}").andExpect(status().isOk());
        UUID request = UUID.fromString(id);
        Timestamp start = Timestamp.from(submitted);
        Timestamp end = Timestamp.from(submitted.plus(took));
        jdbc.sql("update purchase_requests set submitted_at = ?, decided_at = ? where id = ?").params(start, end, request).update();
        jdbc.sql("update approval_steps set started_at = ?, decided_at = ? where request_id = ?").params(start, end, request).update();
        jdbc.sql("update approval_decisions set decided_at = ? where step_id in (select id from approval_steps where request_id = ?)")
                .params(end, request)
                .update();
    }
}

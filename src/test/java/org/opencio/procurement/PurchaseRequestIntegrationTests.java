package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.notices;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.procurement.PurchaseRequestCalls.reserved;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Purchase requests through the API: an employee drafts and submits, the amount is reserved on the budget line, the
 * approvers of each stage decide in turn, and rejecting, asking for changes or withdrawing gives the money back.
 */
@IntegrationTest
@RecordApplicationEvents
class PurchaseRequestIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void anEmployeesRequestIsReservedOnSubmitAndApprovedByTheItManager() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);

        var created = mvc.perform(as(employee, post(path(org)), body("Laptops", null, line("Laptop", "2", "450", "EUR"))))
                .andExpect(status().isCreated())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.number", matchesPattern("PR-\\d{4}-0001")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.total").value(900.0))
                .andExpect(jsonPath("$.lines[0].kind").value("GOODS"));
        String id = com.jayway.jsonpath.JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");

        // Submitting needs a budget line; the draft gets one by a PATCH that names only it.
        act(mvc, org, employee, id, "submit", "{}").andExpect(status().isBadRequest()).andExpect(namesField("budgetLineId"));
        mvc.perform(as(employee, patch(path(org) + "/" + id), "{\"budgetLineId\":\"" + budgetLine + "\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(as(employee, patch(path(org) + "/" + id).header("If-Match", "\"0\""), "{\"budgetLineId\":\"" + budgetLine + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Laptops"))
                .andExpect(jsonPath("$.budgetLineId").value(budgetLine.toString()));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");

        act(mvc, org, employee, id, "submit", "{\"reason\":\"New starters\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.totalBase").value(900.0))
                .andExpect(jsonPath("$.budgetCheck").value("OK"))
                .andExpect(jsonPath("$.round").value(1))
                .andExpect(jsonPath("$.policyVersion").value(0))
                .andExpect(jsonPath("$.steps.length()").value(1))
                .andExpect(jsonPath("$.waitingOn[0].name").value("IT manager"))
                .andExpect(jsonPath("$.waitingOn[0].approvers[*].id", hasItem(manager.accountId().toString())));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("900");
        assertThat(notices(jdbc, manager, "purchase-request.pending")).isEqualTo(1);
        assertThat(events.stream(PurchaseRequestSubmitted.class)).hasSize(1);

        // The manager's inbox has it; the requester's has nothing, and the requester cannot decide.
        mvc.perform(as(manager, get(path(org) + "/inbox")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].requestId", hasItem(id)))
                .andExpect(jsonPath("$.items[0].onBehalfOf").doesNotExist());
        mvc.perform(as(manager, get(path(org)).param("needsMyApproval", "true"))).andExpect(jsonPath("$.items[*].requestId", hasItem(id)));
        mvc.perform(as(employee, get(path(org) + "/inbox"))).andExpect(jsonPath("$.items.length()").value(0));
        act(mvc, org, employee, id, "approve", "{}").andExpect(status().isForbidden()).andExpect(problem());
        // A draft's fields no longer change once submitted.
        mvc.perform(as(employee, patch(path(org) + "/" + id).header("If-Match", "\"2\""), "{\"title\":\"Other\"}"))
                .andExpect(status().isConflict());

        act(mvc, org, manager, id, "approve", "{\"comment\":\"Fine\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].decisions[0].approverId").value(manager.accountId().toString()))
                .andExpect(jsonPath("$.steps[0].decisions[0].comment").value("Fine"))
                .andExpect(jsonPath("$.waitingOn.length()").value(0));
        // The reservation stays for the order; the requester hears of the outcome.
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("900");
        assertThat(notices(jdbc, employee, "purchase-request.approved")).isEqualTo(1);
        assertThat(events.stream(PurchaseRequestApproved.class)).hasSize(1);
        act(mvc, org, manager, id, "approve", "{}").andExpect(status().isConflict());
        mvc.perform(as(manager, get(path(org) + "/inbox"))).andExpect(jsonPath("$.items[*].requestId", not(hasItem(id))));
        assertThat(jdbc.sql("select count(*) from audit_events where org_id = ? and entity_id = ?").params(org.id(), id)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsSaved() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        UUID foreignLine = contracts.approvedBudgetLine(mvc, other, today.getYear(), "\"code\":\"X\",\"amount\":1000");
        UUID vendorA = contracts.vendor(org, "Vendor A");
        UUID vendorB = contracts.vendor(org, "Vendor B");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String json = "{\"title\":\"Bad\",\"budgetLineId\":\"" + foreignLine + "\",\"vendorId\":\"" + vendorA + "\",\"lines\":["
                + line("Zero", "0", "10", "EUR") + "," + line("Negative", "1", "-1", "EUR") + "," + line("Unknown money", "1", "10", "XYZ")
                + "," + line("Too dear", "1", "10000000000000", "EUR") + ","
                + "{\"description\":\"Other vendor\",\"quantity\":1,\"unitPrice\":5,\"vendorId\":\"" + vendorB + "\"}]}";
        mvc.perform(as(employee, post(path(org)), json))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("lines[0].quantity"))
                .andExpect(namesField("lines[1].unitPrice"))
                .andExpect(namesField("lines[2].currency"))
                .andExpect(namesField("lines[3].unitPrice"))
                .andExpect(namesField("budgetLineId"))
                .andExpect(namesField("vendorId"));
        mvc.perform(as(employee, post(path(org)), "{\"lines\":[]}")).andExpect(status().isBadRequest()).andExpect(namesField("title"));
        assertThat(jdbc.sql("select count(*) from purchase_requests where org_id = ?").param(org.id()).query(Long.class).single()).isZero();
        // An auditor reads but never writes.
        mvc.perform(as(fixtures.member(org, Role.AUDITOR), post(path(org)), body("Audit", null, line("A", "1", "1", "EUR"))))
                .andExpect(status().isForbidden());
        // A draft without lines cannot be submitted.
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"L\",\"amount\":1000");
        String id = draft(mvc, org, employee, body("Empty", budgetLine));
        act(mvc, org, employee, id, "submit", "{}").andExpect(status().isBadRequest()).andExpect(namesField("lines"));
    }

    @Test
    void stagesRunInOrderAndChangesOrARejectionGiveTheMoneyBack() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"SW\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        String id = draft(mvc, org, employee, body("Licences", budgetLine, line("Licence", "10", "500", "EUR")));
        act(mvc, org, employee, id, "submit", "{}")
                .andExpect(jsonPath("$.steps.length()").value(2))
                .andExpect(jsonPath("$.steps[1].status").value("WAITING"))
                .andExpect(jsonPath("$.waitingOn.length()").value(1));
        // The CIO's stage waits for the manager's.
        act(mvc, org, org.cio(), id, "approve", "{}").andExpect(status().isConflict());
        act(mvc, org, staff, id, "approve", "{}").andExpect(status().isForbidden());
        act(mvc, org, manager, id, "approve", "{}").andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.waitingOn[0].name").value("CIO"));

        act(mvc, org, org.cio(), id, "request-changes", "{}").andExpect(status().isBadRequest()).andExpect(namesField("comment"));
        act(mvc, org, org.cio(), id, "request-changes", "{\"comment\":\"Fewer, please\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.steps[1].status").value("CANCELLED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");
        assertThat(notices(jdbc, employee, "purchase-request.changes-requested")).isEqualTo(1);

        // Resubmitted, it starts a new round and reserves again.
        mvc.perform(as(employee, patch(path(org) + "/" + id).header("If-Match", "\"" + version(org, id) + "\""),
                "{\"lines\":[" + line("Licence", "6", "500", "EUR") + "]}")).andExpect(status().isOk());
        act(mvc, org, employee, id, "submit", "{}")
                .andExpect(jsonPath("$.round").value(2))
                .andExpect(jsonPath("$.steps.length()").value(4))
                .andExpect(jsonPath("$.waitingOn[0].round").value(2));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("3000");

        act(mvc, org, manager, id, "reject", "{}").andExpect(status().isBadRequest()).andExpect(namesField("comment"));
        act(mvc, org, manager, id, "reject", "{\"comment\":\"Not this year\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");
        assertThat(events.stream(PurchaseRequestRejected.class)).hasSize(1);
        assertThat(notices(jdbc, employee, "purchase-request.rejected")).isEqualTo(1);
    }

    @Test
    void foreignLinesAreConvertedAtTheRateOfTheDayAndWithoutARateTheSubmissionIsRefused() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"FX\",\"amount\":100000");
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/exchange-rates"),
                "{\"currency\":\"USD\",\"rate\":0.9,\"validFrom\":\"" + today.minusDays(10) + "\"}")).andExpect(status().isCreated());
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        fixtures.member(org, Role.IT_MANAGER);
        String id = draft(mvc, org, employee, body("Cables", budgetLine, line("Cable", "10", "10", "USD"), line("Dock", "1", "100", "EUR")));
        mvc.perform(as(employee, get(path(org) + "/" + id))).andExpect(jsonPath("$.total").doesNotExist());
        act(mvc, org, employee, id, "submit", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].rateToBase").value(0.9))
                .andExpect(jsonPath("$.lines[0].baseAmount").value(90.0))
                .andExpect(jsonPath("$.lines[1].baseAmount").value(100.0))
                .andExpect(jsonPath("$.totalBase").value(190.0))
                .andExpect(jsonPath("$.total").value(190.0));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("190");

        String pounds = draft(mvc, org, employee, body("Adapters", budgetLine, line("Adapter", "1", "10", "GBP")));
        act(mvc, org, employee, pounds, "submit", "{}").andExpect(status().isBadRequest()).andExpect(namesField("lines[0].currency"));
        mvc.perform(as(employee, get(path(org) + "/" + pounds))).andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("190");
    }

    @Test
    void aBlockingLineRefusesWhatWouldGoOverAndAnExtraApprovalLineAddsACioStep() throws Exception {
        Org org = fixtures.organization();
        UUID tight = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"TIGHT\",\"amount\":1000,\"policy\":\"BLOCK\"");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        fixtures.member(org, Role.IT_MANAGER);
        String id = draft(mvc, org, employee, body("Server", tight, line("Server", "1", "2000", "EUR")));
        act(mvc, org, employee, id, "submit", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:budget-exceeded"))
                .andExpect(jsonPath("$.check.status").value("OVER"))
                .andExpect(jsonPath("$.check.allowed").value(false));
        mvc.perform(as(employee, get(path(org) + "/" + id)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.steps.length()").value(0))
                .andExpect(jsonPath("$.lines[0].baseAmount").doesNotExist());
        assertThat(reserved(jdbc, tight)).isEqualByComparingTo("0");
        assertThat(notices(jdbc, employee, "purchase-request.pending")).isZero();
    }

    @Test
    void aWarningIsKeptOnTheRequestAndALineOverPlanThatAsksForMoreAddsAFinalCioStage() throws Exception {
        Org org = fixtures.organization();
        UUID warn = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"WARN\",\"amount\":1000,\"policy\":\"WARN\"");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        fixtures.member(org, Role.IT_MANAGER);
        String nearly = draft(mvc, org, employee, body("Nearly all", warn, line("Tablet", "1", "950", "EUR")));
        act(mvc, org, employee, nearly, "submit", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.budgetCheck").value("WARNING"))
                .andExpect(jsonPath("$.budgetAvailableAfter").value(50.0));

        Org second = fixtures.organization();
        UUID extra = contracts.approvedBudgetLine(mvc, second, today.getYear(), "\"code\":\"EXTRA\",\"amount\":1000,\"policy\":\"EXTRA_APPROVAL\"");
        Person requester = fixtures.member(second, Role.EMPLOYEE);
        fixtures.member(second, Role.IT_MANAGER);
        String over = draft(mvc, second, requester, body("Over plan", extra, line("Switch", "1", "1500", "EUR")));
        act(mvc, second, requester, over, "submit", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budgetCheck").value("OVER"))
                .andExpect(jsonPath("$.extraApprovalRequired").value(true))
                .andExpect(jsonPath("$.steps.length()").value(3))
                .andExpect(jsonPath("$.steps[2].stage").value(3))
                .andExpect(jsonPath("$.steps[2].budgetExtra").value(true))
                .andExpect(jsonPath("$.steps[2].approvers[0].id").value(second.cio().accountId().toString()));
        assertThat(reserved(jdbc, extra)).isEqualByComparingTo("1500");
    }

    @Test
    void aDelegateDecidesOnBehalfOfTheApproverAndTheRequesterWithdrawsAnother() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"D\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        mvc.perform(as(manager, post("/api/v1/orgs/" + org.slug() + "/approval-delegations"),
                "{\"delegateId\":\"" + staff.accountId() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
                .andExpect(status().isCreated());
        String id = draft(mvc, org, employee, body("Mouse", budgetLine, line("Mouse", "1", "30", "EUR")));
        act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
        mvc.perform(as(staff, get(path(org) + "/inbox")))
                .andExpect(jsonPath("$.items[0].requestId").value(id))
                .andExpect(jsonPath("$.items[0].onBehalfOf").value(manager.accountId().toString()));
        act(mvc, org, staff, id, "approve", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].decisions[0].approverId").value(staff.accountId().toString()))
                .andExpect(jsonPath("$.steps[0].decisions[0].onBehalfOf").value(manager.accountId().toString()));

        String other = draft(mvc, org, employee, body("Keyboard", budgetLine, line("Keyboard", "1", "70", "EUR")));
        act(mvc, org, employee, other, "submit", "{}").andExpect(status().isOk());
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("100");
        act(mvc, org, manager, other, "withdraw", "{}").andExpect(status().isForbidden());
        act(mvc, org, employee, other, "withdraw", "{\"reason\":\"Bought one myself\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.steps[0].status").value("CANCELLED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("30");
    }

    @Test
    void employeesSeeTheirOwnRequestsAndTheListFiltersAndPages() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person colleague = fixtures.member(org, Role.EMPLOYEE);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        String mine1 = draft(mvc, org, employee, body("One", null, line("A", "1", "1", "EUR")));
        String mine2 = draft(mvc, org, employee, body("Two", null, line("B", "1", "1", "EUR")));
        String theirs = draft(mvc, org, colleague, body("Three", null, line("C", "1", "1", "EUR")));

        mvc.perform(as(employee, get(path(org))))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(mine2));
        mvc.perform(as(employee, get(path(org) + "/" + theirs))).andExpect(status().isNotFound());
        mvc.perform(as(staff, get(path(org) + "/" + theirs))).andExpect(status().isOk());
        var first = mvc.perform(as(staff, get(path(org)).param("limit", "2"))).andExpect(jsonPath("$.items.length()").value(2));
        String cursor = com.jayway.jsonpath.JsonPath.read(first.andReturn().getResponse().getContentAsString(), "$.nextCursor");
        mvc.perform(as(staff, get(path(org)).param("limit", "2").param("cursor", cursor)))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine1));
        mvc.perform(as(staff, get(path(org)).param("requesterId", colleague.accountId().toString())))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(as(staff, get(path(org)).param("status", "SUBMITTED"))).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(as(staff, get(path(org)).param("mine", "true"))).andExpect(jsonPath("$.items.length()").value(0));
        // Someone else's draft is not theirs to change.
        mvc.perform(as(staff, patch(path(org) + "/" + theirs).header("If-Match", "\"0\""), "{\"title\":\"Mine now\"}"))
                .andExpect(status().isForbidden());
    }

    private long version(Org org, String id) throws Exception {
        String etag = mvc.perform(as(org.cio(), get(path(org) + "/" + id))).andReturn().getResponse().getHeader("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }
}

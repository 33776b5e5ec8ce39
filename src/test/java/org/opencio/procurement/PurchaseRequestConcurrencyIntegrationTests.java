package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.procurement.PurchaseRequestCalls.reserved;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Two approvers of the same "any one of us" step press approve at the same moment: the request row is locked while a
 * decision is taken, so exactly one decision is recorded and the other approver gets a 409 conflict. Requests submitted
 * at the same moment onto one blocking budget line reserve one after the other: those that fit are accepted, the
 * others refused with 409, none fails on a stale copy of the line.
 */
@IntegrationTest
class PurchaseRequestConcurrencyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoApproversOfOneAnyStepAtOnceGiveOneDecisionAndOneConflict() throws Exception {
        Org org = fixtures.organization();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"RACE\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person first = fixtures.member(org, Role.IT_MANAGER);
        Person second = fixtures.member(org, Role.IT_MANAGER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                String id = draft(mvc, org, employee, body("Race " + attempt, budgetLine, line("Phone", "1", "300", "EUR")));
                act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (Person approver : List.of(first, second)) {
                    Callable<Integer> approve = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return act(mvc, org, approver, id, "approve", "{}").andReturn().getResponse().getStatus();
                    };
                    answers.add(pool.submit(approve));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                long decisions = jdbc.sql("select count(*) from approval_decisions d join approval_steps s on s.id = d.step_id "
                                + "where s.request_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single();
                assertThat(decisions).isEqualTo(1);
                mvc.perform(as(employee, get(path(org) + "/" + id))).andExpect(jsonPath("$.status").value("APPROVED"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void submissionsAtOnceOntoOneBlockingLineReserveOneAfterTheOtherAndNeverOverPlan() throws Exception {
        Org org = fixtures.organization();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        // 1,200 a month: room for four requests of 3,000 in the year's 14,400, not for six.
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"FULL\",\"policy\":\"BLOCK\",\"amount\":14400");
        int requests = 6;
        List<Person> requesters = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Person employee = fixtures.member(org, Role.EMPLOYEE);
            requesters.add(employee);
            ids.add(draft(mvc, org, employee, body("Rush " + i, budgetLine, line("Laptop", "2", "1500", "EUR"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CyclicBarrier start = new CyclicBarrier(requests);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Person requester = requesters.get(i);
                String id = ids.get(i);
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return act(mvc, org, requester, id, "submit", "{}").andReturn().getResponse().getStatus();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 200, 200, 200, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("12000");
        BigDecimal movements = jdbc.sql("select sum(amount) from budget_movements where line_id = ? and stage = 'RESERVED'")
                .param(budgetLine)
                .query(BigDecimal.class)
                .single();
        assertThat(movements).isEqualByComparingTo("12000");
        long submitted = jdbc.sql("select count(*) from purchase_requests where budget_line_id = ? and status = 'SUBMITTED'")
                .param(budgetLine)
                .query(Long.class)
                .single();
        assertThat(submitted).isEqualTo(4);
    }
}

package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.procurement.PurchaseOrderIntegrationTests.orders;
import static org.opencio.procurement.PurchaseOrderIntegrationTests.withVendor;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * There is never a second purchase order for one request: not when two approvers of its last step approve at the same
 * moment (the order is placed by the approval), nor when two buyers place the order of an approved request at once.
 */
@IntegrationTest
class PurchaseOrderConcurrencyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void twoApproversAtOnceGiveOneOrder() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"RACE\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Race Vendor");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person first = fixtures.member(org, Role.IT_MANAGER);
        Person second = fixtures.member(org, Role.IT_MANAGER);
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = draft(mvc, org, employee, withVendor(body("Race " + attempt, budgetLine, line("Phone", "1", "300", "EUR")), vendor));
            act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
            List<Integer> statuses = atOnce(List.of(
                    () -> act(mvc, org, first, id, "approve", "{}").andReturn().getResponse().getStatus(),
                    () -> act(mvc, org, second, id, "approve", "{}").andReturn().getResponse().getStatus()));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(ordersOf(id)).isEqualTo(1);
        }
        assertThat(committed(budgetLine)).isEqualByComparingTo("900");
    }

    @Test
    void twoBuyersPlacingTheSameRequestAtOnceGiveOneOrder() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"RACE\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Race Vendor");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person buyer = fixtures.member(org, Role.IT_MANAGER);
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = draft(mvc, org, employee, body("Race " + attempt, budgetLine, line("Phone", "1", "300", "EUR")));
            act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
            act(mvc, org, manager, id, "approve", "{}").andExpect(status().isOk());
            String place = "{\"requestId\":\"" + id + "\",\"vendorId\":\"" + vendor + "\"}";
            List<Integer> statuses = atOnce(List.of(
                    () -> mvc.perform(as(manager, post(orders(org)), place)).andReturn().getResponse().getStatus(),
                    () -> mvc.perform(as(buyer, post(orders(org)), place)).andReturn().getResponse().getStatus()));
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(ordersOf(id)).isEqualTo(1);
        }
        assertThat(committed(budgetLine)).isEqualByComparingTo("900");
    }

    private static List<Integer> atOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier start = new CyclicBarrier(calls.size());
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long ordersOf(String request) {
        return jdbc.sql("select count(*) from purchase_orders where request_id = ?").param(UUID.fromString(request)).query(Long.class).single();
    }

    private BigDecimal committed(UUID line) {
        return jdbc.sql("select committed from budget_lines where id = ?").param(line).query(BigDecimal.class).single();
    }
}

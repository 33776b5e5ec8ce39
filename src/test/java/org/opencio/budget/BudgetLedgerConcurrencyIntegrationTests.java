package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Many requests against one line at the same moment, as purchase requests submitted together would send them. The
 * line lock must serialize them: a blocking line never ends over plan, a document never counts twice, and nobody gets
 * a deadlock or lock timeout instead of an answer. Runs on H2 and, in CI, on PostgreSQL.
 */
@IntegrationTest
class BudgetLedgerConcurrencyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    JdbcClient jdbc;

    /** What each concurrent call did: reserved, refused over plan, answered as a repeat, or failed otherwise. */
    enum Outcome {
        DONE,
        REPEATED,
        REFUSED
    }

    @Test
    void fiftyConcurrentReservationsNeverTakeABlockingLineOverPlan() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"BLOCK-1\",\"policy\":\"BLOCK\",\"amount\":1000");
        long auditBefore = lastAuditSeq(mvc, org);

        List<Outcome> outcomes = concurrently(50, i -> () -> fixtures.as(org.cio(), () -> {
            try {
                ledger.reserve(line, new BigDecimal("30"), new SourceDocument("purchase-request", "PR-" + i), "request " + i);
                return Outcome.DONE;
            } catch (BudgetExceededException e) {
                return Outcome.REFUSED;
            }
        }));

        long done = outcomes.stream().filter(o -> o == Outcome.DONE).count();
        long refused = outcomes.stream().filter(o -> o == Outcome.REFUSED).count();
        BigDecimal reserved = reserved(org, line);
        assertThat(done + refused).isEqualTo(50);
        assertThat(reserved).isLessThanOrEqualTo(new BigDecimal("1000"));
        assertThat(reserved).isEqualByComparingTo(new BigDecimal("30").multiply(BigDecimal.valueOf(done)));
        // Taken one after another, exactly 33 × 30 = 990 fit and the other 17 are refused.
        assertThat(done).isEqualTo(33);
        assertThat(movements(org, line)).isEqualTo(done);
        assertThat(new BudgetApi(mvc, org).auditActionsSince(auditBefore)).hasSize((int) done).containsOnly("budget.reserved");
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/budget-lines/" + line)))
                .andExpect(jsonPath("$.reserved").value(990.00))
                .andExpect(jsonPath("$.available").value(10.00));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/audit-events/verification")))
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void tenConcurrentCopiesOfOneDocumentCountOnce() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"WARN-1\",\"policy\":\"WARN\",\"amount\":1000");
        var source = new SourceDocument("purchase-request", "PR-SAME");

        List<Outcome> outcomes = concurrently(10, i -> () -> fixtures.as(org.cio(),
                () -> ledger.reserve(line, new BigDecimal("125.50"), source, null).repeated() ? Outcome.REPEATED : Outcome.DONE));

        assertThat(outcomes).containsOnlyOnce(Outcome.DONE).filteredOn(o -> o == Outcome.REPEATED).hasSize(9);
        assertThat(movements(org, line)).isEqualTo(1);
        assertThat(reserved(org, line)).isEqualByComparingTo("125.50");
    }

    @Test
    void concurrentInvoicesAgainstOneOrderNeverSettleMoreThanItsCommitment() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"INV-1\",\"policy\":\"BLOCK\",\"amount\":5000");
        var order = new SourceDocument("purchase-order", "PO-1");
        fixtures.as(org.cio(), () -> ledger.commit(line, new BigDecimal("1000"), order, null, null));

        // Twenty invoices of 80 settle the order's 1,000 down to zero and no further.
        List<Outcome> outcomes = concurrently(20, i -> () -> fixtures.as(org.cio(), () -> {
            ledger.recordActual(line, new BigDecimal("80"), java.time.LocalDate.of(2026, 3, 10),
                    new SourceDocument("invoice", "INV-" + i), order, null);
            return Outcome.DONE;
        }));

        assertThat(outcomes).containsOnly(Outcome.DONE);
        Org o = org;
        var totals = jdbc.sql("select committed, actual from budget_lines where org_id = ? and id = ?")
                .params(o.id(), line)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .single();
        assertThat(totals[0]).isEqualByComparingTo("0");
        assertThat(totals[1]).isEqualByComparingTo("1600");
        assertThat(jdbc.sql("select amount from budget_actual_totals where org_id = ? and line_id = ? and fiscal_month = 3")
                        .params(o.id(), line)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("1600");
    }

    /** Runs {@code count} tasks that all start at the same moment; any exception other than the expected fails. */
    private static List<Outcome> concurrently(int count, IntFunction<java.util.concurrent.Callable<Outcome>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return work.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> failures = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("failures other than a refusal (a deadlock or lock timeout is a bug)").isEmpty();
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private UUID approvedLine(Org org, String json) throws Exception {
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, json);
        api.approve(2026, fixtures.member(org, Role.EXECUTIVE));
        return line;
    }

    private BigDecimal reserved(Org org, UUID line) {
        return jdbc.sql("select reserved from budget_lines where org_id = ? and id = ?").params(org.id(), line).query(BigDecimal.class).single();
    }

    private long movements(Org org, UUID line) {
        return jdbc.sql("select count(*) from budget_movements where org_id = ? and line_id = ?")
                .params(org.id(), line)
                .query(Long.class)
                .single();
    }
}

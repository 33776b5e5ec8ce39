package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Revisions of an approved budget: the CIO proposes, an executive approves or rejects with a reason; plans move from
 * the given month on, the original plan stays visible and the months still add up to the cent.
 */
@IntegrationTest
class BudgetRevisionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    RevisionManagement revisions;

    /** An organization with an approved 2026 budget of two lines: A (1,200, 100 a month) and B (600, 50 a month). */
    record Setup(Org org, BudgetApi api, Person executive, UUID a, UUID b) {}

    @Test
    void aDraftBudgetIsEditedDirectlyNotRevised() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"A\",\"amount\":1200");
        long audit = lastAuditSeq(mvc, org);

        mvc.perform(as(org.cio(), post(api.base() + "/budgets/2026/revisions"),
                        "{\"toLineId\":\"" + line + "\",\"amount\":100,\"fromMonth\":1,\"reason\":\"More\"}"))
                .andExpect(status().isConflict())
                .andExpect(namesField("status"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        mvc.perform(as(org.cio(), get(api.base() + "/budgets/2026/revisions"))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anApprovedReallocationMovesPlanFromTheGivenMonthAndKeepsTheOriginal() throws Exception {
        var s = approvedBudget();
        Person manager = fixtures.member(s.org(), Role.IT_MANAGER);
        fixtures.as(s.org().cio(), () -> ledger.reserve(s.a(), new BigDecimal("1000"), new SourceDocument("purchase-request", "PR-1"), null));
        long audit = lastAuditSeq(mvc, s.org());

        // A has only 200 left that nobody has reserved.
        propose(s, s.a(), s.b(), "300", 10).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        assertThat(lastAuditSeq(mvc, s.org())).isEqualTo(audit);

        UUID revision = s.api().propose(2026, json(s.a(), s.b(), "150", 10, "Network refresh needs more"));
        mvc.perform(as(s.org().cio(), get(s.api().base() + "/budgets/2026/revisions")))
                .andExpect(jsonPath("$[0].id").value(revision.toString()))
                .andExpect(jsonPath("$[0].kind").value("REALLOCATION"))
                .andExpect(jsonPath("$[0].status").value("PROPOSED"))
                .andExpect(jsonPath("$[0].requestedBy").value(s.org().cio().accountId().toString()));
        // Proposed is not yet changed.
        assertThat(s.api().<Double>lineField(s.a(), "$.plan")).isEqualTo(1200.00);

        // The CIO proposes but may not approve; an IT manager may do neither.
        mvc.perform(as(s.org().cio(), post(s.api().base() + "/budget-revisions/" + revision + "/approve"))).andExpect(status().isForbidden());
        mvc.perform(as(manager, post(s.api().base() + "/budget-revisions/" + revision + "/reject"), "{\"reason\":\"no\"}"))
                .andExpect(status().isForbidden());
        assertThat(s.api().<Double>lineField(s.a(), "$.plan")).isEqualTo(1200.00);

        mvc.perform(as(s.executive(), post(s.api().base() + "/budget-revisions/" + revision + "/approve"), "{\"reason\":\"Agreed in the board\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(s.executive().accountId().toString()))
                .andExpect(jsonPath("$.decisionNote").value("Agreed in the board"));

        mvc.perform(as(s.org().cio(), get(s.api().base() + "/budget-lines/" + s.a())))
                .andExpect(jsonPath("$.originalPlan").value(1200.00))
                .andExpect(jsonPath("$.plan").value(1050.00))
                .andExpect(jsonPath("$.planByMonth[8]").value(100.00))
                .andExpect(jsonPath("$.planByMonth[9]").value(50.00))
                .andExpect(jsonPath("$.planByMonth[11]").value(50.00))
                .andExpect(jsonPath("$.available").value(50.00));
        mvc.perform(as(s.org().cio(), get(s.api().base() + "/budget-lines/" + s.b())))
                .andExpect(jsonPath("$.originalPlan").value(600.00))
                .andExpect(jsonPath("$.plan").value(750.00))
                .andExpect(jsonPath("$.planByMonth[8]").value(50.00))
                .andExpect(jsonPath("$.planByMonth[9]").value(100.00));
        // Money moved between lines: the budget's total plan is unchanged.
        mvc.perform(as(s.executive(), get(s.api().base() + "/budgets/2026")))
                .andExpect(jsonPath("$.originalPlan").value(1800.00))
                .andExpect(jsonPath("$.plan").value(1800.00));

        assertThat(s.api().auditSince(audit)).containsExactly(
                "budget-revision.proposed BudgetRevision " + revision,
                "budget-line.revised BudgetLine " + s.a(),
                "budget-line.revised BudgetLine " + s.b(),
                "budget-revision.approved BudgetRevision " + revision);

        // Decided once.
        mvc.perform(as(s.executive(), post(s.api().base() + "/budget-revisions/" + revision + "/approve")))
                .andExpect(status().isConflict())
                .andExpect(namesField("status"));
        mvc.perform(as(s.executive(), post(s.api().base() + "/budget-revisions/" + revision + "/reject"), "{\"reason\":\"Too late\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void oddAmountsStayExactToTheCent() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID a = api.line(2026, "\"code\":\"A\",\"amount\":1000");
        UUID b = api.line(2026, "\"code\":\"B\",\"amount\":0");
        api.approve(2026, executive);

        api.approveRevision(api.propose(2026, json(a, b, "100.00", 10, "Move")), executive);
        api.approveRevision(api.propose(2026, "\"toLineId\":\"" + b + "\",\"amount\":0.05,\"fromMonth\":1,\"reason\":\"Round\""), executive);

        List<Double> aMonths = api.lineField(a, "$.planByMonth");
        List<Double> bMonths = api.lineField(b, "$.planByMonth");
        assertThat(aMonths.subList(9, 12)).containsExactly(49.99, 50.00, 50.00);
        assertThat(bMonths).containsExactly(0.01, 0.01, 0.01, 0.01, 0.01, 0.00, 0.00, 0.00, 0.00, 33.34, 33.33, 33.33);
        assertThat(sum(aMonths)).isEqualByComparingTo("900.00");
        assertThat(sum(bMonths)).isEqualByComparingTo("100.05");
        assertThat(api.<Double>lineField(a, "$.plan")).isEqualTo(900.00);
        assertThat(api.<Double>lineField(b, "$.plan")).isEqualTo(100.05);
        assertThat(api.<Double>lineField(b, "$.originalPlan")).isEqualTo(0.00);
        mvc.perform(as(org.cio(), get(api.base() + "/budgets/2026")))
                .andExpect(jsonPath("$.originalPlan").value(1000.00))
                .andExpect(jsonPath("$.plan").value(1000.05));
    }

    @Test
    void aRejectionNeedsAReasonAndChangesNoPlan() throws Exception {
        var s = approvedBudget();
        UUID revision = s.api().propose(2026, json(s.a(), s.b(), "100", 1, "Move"));
        long audit = lastAuditSeq(mvc, s.org());
        String reject = s.api().base() + "/budget-revisions/" + revision + "/reject";

        mvc.perform(as(s.executive(), post(reject))).andExpect(status().isBadRequest()).andExpect(namesField("reason"));
        mvc.perform(as(s.executive(), post(reject), "{\"reason\":\"  \"}")).andExpect(status().isBadRequest()).andExpect(namesField("reason"));
        assertThat(lastAuditSeq(mvc, s.org())).isEqualTo(audit);

        mvc.perform(as(s.executive(), post(reject), "{\"reason\":\"Not this year\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisionNote").value("Not this year"));

        assertThat(s.api().<Double>lineField(s.a(), "$.plan")).isEqualTo(1200.00);
        assertThat(s.api().<Double>lineField(s.b(), "$.plan")).isEqualTo(600.00);
        assertThat(s.api().auditSince(audit)).containsExactly("budget-revision.rejected BudgetRevision " + revision);
        mvc.perform(as(s.executive(), post(s.api().base() + "/budget-revisions/" + revision + "/approve"))).andExpect(status().isConflict());
    }

    @Test
    void anApprovalThatNoLongerFitsTheSourceLineChangesNothing() throws Exception {
        var s = approvedBudget();
        fixtures.as(s.org().cio(), () -> ledger.reserve(s.a(), new BigDecimal("1000"), new SourceDocument("purchase-request", "PR-1"), null));
        UUID revision = s.api().propose(2026, json(s.a(), s.b(), "150", 1, "Move"));
        // Meanwhile more of A is reserved: only 100 is left.
        fixtures.as(s.org().cio(), () -> ledger.reserve(s.a(), new BigDecimal("100"), new SourceDocument("purchase-request", "PR-2"), null));
        long audit = lastAuditSeq(mvc, s.org());

        mvc.perform(as(s.executive(), post(s.api().base() + "/budget-revisions/" + revision + "/approve")))
                .andExpect(status().isConflict())
                .andExpect(namesField("amount"));

        assertThat(lastAuditSeq(mvc, s.org())).isEqualTo(audit);
        mvc.perform(as(s.org().cio(), get(s.api().base() + "/budgets/2026/revisions"))).andExpect(jsonPath("$[0].status").value("PROPOSED"));
        assertThat(s.api().<Double>lineField(s.a(), "$.plan")).isEqualTo(1200.00);
        assertThat(s.api().<Double>lineField(s.b(), "$.plan")).isEqualTo(600.00);
    }

    @Test
    void badProposalsAreRefusedNamingTheField() throws Exception {
        var s = approvedBudget();
        var stranger = fixtures.organization();
        var strangerApi = new BudgetApi(mvc, stranger);
        strangerApi.draft(2026);
        UUID strangersLine = strangerApi.line(2026, "\"code\":\"X\",\"amount\":100");
        String unallocated = mvc.perform(as(s.org().cio(), get(s.api().base() + "/budgets/2026/lines")))
                .andReturn().getResponse().getContentAsString();
        String unallocatedId = com.jayway.jsonpath.JsonPath.<List<String>>read(unallocated, "$[?(@.unallocated == true)].id").getFirst();
        long audit = lastAuditSeq(mvc, s.org());

        // More decimals than the currency has: the plan could not move by exactly that.
        propose(s, s.a(), s.b(), "10.005", 1).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        // A's months from December on hold 100, not 250, although A has 1,200 available.
        propose(s, s.a(), s.b(), "250", 12).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        propose(s, s.a(), s.b(), "0", 1).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        propose(s, s.a(), s.b(), "-5", 1).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        propose(s, s.a(), s.b(), "10", 13).andExpect(status().isBadRequest()).andExpect(namesField("fromMonth"));
        propose(s, s.a(), s.b(), "10", 0).andExpect(status().isBadRequest()).andExpect(namesField("fromMonth"));
        propose(s, s.a(), s.a(), "10", 1).andExpect(status().isBadRequest()).andExpect(namesField("fromLineId"));
        propose(s, s.a(), strangersLine, "10", 1).andExpect(status().isBadRequest()).andExpect(namesField("toLineId"));
        propose(s, strangersLine, s.b(), "10", 1).andExpect(status().isBadRequest()).andExpect(namesField("fromLineId"));
        propose(s, s.a(), UUID.fromString(unallocatedId), "10", 1).andExpect(status().isBadRequest()).andExpect(namesField("toLineId"));
        mvc.perform(as(s.org().cio(), post(s.api().base() + "/budgets/2026/revisions"),
                        "{\"toLineId\":\"" + s.b() + "\",\"amount\":10,\"fromMonth\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("reason"));
        mvc.perform(as(s.org().cio(), post(s.api().base() + "/budgets/2026/revisions"), "{\"amount\":10,\"fromMonth\":1,\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("toLineId"));

        assertThat(lastAuditSeq(mvc, s.org())).isEqualTo(audit);
        mvc.perform(as(s.org().cio(), get(s.api().base() + "/budgets/2026/revisions"))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void approvalsInBothDirectionsAtOnceDoNotDeadlock() throws Exception {
        var s = approvedBudget();
        List<UUID> proposals = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            proposals.add(s.api().propose(2026, json(s.a(), s.b(), "12", 1, "A to B " + i)));
            proposals.add(s.api().propose(2026, json(s.b(), s.a(), "12", 1, "B to A " + i)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(proposals.size());
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<RevisionView>> results = new java.util.ArrayList<>();
            for (UUID id : proposals) {
                results.add(pool.submit(() -> {
                    start.await();
                    return fixtures.as(s.executive(), () -> revisions.approve(id, null));
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get(120, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo("APPROVED");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(s.api().<Double>lineField(s.a(), "$.plan")).isEqualTo(1200.00);
        assertThat(s.api().<Double>lineField(s.b(), "$.plan")).isEqualTo(600.00);
    }

    private Setup approvedBudget() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID a = api.line(2026, "\"code\":\"A\",\"policy\":\"BLOCK\",\"amount\":1200");
        UUID b = api.line(2026, "\"code\":\"B\",\"amount\":600");
        api.approve(2026, executive);
        return new Setup(org, api, executive, a, b);
    }

    private org.springframework.test.web.servlet.ResultActions propose(Setup s, UUID from, UUID to, String amount, int fromMonth)
            throws Exception {
        return mvc.perform(as(s.org().cio(), post(s.api().base() + "/budgets/2026/revisions"), "{" + json(from, to, amount, fromMonth, "Move") + "}"));
    }

    private static String json(UUID from, UUID to, String amount, int fromMonth, String reason) {
        return "\"fromLineId\":\"" + from + "\",\"toLineId\":\"" + to + "\",\"amount\":" + amount + ",\"fromMonth\":" + fromMonth
                + ",\"reason\":\"" + reason + "\"";
    }

    private static BigDecimal sum(List<Double> months) {
        return months.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

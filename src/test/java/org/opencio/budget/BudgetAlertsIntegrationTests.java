package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Alerts in people's inboxes: once when a line passes its warning threshold, once when it goes over plan. */
@IntegrationTest
class BudgetAlertsIntegrationTests {

    private static final String WARNING = "budget.line-warning";
    private static final String OVER = "budget.line-over";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Test
    void theOwnerAndTheCiosHearOnceWhenALineWarnsAndOnceWhenItGoesOver() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        Person secondCio = fixtures.member(org, Role.CIO);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"NET-01\",\"policy\":\"WARN\",\"amount\":1000,\"ownerId\":\"" + owner.accountId() + "\"");
        api.approve(2026, executive);

        reserve(org, line, "700", "PR-1");
        assertThat(api.budgetNotices(owner)).isEmpty();

        reserve(org, line, "100", "PR-2");
        for (Person p : new Person[] {owner, org.cio(), secondCio}) {
            assertThat(api.budgetNotices(p)).as(p.email()).containsExactly(WARNING);
        }
        assertThat(api.budgetNotices(executive)).isEmpty();
        mvc.perform(as(owner, get(api.base() + "/notifications")))
                .andExpect(jsonPath("$.items[0].title").value("Budget line NET-01 passed 80 % of plan"))
                .andExpect(jsonPath("$.items[0].link").value("/o/" + org.slug() + "/budgets/2026/lines/" + line));

        // Still between the threshold and the plan, and exactly at plan: no news.
        reserve(org, line, "150", "PR-3");
        reserve(org, line, "50", "PR-4");
        assertThat(api.budgetNotices(owner)).containsExactly(WARNING);
        assertThat(api.lineField(line, "$.alertLevel").toString()).isEqualTo("WARNING");

        reserve(org, line, "0.01", "PR-5");
        for (Person p : new Person[] {owner, org.cio(), secondCio}) {
            assertThat(api.budgetNotices(p)).as(p.email()).containsExactly(OVER, WARNING);
        }
        assertThat(api.lineField(line, "$.alertLevel").toString()).isEqualTo("OVER");

        // Staying over does not notify again, whichever stage the money is in.
        reserve(org, line, "200", "PR-6");
        fixtures.as(org.cio(), () -> ledger.recordActual(line, new BigDecimal("90"), LocalDate.of(2026, 5, 2),
                new SourceDocument("invoice", "INV-1"), null, null));
        assertThat(api.budgetNotices(owner)).containsExactly(OVER, WARNING);
        assertThat(api.budgetNotices(org.cio())).containsExactly(OVER, WARNING);
    }

    @Test
    void movingMoneyToTheNextStageIsNoNewCrossing() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"SW-01\",\"policy\":\"BLOCK\",\"amount\":1000,\"ownerId\":\"" + owner.accountId() + "\"");
        api.approve(2026, fixtures.member(org, Role.EXECUTIVE));
        var request = new SourceDocument("purchase-request", "PR-1");
        var order = new SourceDocument("purchase-order", "PO-1");

        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal("850"), request, null));
        assertThat(api.budgetNotices(owner)).containsExactly(WARNING);

        // The order takes over the request's money, the invoice the order's: the line stays at 85 % throughout.
        fixtures.as(org.cio(), () -> ledger.commit(line, new BigDecimal("850"), order, request, null));
        fixtures.as(org.cio(), () -> ledger.recordActual(line, new BigDecimal("850"), LocalDate.of(2026, 6, 1),
                new SourceDocument("invoice", "INV-1"), order, null));

        assertThat(api.budgetNotices(owner)).containsExactly(WARNING);
        assertThat(api.budgetNotices(org.cio())).containsExactly(WARNING);
        assertThat(api.lineField(line, "$.actual").toString()).isEqualTo("850.0");
    }

    @Test
    void aLineThatRecoversAndCrossesAgainNotifiesAgain() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"CLOUD\",\"policy\":\"WARN\",\"amount\":1000,\"ownerId\":\"" + owner.accountId() + "\"");
        api.approve(2026, executive);
        var request = new SourceDocument("purchase-request", "PR-1");

        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal("900"), request, null));
        assertThat(api.budgetNotices(owner)).containsExactly(WARNING);

        // The request is withdrawn; the line is back to OK and a later crossing is news again.
        fixtures.as(org.cio(), () -> ledger.release(line, request));
        assertThat(api.lineField(line, "$.alertLevel").toString()).isEqualTo("OK");
        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal("820"), new SourceDocument("purchase-request", "PR-2"), null));
        assertThat(api.budgetNotices(owner)).containsExactly(WARNING, WARNING);

        // A supplement brings the line back below its threshold; crossing it again notifies.
        UUID revision = api.propose(2026, "\"toLineId\":\"" + line + "\",\"amount\":1000,\"fromMonth\":1,\"reason\":\"Second region\"");
        api.approveRevision(revision, executive);
        assertThat(api.lineField(line, "$.alertLevel").toString()).isEqualTo("OK");
        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal("800"), new SourceDocument("purchase-request", "PR-3"), null));

        assertThat(api.budgetNotices(owner)).containsExactly(WARNING, WARNING, WARNING);
    }

    @Test
    void aReallocationThatLeavesTheSourceLineNearlySpentWarnsItsOwner() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        Person executive = fixtures.member(org, Role.EXECUTIVE);
        api.draft(2026);
        UUID from = api.line(2026, "\"code\":\"FROM\",\"amount\":1000,\"ownerId\":\"" + owner.accountId() + "\"");
        UUID to = api.line(2026, "\"code\":\"TO\",\"amount\":1000");
        api.approve(2026, executive);
        fixtures.as(org.cio(), () -> ledger.reserve(from, new BigDecimal("700"), new SourceDocument("purchase-request", "PR-1"), null));
        assertThat(api.budgetNotices(owner)).isEmpty();

        UUID revision = api.propose(2026, "\"fromLineId\":\"" + from + "\",\"toLineId\":\"" + to
                + "\",\"amount\":200,\"fromMonth\":7,\"reason\":\"Security needs more\"");
        api.approveRevision(revision, executive);

        // 700 of 800 is 87.5 %.
        assertThat(api.lineField(from, "$.alertLevel").toString()).isEqualTo("WARNING");
        assertThat(api.budgetNotices(owner)).containsExactly(WARNING);
    }

    private void reserve(Org org, UUID line, String amount, String document) {
        fixtures.as(org.cio(), () -> ledger.reserve(line, new BigDecimal(amount), new SourceDocument("purchase-request", document), null));
    }
}

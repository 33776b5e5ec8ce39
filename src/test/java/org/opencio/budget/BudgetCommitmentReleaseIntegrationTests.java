package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Releasing a commitment by its source (a contract that ended, an order cancelled): what invoices did not settle goes
 * back to the line, once; other sources' commitments stay.
 */
@IntegrationTest
class BudgetCommitmentReleaseIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whatInvoicesDidNotSettleIsReleasedOnceAndOnlyForItsSource() throws Exception {
        Org org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"REL\",\"amount\":50000");
        api.approve(2026, fixtures.member(org, Role.EXECUTIVE));
        var contract = new SourceDocument("contract", UUID.randomUUID().toString());
        var order = new SourceDocument("purchase-order", "PO-9");

        as(org, () -> ledger.commit(line, new BigDecimal("12000"), contract, null, "Support contract"));
        as(org, () -> ledger.commit(line, new BigDecimal("5000"), order, null, "Order"));
        as(org, () -> ledger.recordActual(line, new BigDecimal("2000"), LocalDate.of(2026, 2, 10), new SourceDocument("invoice", "I-1"),
                contract, "January"));
        assertThat(committed(org, line)).isEqualByComparingTo("15000");

        MovementResult released = as(org, () -> ledger.releaseCommitment(line, contract));
        assertThat(released.repeated()).isFalse();
        assertThat(committed(org, line)).isEqualByComparingTo("5000");
        assertThat(jdbc.sql("select amount from budget_movements where org_id = ? and source_key = ?")
                .params(org.id(), "RELEASE:COMMITTED:contract:" + contract.id()).query(BigDecimal.class).single())
                .isEqualByComparingTo("-10000");

        assertThat(as(org, () -> ledger.releaseCommitment(line, contract)).repeated()).isTrue();
        assertThat(as(org, () -> ledger.releaseCommitment(line, new SourceDocument("contract", "never-committed"))).repeated()).isTrue();
        assertThat(committed(org, line)).isEqualByComparingTo("5000");
        assertThat(jdbc.sql("select count(*) from audit_events where org_id = ? and action = 'budget.committed'").param(org.id())
                .query(Long.class).single()).isEqualTo(4);
    }

    private <T> T as(Org org, java.util.function.Supplier<T> work) {
        return fixtures.as(org.cio(), work);
    }

    private BigDecimal committed(Org org, UUID line) {
        return jdbc.sql("select committed from budget_lines where org_id = ? and id = ?").params(org.id(), line).query(BigDecimal.class).single();
    }
}

package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.Api;
import org.opencio.support.IntegrationTest;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger through which other modules move money: each call is idempotent by its source document, a commitment
 * takes over its reservation, an invoice settles its commitment, and a release gives back only what is still open.
 */
@IntegrationTest
class BudgetLedgerIntegrationTests {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 15);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    JdbcClient jdbc;

    record Totals(BigDecimal reserved, BigDecimal committed, BigDecimal actual, long movements) {}

    @Test
    void repeatingADocumentNeverCountsTwice() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"IDEM\",\"policy\":\"WARN\",\"amount\":10000");
        var request = new SourceDocument("purchase-request", "PR-1");
        var order = new SourceDocument("purchase-order", "PO-1");
        var invoice = new SourceDocument("invoice", "INV-1");

        assertThat(as(org, () -> ledger.reserve(line, new BigDecimal("1000"), request, null)).repeated()).isFalse();
        assertThat(as(org, () -> ledger.reserve(line, new BigDecimal("1000"), request, null)).repeated()).isTrue();
        // A repeat with another amount is still the same document: the first amount stands.
        assertThat(as(org, () -> ledger.reserve(line, new BigDecimal("1500"), request, null)).repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("1000", "0", "0", 1));

        assertThat(as(org, () -> ledger.commit(line, new BigDecimal("800"), order, request, null)).repeated()).isFalse();
        assertThat(as(org, () -> ledger.commit(line, new BigDecimal("800"), order, request, null)).repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("200", "800", "0", 3));

        assertThat(as(org, () -> ledger.recordActual(line, new BigDecimal("300"), MARCH, invoice, order, null)).repeated()).isFalse();
        assertThat(as(org, () -> ledger.recordActual(line, new BigDecimal("300"), MARCH, invoice, order, null)).repeated()).isTrue();
        assertThat(as(org, () -> ledger.recordActual(line, new BigDecimal("300"), MARCH, invoice, null, null)).repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("200", "500", "300", 5));
        assertThat(actualInMonth(org, line, 3)).isEqualByComparingTo("300");

        assertThat(as(org, () -> ledger.release(line, request)).repeated()).isFalse();
        assertThat(as(org, () -> ledger.release(line, request)).repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("0", "500", "300", 6));
    }

    @Test
    void aCommitmentTakesOverItsReservation() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"FULL\",\"policy\":\"BLOCK\",\"amount\":1000");
        var request = new SourceDocument("purchase-request", "PR-1");
        as(org, () -> ledger.reserve(line, new BigDecimal("1000"), request, null));

        // The line is full, but the order only moves the request's money to the next stage.
        var result = as(org, () -> ledger.commit(line, new BigDecimal("1000"), new SourceDocument("purchase-order", "PO-1"), request, null));

        assertThat(result.check().status()).isEqualTo("WARNING");
        assertThat(result.check().allowed()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("0", "1000", "0", 3));
        // Without the reservation it came from, another order does not fit.
        assertThatThrownBy(() -> as(org, () -> ledger.commit(line, new BigDecimal("0.01"), new SourceDocument("purchase-order", "PO-2"), null, null)))
                .isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void aCommitmentLargerThanItsReservationReleasesItAllAndNoMore() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"MORE\",\"policy\":\"WARN\",\"amount\":1000");
        var request = new SourceDocument("purchase-request", "PR-1");
        as(org, () -> ledger.reserve(line, new BigDecimal("300"), request, null));

        as(org, () -> ledger.commit(line, new BigDecimal("400"), new SourceDocument("purchase-order", "PO-1"), request, null));
        assertThat(totals(org, line)).isEqualTo(totals("0", "400", "0", 3));

        // A second order from the same request finds nothing left to take over.
        as(org, () -> ledger.commit(line, new BigDecimal("50"), new SourceDocument("purchase-order", "PO-2"), request, null));
        assertThat(totals(org, line)).isEqualTo(totals("0", "450", "0", 4));
    }

    @Test
    void anInvoiceSettlesItsCommitmentButNeverBelowZero() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"SETTLE\",\"policy\":\"BLOCK\",\"amount\":1000");
        var order = new SourceDocument("purchase-order", "PO-1");
        as(org, () -> ledger.commit(line, new BigDecimal("600"), order, null, null));

        as(org, () -> ledger.recordActual(line, new BigDecimal("250"), MARCH, new SourceDocument("invoice", "INV-1"), order, null));
        assertThat(totals(org, line)).isEqualTo(totals("0", "350", "250", 3));

        // The final invoice is higher than what is still committed; the commitment ends at zero.
        as(org, () -> ledger.recordActual(line, new BigDecimal("400"), MARCH.plusMonths(1), new SourceDocument("invoice", "INV-2"), order, null));
        assertThat(totals(org, line)).isEqualTo(totals("0", "0", "650", 5));
        assertThat(actualInMonth(org, line, 3)).isEqualByComparingTo("250");
        assertThat(actualInMonth(org, line, 4)).isEqualByComparingTo("400");

        // Spent money is recorded even on a blocking line that it takes over plan.
        var over = as(org, () -> ledger.recordActual(line, new BigDecimal("500"), MARCH, new SourceDocument("invoice", "INV-3"), order, null));
        assertThat(over.check().status()).isEqualTo("OVER");
        assertThat(totals(org, line)).isEqualTo(totals("0", "0", "1150", 6));
    }

    @Test
    void releasingWhatIsNotOpenChangesNothing() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"REL\",\"policy\":\"BLOCK\",\"amount\":1000");
        UUID other = otherLine(org);
        var request = new SourceDocument("purchase-request", "PR-1");

        // Nothing was ever reserved for it.
        var nothing = as(org, () -> ledger.release(line, new SourceDocument("purchase-request", "PR-NONE")));
        assertThat(nothing.repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("0", "0", "0", 0));

        // Reserved on one line, released on another: nothing is open there.
        as(org, () -> ledger.reserve(line, new BigDecimal("400"), request, null));
        as(org, () -> ledger.release(other, request));
        assertThat(totals(org, other)).isEqualTo(totals("0", "0", "0", 0));

        // Fully committed: nothing left to release.
        as(org, () -> ledger.commit(line, new BigDecimal("400"), new SourceDocument("purchase-order", "PO-1"), request, null));
        assertThat(as(org, () -> ledger.release(line, request)).repeated()).isTrue();
        assertThat(totals(org, line)).isEqualTo(totals("0", "400", "0", 3));
    }

    @Test
    void aPartlyCommittedReservationReleasesTheRest() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"PART\",\"policy\":\"BLOCK\",\"amount\":1000");
        var request = new SourceDocument("purchase-request", "PR-1");
        as(org, () -> ledger.reserve(line, new BigDecimal("700"), request, null));
        as(org, () -> ledger.commit(line, new BigDecimal("650"), new SourceDocument("purchase-order", "PO-1"), request, null));

        var released = as(org, () -> ledger.release(line, request));

        assertThat(released.repeated()).isFalse();
        assertThat(released.check().availableAfter()).isEqualByComparingTo("350");
        assertThat(totals(org, line)).isEqualTo(totals("0", "650", "0", 4));
    }

    @Test
    void amountsMustBePositiveAndLinesMustExist() throws Exception {
        var org = fixtures.organization();
        UUID line = approvedLine(org, "\"code\":\"BAD\",\"amount\":1000");

        for (String amount : new String[] {"0", "-5", "0.00001"}) {
            assertThatThrownBy(() -> as(org, () -> ledger.reserve(line, new BigDecimal(amount), new SourceDocument("x", amount), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("amount"));
        }
        assertThatThrownBy(() -> as(org, () -> ledger.reserve(UUID.randomUUID(), BigDecimal.ONE, new SourceDocument("x", "1"), null)))
                .isInstanceOf(NotFoundException.class);
        // Another organization's line does not exist for this one.
        var stranger = fixtures.organization();
        assertThatThrownBy(() -> fixtures.as(stranger.cio(), () -> ledger.reserve(line, BigDecimal.ONE, new SourceDocument("x", "2"), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(totals(org, line)).isEqualTo(totals("0", "0", "0", 0));
    }

    @Test
    void unallocatedCostCountsInTheBudgetsActualButNotInItsPlan() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"PLANNED\",\"amount\":1000");
        List<String> unallocated = Api.read(
                mvc.perform(Api.as(org.cio(), get(api.base() + "/budgets/2026/lines"))), "$[?(@.unallocated == true)].id");
        UUID unallocatedLine = UUID.fromString(unallocated.getFirst());

        as(org, () -> ledger.recordActual(line, new BigDecimal("100"), MARCH, new SourceDocument("invoice", "INV-1"), null, null));
        as(org, () -> ledger.recordActual(unallocatedLine, new BigDecimal("40.25"), MARCH, new SourceDocument("cloud", "C-1"), null, null));
        as(org, () -> ledger.reserve(line, new BigDecimal("10"), new SourceDocument("purchase-request", "PR-1"), null));

        mvc.perform(Api.as(org.cio(), get(api.base() + "/budgets/2026")))
                .andExpect(jsonPath("$.plan").value(1000.00))
                .andExpect(jsonPath("$.actual").value(140.25))
                .andExpect(jsonPath("$.reserved").value(10.00))
                .andExpect(jsonPath("$.available").value(849.75))
                .andExpect(jsonPath("$.lines").value(1));
        mvc.perform(Api.as(org.cio(), get(api.base() + "/budget-lines/" + unallocatedLine)))
                .andExpect(jsonPath("$.code").value("UNALLOCATED"))
                .andExpect(jsonPath("$.actual").value(40.25))
                .andExpect(jsonPath("$.actualByMonth[2]").value(40.25))
                .andExpect(jsonPath("$.alertLevel").value("OK"));
    }

    private <T> T as(Org org, java.util.function.Supplier<T> work) {
        return fixtures.as(org.cio(), work);
    }

    private UUID approvedLine(Org org, String json) throws Exception {
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, json);
        api.approve(2026, fixtures.member(org, Role.EXECUTIVE));
        return line;
    }

    private UUID otherLine(Org org) throws Exception {
        // Approved budgets take no new lines; another year's draft does.
        var api = new BudgetApi(mvc, org);
        api.draft(2027);
        return api.line(2027, "\"code\":\"OTHER\",\"amount\":1000");
    }

    private Totals totals(Org org, UUID line) {
        return jdbc.sql("select reserved, committed, actual, (select count(*) from budget_movements m where m.line_id = l.id) "
                        + "from budget_lines l where l.org_id = ? and l.id = ?")
                .params(org.id(), line)
                .query((rs, n) -> new Totals(rs.getBigDecimal(1).stripTrailingZeros(), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3).stripTrailingZeros(), rs.getLong(4)))
                .single();
    }

    private static Totals totals(String reserved, String committed, String actual, long movements) {
        return new Totals(new BigDecimal(reserved).stripTrailingZeros(), new BigDecimal(committed).stripTrailingZeros(),
                new BigDecimal(actual).stripTrailingZeros(), movements);
    }

    private BigDecimal actualInMonth(Org org, UUID line, int month) {
        return jdbc.sql("select amount from budget_actual_totals where org_id = ? and line_id = ? and fiscal_month = ?")
                .params(org.id(), line, month)
                .query(BigDecimal.class)
                .single();
    }
}

package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.SourceDocument;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A contract's money in the budget: its annual value is committed when it becomes active, refused (409, with the
 * budget's check) on a line that blocks overspending, and what no invoice settled is released when it ends.
 */
@IntegrationTest
class ContractBudgetIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    BudgetLedger ledger;

    @Autowired
    ContractDailyJob job;

    @Autowired
    JdbcClient jdbc;

    @Test
    void activatingCommitsTheAnnualValueAndTerminatingReleasesWhatInvoicesDidNotSettle() throws Exception {
        Org org = fixtures.organization();
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"SUP-1\",\"amount\":100000,\"policy\":\"WARN\"");
        UUID vendor = contracts.vendor(org, "Northwind Traders");
        UUID id = contracts.contract(mvc, org, vendor,
                "\"startDate\":\"2027-01-01\",\"endDate\":\"2028-12-31\",\"totalValue\":24000,\"budgetLineId\":\"" + line + "\"");
        assertThat(committed(org, line)).isEqualByComparingTo("0");

        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/" + id + "/activate"), "{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budgetCommitted").value(12000.0));
        assertThat(committed(org, line)).isEqualByComparingTo("12000");
        // The commitment names the contract, so the budget's movements lead back to it.
        assertThat(jdbc.sql("select count(*) from budget_movements where org_id = ? and source_type = 'contract' and source_id = ?")
                .params(org.id(), id.toString()).query(Long.class).single()).isEqualTo(1);

        // An invoice settles part of it.
        fixtures.as(org.cio(), () -> ledger.recordActual(line, new BigDecimal("3000"), LocalDate.of(2027, 3, 15),
                new SourceDocument("invoice", "INV-7"), new SourceDocument("contract", id.toString()), "Q1 invoice"));
        assertThat(committed(org, line)).isEqualByComparingTo("9000");

        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/" + id + "/terminate"), "{\"reason\":\"Replaced\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budgetReleasedOn").isNotEmpty());
        assertThat(committed(org, line)).isEqualByComparingTo("0");
        assertThat(actual(org, line)).isEqualByComparingTo("3000");
        // Releasing again changes nothing.
        var repeat = fixtures.as(org.cio(), () -> ledger.releaseCommitment(line, new SourceDocument("contract", id.toString())));
        assertThat(repeat.repeated()).isTrue();
        assertThat(committed(org, line)).isEqualByComparingTo("0");
    }

    @Test
    void aLineThatBlocksOverspendingRefusesTheContractWithItsCheckAndTheContractStaysADraft() throws Exception {
        Org org = fixtures.organization();
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"TIGHT\",\"amount\":5000,\"policy\":\"BLOCK\"");
        UUID vendor = contracts.vendor(org, "Tailspin Toys");
        UUID id = contracts.contract(mvc, org, vendor,
                "\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":12000,\"budgetLineId\":\"" + line + "\"");
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/" + id + "/activate"), "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:budget-exceeded"))
                .andExpect(jsonPath("$.errors[0].field").value("budgetLineId"))
                .andExpect(jsonPath("$.check.status").value("OVER"))
                .andExpect(jsonPath("$.check.allowed").value(false))
                .andExpect(jsonPath("$.check.availableBefore").value(5000.0));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/" + id)))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.budgetCommitted").doesNotExist());
        assertThat(committed(org, line)).isEqualByComparingTo("0");
    }

    @Test
    void aRenewedTermCommitsItsOwnValueAndThePreviousTermsIsReleasedOnceItHasEnded() throws Exception {
        Org org = fixtures.organization();
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"REN\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Proseware");
        UUID id = contracts.contract(mvc, org, vendor,
                "\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"totalValue\":10000,\"budgetLineId\":\"" + line + "\"");
        contracts.activate(mvc, org, id);
        String next = read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/" + id + "/renew"), "{\"totalValue\":11000}"))
                .andExpect(status().isCreated()), "$.id");
        // Both terms hold their value until the first one is over.
        assertThat(committed(org, line)).isEqualByComparingTo("21000");

        job.runFor(org.id(), Instant.parse("2027-12-20T10:00:00Z"));
        assertThat(committed(org, line)).isEqualByComparingTo("21000");
        job.runFor(org.id(), Instant.parse("2028-01-02T10:00:00Z"));
        assertThat(committed(org, line)).isEqualByComparingTo("11000");
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/" + id)))
                .andExpect(jsonPath("$.budgetReleasedOn").value("2028-01-02"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/" + next)))
                .andExpect(jsonPath("$.budgetCommitted").value(11000.0))
                .andExpect(jsonPath("$.budgetReleasedOn").doesNotExist());
    }

    private BigDecimal committed(Org org, UUID line) {
        return jdbc.sql("select committed from budget_lines where org_id = ? and id = ?").params(org.id(), line).query(BigDecimal.class).single();
    }

    private BigDecimal actual(Org org, UUID line) {
        return jdbc.sql("select actual from budget_lines where org_id = ? and id = ?").params(org.id(), line).query(BigDecimal.class).single();
    }
}

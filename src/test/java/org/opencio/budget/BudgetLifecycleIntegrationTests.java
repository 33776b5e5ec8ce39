package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Draft → submitted → approved, money through the stages, and a blocking line that refuses to go over plan. */
@IntegrationTest
class BudgetLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    BudgetLedger ledger;

    @Test
    void aBudgetIsDraftedApprovedAndSpent() throws Exception {
        var org = fixtures.organization();
        var cfo = fixtures.member(org, Role.EXECUTIVE);
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(post(base + "/budgets").header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fiscalYear\":2026}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.name").value("IT budget FY2026"));
        String line = mvc.perform(post(base + "/budgets/2026/lines").header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"IT-01\",\"description\":\"Laptops\",\"expenseType\":\"CAPEX\",\"policy\":\"BLOCK\",\"amount\":1000}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plan").value(1000.00))
                .andExpect(jsonPath("$.planByMonth[0]").value(83.34))
                .andExpect(jsonPath("$.planByMonth[11]").value(83.33))
                .andReturn().getResponse().getContentAsString();
        String lineId = JsonPath.read(line, "$.id");

        mvc.perform(post(base + "/budgets/2026/approve").header("Authorization", cfo.bearer()))
                .andExpect(status().isConflict());
        mvc.perform(post(base + "/budgets/2026/submit").header("Authorization", org.cio().bearer()))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post(base + "/budgets/2026/approve").header("Authorization", org.cio().bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/budgets/2026/approve").header("Authorization", cfo.bearer()))
                .andExpect(jsonPath("$.status").value("APPROVED"));

        fixtures.as(org.cio(), () -> ledger.reserve(java.util.UUID.fromString(lineId), new BigDecimal("700"),
                new SourceDocument("purchase-request", "PR-1"), "Laptops for sales"));
        // A repeat of the same document counts once.
        var repeat = fixtures.as(org.cio(), () -> ledger.reserve(java.util.UUID.fromString(lineId), new BigDecimal("700"),
                new SourceDocument("purchase-request", "PR-1"), "Laptops for sales"));
        assertThat(repeat.repeated()).isTrue();
        mvc.perform(get(base + "/budget-lines/" + lineId + "/check").param("amount", "400").header("Authorization", org.cio().bearer()))
                .andExpect(jsonPath("$.status").value("OVER"))
                .andExpect(jsonPath("$.allowed").value(false));
        assertThatThrownBy(() -> fixtures.as(org.cio(), () -> ledger.reserve(
                        java.util.UUID.fromString(lineId), new BigDecimal("400"), new SourceDocument("purchase-request", "PR-2"), null)))
                .isInstanceOf(BudgetExceededException.class);
        fixtures.as(org.cio(), () -> ledger.commit(java.util.UUID.fromString(lineId), new BigDecimal("650"),
                new SourceDocument("purchase-order", "PO-1"), new SourceDocument("purchase-request", "PR-1"), null));
        mvc.perform(get(base + "/budget-lines/" + lineId).header("Authorization", org.cio().bearer()))
                .andExpect(jsonPath("$.reserved").value(50.00))
                .andExpect(jsonPath("$.committed").value(650.00))
                .andExpect(jsonPath("$.available").value(300.00));
        mvc.perform(post(base + "/actuals").header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineId\":\"" + lineId + "\",\"amount\":120.5,\"date\":\"2026-03-15\",\"description\":\"Docking stations\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.actual").value(120.50))
                .andExpect(jsonPath("$.actualByMonth[2]").value(120.50))
                .andExpect(jsonPath("$.available").value(179.50));
        mvc.perform(get(base + "/budgets/2026").header("Authorization", cfo.bearer()))
                .andExpect(jsonPath("$.plan").value(1000.00))
                .andExpect(jsonPath("$.actual").value(120.50));
    }
}

package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input to the budget API: each gets a 4xx problem naming the field (never a 500), and nothing of it is written —
 * no budget, no line, no audit event.
 */
@IntegrationTest
class BudgetApiBadInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void aBudgetNeedsAYearInRangeThatHasNoBudgetYet() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        long audit = lastAuditSeq(mvc, org);

        createBudget(org, "{\"fiscalYear\":1999}").andExpect(status().isBadRequest()).andExpect(namesField("fiscalYear"));
        createBudget(org, "{\"fiscalYear\":2101}").andExpect(status().isBadRequest()).andExpect(namesField("fiscalYear"));
        createBudget(org, "{}").andExpect(status().isBadRequest()).andExpect(namesField("fiscalYear"));
        createBudget(org, "{\"fiscalYear\":2027.5}").andExpect(status().isBadRequest()).andExpect(namesField("fiscalYear"));
        createBudget(org, "{\"fiscalYear\":\"next\"}").andExpect(status().isBadRequest()).andExpect(namesField("fiscalYear"));
        createBudget(org, "{\"fiscalYear\":2027,\"warnPercent\":0}").andExpect(status().isBadRequest()).andExpect(namesField("warnPercent"));
        createBudget(org, "{\"fiscalYear\":2027,\"warnPercent\":100.01}").andExpect(status().isBadRequest()).andExpect(namesField("warnPercent"));
        createBudget(org, "{\"fiscalYear\":2027,\"warnPercent\":80.555}").andExpect(status().isBadRequest()).andExpect(namesField("warnPercent"));
        createBudget(org, "{\"fiscalYear\":2027,\"name\":\"" + "x".repeat(201) + "\"}").andExpect(status().isBadRequest()).andExpect(namesField("name"));
        createBudget(org, "{\"fiscalYear\":2027,\"currency\":\"USD\"}").andExpect(status().isBadRequest()).andExpect(namesField("currency"));
        createBudget(org, "{\"fiscalYear\":2026,\"name\":\"Again\"}").andExpect(status().isConflict()).andExpect(namesField("fiscalYear"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        mvc.perform(as(org.cio(), get(api.base() + "/budgets"))).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aLineIsRefusedNamingWhatIsWrong() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        api.line(2026, "\"code\":\"IT-01\",\"amount\":1000");
        long audit = lastAuditSeq(mvc, org);

        addLine(org, "\"code\":\"L\",\"expenseType\":\"CAPITAL\"").andExpect(status().isBadRequest()).andExpect(namesField("expenseType"));
        addLine(org, "\"code\":\"L\",\"policy\":\"block\"").andExpect(status().isBadRequest()).andExpect(namesField("policy"));
        addLine(org, "\"code\":\"L\",\"forecastMethod\":1").andExpect(status().isBadRequest()).andExpect(namesField("forecastMethod"));
        addLine(org, "\"code\":\"L\",\"amount\":1200,\"months\":" + months("100", 12))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("months"));
        addLine(org, "\"code\":\"L\",\"months\":" + months("100", 11)).andExpect(status().isBadRequest()).andExpect(namesField("months"));
        addLine(org, "\"code\":\"L\",\"months\":[10,10,10,-1,10,10,10,10,10,10,10,10]")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("months[3]"));
        addLine(org, "\"code\":\"L\",\"months\":[10,10,10,10,10,10,10,10,10,10,10,10.001]")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("months[11]"));
        addLine(org, "\"code\":\"L\",\"months\":[10,null,10,10,10,10,10,10,10,10,10,10]")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("months[1]"));
        addLine(org, "\"code\":\"L\",\"months\":" + months("999999999999999", 12)).andExpect(status().isBadRequest()).andExpect(namesField("months"));
        addLine(org, "\"code\":\"L\",\"amount\":10.005").andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        addLine(org, "\"code\":\"L\",\"amount\":-10").andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        addLine(org, "\"code\":\"L\",\"amount\":1e16").andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        addLine(org, "\"amount\":10").andExpect(status().isBadRequest()).andExpect(namesField("code"));
        addLine(org, "\"code\":\"with space\"").andExpect(status().isBadRequest()).andExpect(namesField("code"));
        addLine(org, "\"code\":\"L\",\"description\":\"" + "x".repeat(501) + "\"").andExpect(status().isBadRequest()).andExpect(namesField("description"));
        addLine(org, "\"code\":\"L\",\"departmentId\":\"not-a-uuid\"").andExpect(status().isBadRequest()).andExpect(namesField("departmentId"));
        addLine(org, "\"code\":\"L\",\"colour\":\"red\"").andExpect(status().isBadRequest()).andExpect(namesField("colour"));
        addLine(org, "\"code\":\"IT-01\",\"amount\":5").andExpect(status().isConflict()).andExpect(namesField("code"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        assertThat(lineCodes(org)).containsExactly("IT-01", "UNALLOCATED");
    }

    @Test
    void referencesToAnotherOrganizationAreRefused() throws Exception {
        var org = fixtures.organization();
        var stranger = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        String strangersDepartment = read(mvc.perform(as(stranger.cio(), post("/api/v1/orgs/" + stranger.slug() + "/departments"),
                                "{\"code\":\"FIN\",\"name\":\"Finance\"}"))
                        .andExpect(status().isCreated()),
                "$.id");
        List<String> strangersPools = read(mvc.perform(as(stranger.cio(), get("/api/v1/orgs/" + stranger.slug() + "/cost-categories"))),
                "$[?(@.kind == 'POOL')].id");
        List<String> strangersTowers = read(mvc.perform(as(stranger.cio(), get("/api/v1/orgs/" + stranger.slug() + "/cost-categories"))),
                "$[?(@.kind == 'TOWER')].id");
        List<String> ownTowers = read(mvc.perform(as(org.cio(), get(api.base() + "/cost-categories"))), "$[?(@.kind == 'TOWER')].id");
        long audit = lastAuditSeq(mvc, org);

        addLine(org, "\"code\":\"L\",\"departmentId\":\"" + strangersDepartment + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("departmentId"));
        addLine(org, "\"code\":\"L\",\"costPoolId\":\"" + strangersPools.getFirst() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("costPoolId"));
        addLine(org, "\"code\":\"L\",\"towerId\":\"" + strangersTowers.getFirst() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("towerId"));
        // A tower of its own organization is still no cost pool.
        addLine(org, "\"code\":\"L\",\"costPoolId\":\"" + ownTowers.getFirst() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("costPoolId"));
        addLine(org, "\"code\":\"L\",\"ownerId\":\"" + stranger.cio().accountId() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("ownerId"));
        addLine(org, "\"code\":\"L\",\"ownerId\":\"" + UUID.randomUUID() + "\"").andExpect(status().isBadRequest()).andExpect(namesField("ownerId"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        assertThat(lineCodes(org)).containsExactly("UNALLOCATED");
        // Nor does the stranger's department show up in the organization that tried to use it.
        mvc.perform(as(org.cio(), get(api.base() + "/budgets/2026/lines").param("departmentId", strangersDepartment)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void changesNeedTheCurrentVersion() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"IT-01\",\"amount\":1000");
        String lineVersion = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line))).andReturn().getResponse().getHeader("ETag");
        String budgetVersion = mvc.perform(as(org.cio(), get(api.base() + "/budgets/2026"))).andReturn().getResponse().getHeader("ETag");
        long audit = lastAuditSeq(mvc, org);

        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"New\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(problem());
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"New\"}").header("If-Match", "\"99\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(problem());
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"New\"}").header("If-Match", "soon"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("If-Match"));
        mvc.perform(as(org.cio(), put(api.base() + "/budgets/2026"), "{\"name\":\"New\",\"warnPercent\":85}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), put(api.base() + "/budgets/2026"), "{\"name\":\"New\",\"warnPercent\":85}").header("If-Match", "\"99\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), put(api.base() + "/budgets/2026"), "{\"name\":\"New\",\"warnPercent\":85.123}").header("If-Match", budgetVersion))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("warnPercent"));
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"code\":\"IT-02\",\"description\":\"New\"}")
                        .header("If-Match", lineVersion))
                .andExpect(status().isConflict())
                .andExpect(namesField("code"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);

        // With the current version the change goes through, and the old version is stale from then on.
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"New\"}").header("If-Match", lineVersion))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", not(lineVersion)));
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"Newer\"}").header("If-Match", lineVersion))
                .andExpect(status().isPreconditionFailed());
        assertThat(api.<String>lineField(line, "$.description")).isEqualTo("New");
    }

    @Test
    void anApprovedBudgetsPlanChangesOnlyThroughRevisions() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"IT-01\",\"amount\":1200");
        api.approve(2026, fixtures.member(org, Role.EXECUTIVE));
        String version = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line))).andReturn().getResponse().getHeader("ETag");
        long audit = lastAuditSeq(mvc, org);

        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"Line\",\"amount\":2400}")
                        .header("If-Match", version))
                .andExpect(status().isConflict())
                .andExpect(namesField("status"));
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"Line\",\"months\":" + months("100", 12) + "}")
                        .header("If-Match", version))
                .andExpect(status().isConflict())
                .andExpect(namesField("status"));
        addLine(org, "\"code\":\"IT-02\",\"amount\":5").andExpect(status().isConflict()).andExpect(namesField("status"));
        mvc.perform(as(org.cio(), post(api.base() + "/budgets/2026/submit"))).andExpect(status().isConflict()).andExpect(namesField("status"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        assertThat(api.<Double>lineField(line, "$.plan")).isEqualTo(1200.00);

        // What the line is for may still change.
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"Laptops\",\"policy\":\"BLOCK\"}")
                        .header("If-Match", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value(1200.00))
                .andExpect(jsonPath("$.policy").value("BLOCK"));
    }

    @Test
    void actualsByHandAreCheckedToo() throws Exception {
        var org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2026);
        UUID line = api.line(2026, "\"code\":\"IT-01\",\"amount\":1200");
        long audit = lastAuditSeq(mvc, org);

        actual(org, "{\"amount\":10,\"date\":\"2026-02-01\"}").andExpect(status().isBadRequest()).andExpect(namesField("lineId"));
        mvc.perform(as(org.cio(), post(api.base() + "/actuals"), "{\"lineId\":\"" + line + "\",\"amount\":10,\"date\":\"2026-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("description"));
        actual(org, "{\"lineId\":\"" + line + "\",\"amount\":10}").andExpect(status().isBadRequest()).andExpect(namesField("date"));
        actual(org, "{\"lineId\":\"" + line + "\",\"amount\":10,\"date\":\"2027-01-01\"}").andExpect(status().isBadRequest()).andExpect(namesField("date"));
        actual(org, "{\"lineId\":\"" + line + "\",\"amount\":10,\"date\":\"2026-02-30\"}").andExpect(status().isBadRequest()).andExpect(namesField("date"));
        actual(org, "{\"lineId\":\"" + line + "\",\"amount\":0,\"date\":\"2026-02-01\"}").andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        actual(org, "{\"lineId\":\"" + line + "\",\"date\":\"2026-02-01\"}").andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        actual(org, "{\"lineId\":\"" + UUID.randomUUID() + "\",\"amount\":10,\"date\":\"2026-02-01\"}").andExpect(status().isNotFound());
        mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line + "/check").param("amount", "lots")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("amount"));
        mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line + "/check"))).andExpect(status().isBadRequest()).andExpect(namesField("amount"));
        mvc.perform(as(org.cio(), get(api.base() + "/budgets/next-year"))).andExpect(status().isNotFound()).andExpect(problem());
        mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/42"))).andExpect(status().isNotFound()).andExpect(problem());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        assertThat(api.<Double>lineField(line, "$.actual")).isEqualTo(0.0);
    }

    private ResultActions createBudget(Org org, String json) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/budgets"), json));
    }

    private ResultActions addLine(Org org, String json) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/budgets/2026/lines"), "{\"description\":\"Line\"," + json + "}"));
    }

    private ResultActions actual(Org org, String json) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/actuals"), json.replaceFirst("\\{", "{\"description\":\"Cables\",")));
    }

    private List<String> lineCodes(Org org) throws Exception {
        return read(mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/budgets/2026/lines"))).andExpect(status().isOk()), "$[*].code");
    }

    private static String months(String value, int count) {
        return "[" + String.join(",", java.util.Collections.nCopies(count, value)) + "]";
    }
}

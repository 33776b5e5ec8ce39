package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ApprovalPolicyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void untilAVersionIsPublishedTheBuiltInDefaultDecides() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        var cfo = fixtures.member(org, Role.EXECUTIVE);
        var employee = fixtures.member(org, Role.EMPLOYEE);

        mvc.perform(as(manager, get(policies(org) + "/in-force")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.builtIn").value(true))
                .andExpect(jsonPath("$.versionNumber").value(0))
                .andExpect(jsonPath("$.rules[*].name", contains("IT manager", "CIO", "Executive")));

        mvc.perform(as(manager, get(policies(org) + "/preview"))
                        .param("amount", "60000")
                        .param("requesterId", employee.accountId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", contains("IT manager", "CIO", "Executive")))
                .andExpect(jsonPath("$[0].approvers[0].accountId").value(manager.accountId().toString()))
                .andExpect(jsonPath("$[1].approvers[0].accountId").value(org.cio().accountId().toString()))
                .andExpect(jsonPath("$[2].approvers[0].name").value(cfo.name()));
        // The manager's own request of 500 goes to the CIO instead of to themselves.
        mvc.perform(as(manager, get(policies(org) + "/preview")).param("amount", "500"))
                .andExpect(jsonPath("$[0].approvers[0].accountId").value(org.cio().accountId().toString()))
                .andExpect(jsonPath("$[0].fallback").value(true));
    }

    @Test
    void aCioDraftsTriesAndPublishesAVersionThatThenNeverChanges() throws Exception {
        var org = fixtures.organization();
        var head = fixtures.member(org, Role.IT_MANAGER, null, new BigDecimal("20000"));
        var employee = fixtures.member(org, Role.EMPLOYEE);
        String dept = read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"),
                "{\"code\":\"OPS\",\"name\":\"Operations\",\"headAccountId\":\"" + head.accountId() + "\"}")), "$.id");
        long seq = lastAuditSeq(mvc, org);

        String body = "{\"note\":\"Heads approve within their limit\",\"rules\":["
                + "{\"stage\":1,\"name\":\"Chain\",\"approverKind\":\"LIMIT_CHAIN\",\"mode\":\"ANY\"},"
                + "{\"stage\":2,\"name\":\"Big CapEx\",\"amountAbove\":100000,\"expenseType\":\"CAPEX\","
                + "\"approverKind\":\"ROLE\",\"approverRole\":\"EXECUTIVE\",\"mode\":\"ALL\"}]}";
        ResultActions created = mvc.perform(as(org.cio(), post(policies(org)), body))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.versionNumber").value(1))
                .andExpect(jsonPath("$.rules[1].mode").value("ALL"));
        String id = read(created, "$.id");
        assertThat(lastAuditSeq(mvc, org)).isGreaterThan(seq);

        // Trying the draft out on a request from the department.
        mvc.perform(as(org.cio(), get(policies(org) + "/preview"))
                        .param("policyId", id)
                        .param("amount", "15000")
                        .param("departmentId", dept)
                        .param("requesterId", employee.accountId().toString()))
                .andExpect(jsonPath("$[*].name", contains("Chain")))
                .andExpect(jsonPath("$[0].approvers[0].accountId").value(head.accountId().toString()));
        // The draft is not in force yet.
        mvc.perform(as(org.cio(), get(policies(org) + "/in-force"))).andExpect(jsonPath("$.builtIn").value(true));

        // Changing a draft needs its version.
        mvc.perform(as(org.cio(), put(policies(org) + "/" + id), body)).andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), put(policies(org) + "/" + id), body).header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), put(policies(org) + "/" + id), body).header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));

        mvc.perform(as(org.cio(), post(policies(org) + "/" + id + "/publish"), "{\"reason\":\"Agreed with the CFO\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.inForce").value(true))
                .andExpect(jsonPath("$.publishedBy").value(org.cio().name()));
        mvc.perform(as(org.cio(), get(policies(org) + "/in-force")))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.rules[*].name", contains("Chain", "Big CapEx")));

        // Published means fixed: no change, no discard, no second publication.
        long before = lastAuditSeq(mvc, org);
        mvc.perform(as(org.cio(), put(policies(org) + "/" + id), body).header("If-Match", "\"2\""))
                .andExpect(status().isConflict())
                .andExpect(problem());
        mvc.perform(as(org.cio(), post(policies(org) + "/" + id + "/discard"), "{}")).andExpect(status().isConflict());
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(before);
    }

    @Test
    void aVersionTakesOverOnItsEffectiveDateAndADraftIsOneAtATime() throws Exception {
        var org = fixtures.organization();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String v1 = publish(org, today, "CIO only", "CIO");
        String v2 = publish(org, today.plusDays(10), "Executive only", "EXECUTIVE");

        mvc.perform(as(org.cio(), get(policies(org) + "/in-force"))).andExpect(jsonPath("$.id").value(v1));
        mvc.perform(as(org.cio(), get(policies(org) + "/in-force")).param("date", today.plusDays(10).toString()))
                .andExpect(jsonPath("$.id").value(v2));
        mvc.perform(as(org.cio(), get(policies(org))))
                .andExpect(jsonPath("$[*].versionNumber", contains(2, 1)))
                .andExpect(jsonPath("$[*].inForce", contains(false, true)));

        mvc.perform(as(org.cio(), post(policies(org)), "{}")).andExpect(status().isCreated());
        mvc.perform(as(org.cio(), post(policies(org)), "{}"))
                .andExpect(status().isConflict())
                .andExpect(problem());
        // A past effective date would rewrite what was already submitted.
        mvc.perform(as(org.cio(), post(policies(org) + "/" + v1 + "/discard"), "{}")).andExpect(status().isConflict());
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        var org = fixtures.organization();
        var other = fixtures.organization();
        var stranger = fixtures.member(other, Role.IT_MANAGER);
        String otherDept = read(mvc.perform(as(other.cio(), post("/api/v1/orgs/" + other.slug() + "/departments"),
                "{\"code\":\"X\",\"name\":\"Elsewhere\"}")), "$.id");
        long seq = lastAuditSeq(mvc, org);

        String rule = "{\"stage\":1,\"name\":\"R\",\"approverKind\":\"ROLE\",\"approverRole\":\"CIO\",\"mode\":\"ANY\"";
        for (var bad : List.of(
                List.of("{\"rules\":[]}", "rules"),
                List.of("{\"rules\":[{\"stage\":0,\"name\":\"R\",\"approverKind\":\"ROLE\",\"approverRole\":\"CIO\",\"mode\":\"ANY\"}]}", "rules[0].stage"),
                List.of("{\"rules\":[" + rule + ",\"name\":\"\"}]}".replace(",\"name\":\"R\"", ""), "rules[0].name"),
                List.of("{\"rules\":[{\"stage\":1,\"name\":\"R\",\"approverKind\":\"ROLE\",\"approverRole\":\"AUDITOR\",\"mode\":\"ANY\"}]}", "rules[0].approverRole"),
                List.of("{\"rules\":[" + rule + ",\"amountAbove\":500,\"amountUpTo\":100}]}", "rules[0].amountUpTo"),
                List.of("{\"rules\":[" + rule + ",\"amountAbove\":-1}]}", "rules[0].amountAbove"),
                List.of("{\"rules\":[" + rule + ",\"departmentId\":\"" + otherDept + "\"}]}", "rules[0].departmentId"),
                List.of("{\"rules\":[" + rule + ",\"categoryIds\":[\"" + otherDept + "\"]}]}", "rules[0].categoryIds"),
                List.of("{\"rules\":[{\"stage\":1,\"name\":\"R\",\"approverKind\":\"PERSON\",\"approverId\":\""
                        + stranger.accountId() + "\",\"mode\":\"ANY\"}]}", "rules[0].approverId"),
                List.of("{\"rules\":[{\"stage\":1,\"name\":\"R\",\"approverKind\":\"PERSON\",\"mode\":\"ANY\"}]}", "rules[0].approverId"),
                List.of("{\"effectiveFrom\":\"2001-01-01\",\"rules\":[" + rule + "}]}", "effectiveFrom"))) {
            mvc.perform(as(org.cio(), post(policies(org)), bad.get(0)))
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField(bad.get(1)));
        }
        mvc.perform(as(org.cio(), post(policies(org)), "{\"rules\":[{\"stage\":1,\"name\":\"R\",\"approverKind\":\"BOSS\",\"mode\":\"ANY\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem());
        mvc.perform(as(org.cio(), get(policies(org) + "/preview")).param("amount", "-5")).andExpect(namesField("amount"));
        mvc.perform(as(org.cio(), get(policies(org) + "/preview")).param("amount", "5").param("departmentId", otherDept))
                .andExpect(namesField("departmentId"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get(policies(org)))).andExpect(jsonPath("$[*].builtIn", contains(true)));
    }

    private String publish(Org org, LocalDate from, String name, String role) throws Exception {
        String id = read(mvc.perform(as(org.cio(), post(policies(org)), "{\"effectiveFrom\":\"" + from + "\",\"rules\":[{\"stage\":1,\"name\":\""
                        + name + "\",\"approverKind\":\"ROLE\",\"approverRole\":\"" + role + "\",\"mode\":\"ANY\"}]}"))
                .andExpect(status().isCreated()), "$.id");
        mvc.perform(as(org.cio(), post(policies(org) + "/" + id + "/publish"), "{}")).andExpect(status().isOk());
        return id;
    }

    private static String policies(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/approval-policies";
    }
}

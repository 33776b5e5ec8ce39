package org.opencio.procurement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.procurement.ApprovalPolicyManagement;
import org.opencio.procurement.PolicyStatus;
import org.opencio.procurement.PolicyView;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The approval policy pages: the policy in force with its preview, and a CIO editing, publishing a draft. */
@IntegrationTest
class ApprovalPolicyPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ApprovalPolicyManagement policies;

    @Test
    void theCioStartsADraftEditsItsRulesAsRowsAndPublishesIt() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String base = "/o/" + org.slug();

        Document overview = page(org.cio(), base + "/approval-policy");
        assertThat(overview.select("h1").text()).isEqualTo("Approval policy");
        assertThat(overview.select("#h-in-force").text()).contains("Built-in default");
        assertThat(overview.select(".policy-rules tbody tr")).hasSize(3);
        // The IT manager reads it but has no button to change it.
        Document managersView = page(manager, base + "/approval-policy");
        assertThat(managersView.select("form[action$=/approval-policies]")).isEmpty();

        String location = as(org.cio(), post(base + "/approval-policies"))
                .andExpect(redirectedUrlPattern(base + "/approval-policies/*"))
                .andReturn().getResponse().getRedirectedUrl();
        Document draft = page(org.cio(), location);
        assertThat(draft.select("fieldset.rule-card")).hasSize(3 + ApprovalPolicyWebController.BLANK_ROWS);
        assertThat(draft.select("#r1-name").val()).isEqualTo("CIO");

        // Rows 0 and 2 kept (row 2 changed), row 1 emptied, a new rule in the first blank row; an error in it first.
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        java.util.function.Function<String, MockHttpServletRequestBuilder> save = amount -> post(location)
                .param("version", "0")
                .param("effectiveFrom", today)
                .param("note", "Stricter for hardware")
                .param("rules[0].stage", "1").param("rules[0].name", "IT manager").param("rules[0].approverKind", "ROLE")
                .param("rules[0].approverRole", "IT_MANAGER").param("rules[0].mode", "ANY")
                .param("rules[1].stage", "").param("rules[1].name", "")
                .param("rules[2].stage", "3").param("rules[2].name", "Executive").param("rules[2].amountAbove", "25,000")
                .param("rules[2].approverKind", "ROLE").param("rules[2].approverRole", "EXECUTIVE").param("rules[2].mode", "ALL")
                .param("rules[3].stage", "2").param("rules[3].name", "Department head").param("rules[3].amountAbove", amount)
                .param("rules[3].approverKind", "DEPARTMENT_HEAD").param("rules[3].mode", "ANY");
        Document refused = Jsoup.parse(as(org.cio(), save.apply("lots")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#r3-above + p.error").text()).isEqualTo("“lots” is not an amount");
        assertThat(refused.select("#r3-name").val()).isEqualTo("Department head");

        as(org.cio(), save.apply("500")).andExpect(redirectedUrl(location));
        PolicyView saved = fixtures.as(org.cio(), () -> policies.versions().getFirst());
        assertThat(saved.rules()).extracting(r -> r.name()).containsExactly("IT manager", "Executive", "Department head");
        assertThat(saved.rules().get(1).amountAbove()).isEqualByComparingTo("25000");

        // A service error is shown next to the row it came from, though the blank row 1 was skipped.
        Document badRole = Jsoup.parse(as(org.cio(), post(location).param("version", "1").param("effectiveFrom", today)
                        .param("rules[0].stage", "").param("rules[0].name", "")
                        .param("rules[1].stage", "1").param("rules[1].name", "Auditors").param("rules[1].approverKind", "ROLE")
                        .param("rules[1].approverRole", "AUDITOR").param("rules[1].mode", "ANY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(badRole.select("#r1-role ~ p.error").text()).contains("auditors do not approve");

        as(org.cio(), post(location + "/publish").param("reason", "Board decision"))
                .andExpect(redirectedUrl(base + "/approval-policy"));
        Document after = page(org.cio(), base + "/approval-policy");
        assertThat(after.select("#h-in-force").text()).contains("Version 1");
        assertThat(after.select(".policy-rules tbody tr")).hasSize(3);
        assertThat(fixtures.as(org.cio(), () -> policies.versions().getFirst().status())).isEqualTo(PolicyStatus.PUBLISHED);
        // A published version is shown read-only.
        assertThat(page(org.cio(), location).select("fieldset.rule-card")).isEmpty();
    }

    @Test
    void thePreviewShowsTheStepsAndEmployeesDoNotSeeThePolicy() throws Exception {
        Org org = fixtures.organization();
        fixtures.member(org, Role.IT_MANAGER);
        fixtures.member(org, Role.EXECUTIVE);
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String base = "/o/" + org.slug();

        Document preview = page(org.cio(), base + "/approval-policy?amount=60,000&requesterId=" + employee.accountId() + "&expenseType=CAPEX");
        assertThat(preview.select("ol.steps > li strong").eachText()).containsExactly("IT manager", "CIO", "Executive");
        Document bad = page(org.cio(), base + "/approval-policy?amount=many");
        assertThat(bad.select("#f-amount-note").text()).contains("not a number");

        as(employee, get(base + "/approval-policy")).andExpect(status().isForbidden());
        as(fixtures.member(org, Role.IT_MANAGER), post(base + "/approval-policies")).andExpect(status().isForbidden());
    }

    private ResultActions as(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }

    private Document page(Person person, String path) throws Exception {
        return Jsoup.parse(as(person, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}

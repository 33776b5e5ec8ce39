package org.opencio.procurement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class ApprovalDelegationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void anApproverDelegatesFromThePageSeesItListedAndRevokesIt() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        String page = "/o/" + org.slug() + "/approval-delegations";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

        Document empty = page(manager, page);
        assertThat(empty.text()).contains("No delegations.");
        assertThat(empty.select("#f-delegatorId")).as("only a CIO delegates for others").isEmpty();

        Document refused = Jsoup.parse(as(manager, post(page).param("delegateId", staff.accountId().toString())
                        .param("startsOn", today.plusDays(3).toString()).param("endsOn", today.plusDays(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#f-endsOn-note").text()).contains("must not be before");

        as(manager, post(page).param("delegateId", staff.accountId().toString())
                        .param("startsOn", today.toString()).param("endsOn", today.plusDays(4).toString()).param("reason", "Conference"))
                .andExpect(redirectedUrl(page));
        Document listed = page(staff, page);
        assertThat(listed.select("table.data tbody tr td").eachText()).contains(manager.name(), staff.name(), "Conference", "Active today");
        assertThat(listed.select("form[action$=/revoke]")).as("the delegate cannot revoke").isEmpty();

        Document mine = page(manager, page);
        as(manager, post(mine.select("form[action$=/revoke]").attr("action")))
                .andExpect(redirectedUrl(page));
        assertThat(page(manager, page).select("table.data tbody tr td").eachText()).contains("Revoked");

        // Employees approve nothing: they see the page but no form.
        assertThat(page(fixtures.member(org, Role.EMPLOYEE), page).select("form[action$=/approval-delegations]")).isEmpty();
    }

    private ResultActions as(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }

    private Document page(Person person, String path) throws Exception {
        return Jsoup.parse(as(person, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}

package org.opencio.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.support.IntegrationTest;
import org.opencio.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without a mail server, the inviter is shown the link once, to pass on; the invitee joins through its page. */
@IntegrationTest
class InvitationLinkIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void withoutAMailServerTheAnswerCarriesTheLink() throws Exception {
        var org = fixtures.organization();
        String email = OrgFixtures.unique("linked") + "@example.test";

        var sent = mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations"),
                        "{\"email\": \"" + email + "\", \"role\": \"EMPLOYEE\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.emailed").value(false))
                .andExpect(jsonPath("$.acceptUrl", startsWith("http://localhost:8080/invitations/inv_")));
        String url = read(sent, "$.acceptUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);

        mvc.perform(post("/api/v1/invitations/accept")
                        .contentType("application/json")
                        .content("{\"token\": \"" + token + "\", \"displayName\": \"Linda Link\", \"password\": \"a-long-enough-password\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgSlug").value(org.slug()));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members")))
                .andExpect(jsonPath("$.items[*].email", hasItem(email)));
    }

    @Test
    void theInvitePageShowsTheLinkOnceAndTheInvitationPageAcceptsIt() throws Exception {
        var org = fixtures.organization();
        String email = OrgFixtures.unique("paged") + "@example.test";

        var sentPage = mvc.perform(post("/o/" + org.slug() + "/invitations").with(user(org.cio().principal())).with(csrf())
                        .param("email", email)
                        .param("role", "IT_STAFF")
                        .param("departmentId", "")
                        .param("approvalLimit", "250.50"))
                .andExpect(status().isOk())
                .andReturn();
        String url = Jsoup.parse(sentPage.getResponse().getContentAsString()).select("#invite-link").attr("value");
        assertThat(url).startsWith("http://localhost:8080/invitations/");
        String path = url.substring("http://localhost:8080".length());

        Document invitation = Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(invitation.select("h1").text()).contains(org.name());
        assertThat(invitation.select("#f-email").attr("value")).isEqualTo(email);

        // A password that is too short is shown next to its field, and nobody joins.
        long seq = lastAuditSeq(mvc, org);
        Document refused = Jsoup.parse(mvc.perform(post(path).with(csrf())
                        .param("displayName", "Paula Page")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("#f-password-note.error").text()).contains("at least 10 characters");
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members")))
                .andExpect(jsonPath("$.items[*].email", not(hasItem(email))));

        mvc.perform(post(path).with(csrf())
                        .param("displayName", "Paula Page")
                        .param("password", "a-long-enough-password"))
                .andExpect(redirectedUrl("/login?joined"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members").param("role", "IT_STAFF")))
                .andExpect(jsonPath("$.items[0].email").value(email))
                .andExpect(jsonPath("$.items[0].approvalLimit").value(250.5));
        Pages.signIn(mvc, email, "a-long-enough-password");
    }
}

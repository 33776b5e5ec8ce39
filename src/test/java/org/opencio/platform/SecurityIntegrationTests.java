package org.opencio.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class SecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveFailedSignInsLockTheEmailEvenAgainstTheRightPassword() throws Exception {
        var org = fixtures.organization();
        var person = fixtures.member(org, Role.EMPLOYEE);
        var bystander = fixtures.member(org, Role.EMPLOYEE);

        for (int i = 0; i < 5; i++) {
            assertThat(Pages.login(mvc, person.email(), "wrong-password-" + i).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        assertThat(Pages.login(mvc, person.email(), OrgFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        // The same email in other letter case is the same person.
        assertThat(Pages.login(mvc, person.email().toUpperCase(), OrgFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many failed attempts")));

        // Someone else signs in as usual.
        Pages.signIn(mvc, bystander.email(), OrgFixtures.PASSWORD);
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
        var person = fixtures.member(fixtures.organization(), Role.EMPLOYEE);
        for (int i = 0; i < 4; i++) {
            Pages.login(mvc, person.email(), "wrong-password");
        }
        Pages.signIn(mvc, person.email(), OrgFixtures.PASSWORD);
        for (int i = 0; i < 4; i++) {
            Pages.login(mvc, person.email(), "wrong-password");
        }
        Pages.signIn(mvc, person.email(), OrgFixtures.PASSWORD);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var org = fixtures.organization();
        Cookie session = Pages.signIn(mvc, org.cio().email(), OrgFixtures.PASSWORD);
        mvc.perform(get("/o/" + org.slug()).cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        mvc.perform(get("/o/" + org.slug()).cookie(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aWrongCurrentPasswordIsShownNextToItsFieldAndTheNewPasswordWorksNextTime() throws Exception {
        var person = fixtures.member(fixtures.organization(), Role.IT_STAFF);
        Cookie session = Pages.signIn(mvc, person.email(), OrgFixtures.PASSWORD);
        String newPassword = "a-much-better-passphrase";

        MvcResult wrong = mvc.perform(post("/profile/password").cookie(session).with(csrf())
                        .param("currentPassword", "not-my-password")
                        .param("newPassword", newPassword))
                .andExpect(status().isOk())
                .andReturn();
        Document page = Jsoup.parse(wrong.getResponse().getContentAsString());
        assertThat(page.select("#f-currentPassword").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#f-currentPassword-note.error").text()).contains("current password is not correct");
        assertThat(page.select("#f-newPassword").attr("aria-invalid")).isNotEqualTo("true");

        MvcResult tooShort = mvc.perform(post("/profile/password").cookie(session).with(csrf())
                        .param("currentPassword", OrgFixtures.PASSWORD)
                        .param("newPassword", "short"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(Jsoup.parse(tooShort.getResponse().getContentAsString()).select("#f-newPassword-note.error").text())
                .contains("at least 10 characters");
        assertThat(Pages.login(mvc, person.email(), "short").getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        mvc.perform(post("/profile/password").cookie(session).with(csrf())
                        .param("currentPassword", OrgFixtures.PASSWORD)
                        .param("newPassword", newPassword))
                .andExpect(redirectedUrl("/profile"));

        assertThat(Pages.login(mvc, person.email(), OrgFixtures.PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        Pages.signIn(mvc, person.email(), newPassword);
    }

    @Test
    void pageFormsNeedTheCsrfToken() throws Exception {
        var org = fixtures.organization();
        Cookie session = Pages.signIn(mvc, org.cio().email(), OrgFixtures.PASSWORD);
        long seq = lastAuditSeq(mvc, org);

        mvc.perform(post("/o/" + org.slug() + "/departments").cookie(session)
                        .param("code", "IT")
                        .param("name", "IT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/o/" + org.slug() + "/departments").cookie(session).with(csrf().useInvalidToken())
                        .param("code", "IT")
                        .param("name", "IT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").cookie(session)).andExpect(status().isForbidden());
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);

        mvc.perform(post("/o/" + org.slug() + "/departments").cookie(session).with(csrf())
                        .param("code", "IT")
                        .param("name", "IT"))
                .andExpect(redirectedUrl("/o/" + org.slug() + "/departments"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq + 1);
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndFramingRules() throws Exception {
        var org = fixtures.organization();
        Cookie session = Pages.signIn(mvc, org.cio().email(), OrgFixtures.PASSWORD);

        for (String path : new String[] {"/login", "/o/" + org.slug()}) {
            mvc.perform(get(path).cookie(session))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
    }

    @Test
    void theApiSendsSecurityHeadersToo() throws Exception {
        var org = fixtures.organization();
        mvc.perform(as(org.cio(), get("/api/v1/me")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", startsWith("default-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Security-Policy", startsWith("default-src 'none'")));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var person = fixtures.member(fixtures.organization(), Role.EMPLOYEE);
        MvcResult login = Pages.login(mvc, person.email(), OrgFixtures.PASSWORD);

        Cookie session = login.getResponse().getCookie(Pages.SESSION_COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(login.getResponse().getHeaders("Set-Cookie"))
                .filteredOn(c -> c.startsWith(Pages.SESSION_COOKIE + "="))
                .singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aRevokedTokenNoLongerOpensTheApi() throws Exception {
        var org = fixtures.organization();
        var created = mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/tokens"), "{\"name\": \"backup script\"}"))
                .andExpect(status().isCreated());
        String secret = read(created, "$.secret");
        String id = read(created, "$.token.id");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/tokens/" + id + "/revoke")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").exists());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(problem())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:unauthenticated"));
        mvc.perform(get("/api/v1/orgs/" + org.slug() + "/departments").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        // The owner's other tokens still work.
        mvc.perform(as(org.cio(), get("/api/v1/me"))).andExpect(status().isOk());
    }

    @Test
    void anExpiredOrUnknownTokenIsUnauthenticated() throws Exception {
        var org = fixtures.organization();
        var created = mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/tokens"),
                        "{\"name\": \"short-lived\", \"expiresInDays\": 1}"))
                .andExpect(status().isCreated());
        String secret = read(created, "$.secret");
        UUID id = UUID.fromString(read(created, "$.token.id"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        jdbc.sql("update access_tokens set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id)
                .update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(problem());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ocio_made-up-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(problem());
    }

    @Test
    void healthProbesAreOpenAndMetricsAreForPlatformAdministrators() throws Exception {
        Org org = fixtures.organization();
        Person admin = fixtures.platformAdmin();

        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized()).andExpect(problem());
        mvc.perform(as(org.cio(), get("/actuator/prometheus"))).andExpect(status().isForbidden()).andExpect(problem());
        mvc.perform(as(admin, get("/actuator/prometheus")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}

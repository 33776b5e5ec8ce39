package org.opencio.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opencio.platform.security.TokenHashing;
import org.opencio.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The first start of an installation. Both cases need a database without any account, which the shared test database
 * never is, so each runs in its own context on its own in-memory H2 database. That holds even when CI runs the rest of
 * the suite on PostgreSQL: what is tested here is the first-run logic, not the database.
 */
class SetupAndBootstrapIntegrationTests {

    private static final String H2 = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** The one-time token of the setup link, which the application only prints to its log. */
    private static String setupToken(Setup setup) {
        Object target = AopTestUtils.getTargetObject(setup);
        return (String) ReflectionTestUtils.getField(target, "setupToken");
    }

    /** Without bootstrap settings, the setup link printed in the log creates the administrator and organization. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:firstrun" + H2,
                "spring.datasource.username=sa",
                "spring.datasource.password="
            })
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    class FirstRun {

        @Autowired
        MockMvc mvc;

        @Autowired
        Setup setup;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theSetupPageIsHiddenWithoutTheLoggedLink() throws Exception {
            long before = accounts();
            mvc.perform(get("/setup")).andExpect(status().isNotFound());
            mvc.perform(get("/setup").param("token", "guessed")).andExpect(status().isNotFound());
            mvc.perform(setupForm("guessed", "admin@example.test", "a-long-enough-password", "acme"))
                    .andExpect(status().isNotFound());
            assertThat(accounts()).isEqualTo(before);
        }

        @Test
        void theLoggedLinkCreatesTheAdministratorAndOrganizationOnce() throws Exception {
            String token = setupToken(setup);
            assertThat(token).isNotBlank();
            mvc.perform(get("/login"))
                    .andExpect(content().string(containsString("has not been set up yet")));
            mvc.perform(get("/setup").param("token", token))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Set up OpenCIO")));

            // Every mistake is shown next to its field at once, and nothing is created.
            Document refused = Jsoup.parse(mvc.perform(setupForm(token, "admin@example.test", "short", "Not A Slug"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(refused.select("#f-password-note.error").text()).contains("at least 10 characters");
            assertThat(refused.select("#f-orgSlug-note.error").text()).contains("lower-case");
            assertThat(refused.select("#f-orgName").attr("value")).isEqualTo("Acme Manufacturing");
            assertThat(accounts()).isZero();

            mvc.perform(setupForm(token, "Admin@Example.test", "a-long-enough-password", "acme"))
                    .andExpect(redirectedUrl("/login?setup"));

            List<Map<String, Object>> admins = jdbc.sql("select email, platform_admin from accounts").query().listOfRows();
            assertThat(admins).singleElement().satisfies(a -> {
                assertThat(a.get("email")).isEqualTo("admin@example.test");
                assertThat(a.get("platform_admin")).isEqualTo(true);
            });
            assertThat(jdbc.sql("select m.role from memberships m join organizations o on o.id = m.org_id where o.slug = 'acme'")
                            .query(String.class)
                            .list())
                    .containsExactly("CIO");

            // The link worked once.
            mvc.perform(get("/setup").param("token", token)).andExpect(status().isNotFound());
            mvc.perform(setupForm(token, "second@example.test", "a-long-enough-password", "second"))
                    .andExpect(status().isNotFound());
            assertThat(accounts()).isEqualTo(1);
            mvc.perform(get("/login"))
                    .andExpect(content().string(not(containsString("has not been set up yet"))));

            Cookie session = Pages.signIn(mvc, "admin@example.test", "a-long-enough-password");
            mvc.perform(get("/o/acme/settings").cookie(session)).andExpect(status().isOk());
            mvc.perform(get("/admin/organizations/new").cookie(session)).andExpect(status().isOk());
        }

        private MockHttpServletRequestBuilder setupForm(String token, String email, String password, String slug) {
            return post("/setup")
                    .with(csrf())
                    .param("token", token)
                    .param("email", email)
                    .param("displayName", "Ada Admin")
                    .param("password", password)
                    .param("orgName", "Acme Manufacturing")
                    .param("orgSlug", slug)
                    .param("baseCurrency", "EUR")
                    .param("timeZone", "Europe/Berlin")
                    .param("locale", "de-DE")
                    .param("fiscalYearStartMonth", "4");
        }

        private long accounts() {
            return jdbc.sql("select count(*) from accounts").query(Long.class).single();
        }
    }

    /** With bootstrap settings, the first start creates the administrator, organization and API token unattended. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "spring.datasource.url=jdbc:h2:mem:bootstrap" + H2,
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "opencio.bootstrap.admin-email=" + Bootstrap.EMAIL,
                "opencio.bootstrap.admin-password=" + Bootstrap.PASSWORD,
                "opencio.bootstrap.org-name=Acme Manufacturing GmbH",
                "opencio.bootstrap.api-token=" + Bootstrap.TOKEN
            })
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    class Bootstrap {

        static final String EMAIL = "ops@acme.example";
        static final String PASSWORD = "bootstrap-password-1";
        static final String TOKEN = "ocio_bootstrap-token-chosen-by-the-operator";

        @Autowired
        MockMvc mvc;

        @Autowired
        Setup setup;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theAdministratorIsCioOfTheNewOrganizationAndTheTokenWorks() throws Exception {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + TOKEN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.email").value(EMAIL))
                    .andExpect(jsonPath("$.platformAdmin").value(true))
                    .andExpect(jsonPath("$.organizations.length()").value(1))
                    .andExpect(jsonPath("$.organizations[0].slug").value("acme-manufacturing-gmbh"))
                    .andExpect(jsonPath("$.organizations[0].name").value("Acme Manufacturing GmbH"))
                    .andExpect(jsonPath("$.organizations[0].role").value("CIO"));
            mvc.perform(get("/api/v1/orgs/acme-manufacturing-gmbh/members").header("Authorization", "Bearer " + TOKEN))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].email").value(EMAIL));
            Pages.signIn(mvc, EMAIL, PASSWORD);
        }

        @Test
        void theTokenIsStoredOnlyAsItsHash() {
            List<Map<String, Object>> tokens = jdbc.sql("select name, token_prefix, token_hash from access_tokens")
                    .query()
                    .listOfRows();
            assertThat(tokens).singleElement().satisfies(t -> {
                assertThat(t.get("token_hash")).isEqualTo(TokenHashing.sha256(TOKEN));
                assertThat(t.values()).doesNotContain(TOKEN);
                assertThat(TOKEN).startsWith((String) t.get("token_prefix")).isNotEqualTo(t.get("token_prefix"));
            });
        }

        @Test
        void noSetupLinkIsOffered() throws Exception {
            assertThat(setup.needed()).isFalse();
            assertThat(setupToken(setup)).isNull();
            mvc.perform(get("/setup")).andExpect(status().isNotFound());
            mvc.perform(get("/login")).andExpect(content().string(not(containsString("has not been set up yet"))));
        }
    }
}

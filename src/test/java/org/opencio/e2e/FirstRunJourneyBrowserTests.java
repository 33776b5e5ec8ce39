package org.opencio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencio.organization.Setup;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The first hour of a new installation, in a real browser: an administrator finishes the setup, signs in, adds a
 * department, invites a colleague who accepts in a browser of her own, creates a second organization, switches between
 * the two, and finds every one of these changes in the audit trail, whose hash chain verifies.
 *
 * <p>The app runs on an empty in-memory database of its own, whatever database the rest of the suite uses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-journey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "opencio.base-url=" + FirstRunJourneyBrowserTests.PUBLIC_URL,
            "opencio.demo.enabled=false",
            // Selenium warns that it has no DevTools bindings for this Chromium; the journeys do not need them.
            "logging.level.org.openqa.selenium=error"
        })
@ActiveProfiles("test")
class FirstRunJourneyBrowserTests {

    /** The address the app believes it is reached at; links it shows are re-pointed at the test server. */
    static final String PUBLIC_URL = "http://opencio.invalid";

    private static final String ADMIN_NAME = "Ada Lovelace";
    private static final String ADMIN_EMAIL = "ada@northwind.example";
    private static final String ADMIN_PASSWORD = "analytical-engine-1843";
    private static final String ORG = "Northwind Traders";
    private static final String ORG_SLUG = "northwind";
    private static final String SECOND_ORG = "Contoso Health";
    private static final String SECOND_ORG_SLUG = "contoso-health";
    private static final String COLLEAGUE_NAME = "Grace Hopper";
    private static final String COLLEAGUE_EMAIL = "grace@northwind.example";
    private static final String COLLEAGUE_PASSWORD = "compilers-since-1952";

    @LocalServerPort
    int port;

    @Autowired
    Setup setup;

    private final List<Browser> browsers = new ArrayList<>();

    /** Checked before the app starts, and reported as a skipped (or, in CI, failed) test rather than none at all. */
    FirstRunJourneyBrowserTests() {
        Browser.requireChromium();
    }

    @AfterEach
    void closeBrowsers() {
        RuntimeException first = null;
        for (Browser browser : browsers) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        browsers.clear();
        if (first != null) {
            throw first;
        }
    }

    @Test
    void anAdministratorSetsUpOpenCioInvitesAColleagueAndFindsEveryChangeInTheAuditTrail() {
        try {
            Browser admin = openBrowser();
            finishTheSetup(admin);
            signInAsTheAdministrator(admin);
            addADepartment(admin);
            String invitationLink = inviteAColleague(admin);

            Browser colleague = openBrowser();
            acceptTheInvitation(colleague, invitationLink);

            createASecondOrganizationAndSwitchBetweenThem(admin);
            reviewTheAuditTrail(admin);
        } catch (RuntimeException | AssertionError e) {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    browsers.get(i).screenshot("failed-in-browser-" + (i + 1));
                } catch (RuntimeException screenshotFailed) {
                    e.addSuppressed(screenshotFailed);
                }
            }
            throw e;
        }
    }

    /** a. With nobody registered yet, the one-time link from the server log opens the setup form. */
    private void finishTheSetup(Browser admin) {
        admin.go("/login");
        assertThat(admin.text()).contains("OpenCIO has not been set up yet");
        admin.screenshot("login-before-setup");

        String token = (String) ReflectionTestUtils.getField(setup, "setupToken");
        assertThat(token).as("the setup token the server log announces").isNotBlank();

        admin.go("/setup?token=" + token);
        assertThat(admin.heading()).isEqualTo("Set up OpenCIO");
        admin.type("f-displayName", ADMIN_NAME)
                .type("f-email", ADMIN_EMAIL)
                .type("f-password", ADMIN_PASSWORD)
                .type("f-orgName", ORG)
                .type("f-orgSlug", ORG_SLUG)
                .choose("f-baseCurrency", "EUR")
                .choose("f-timeZone", "Europe/Vienna")
                .choose("f-locale", "en-GB")
                .choose("f-fiscalYearStartMonth", "7");
        admin.screenshot("setup-form-filled");
        admin.submit();

        assertThat(admin.location()).startsWith("/login");
        assertThat(admin.successMessage()).isEqualTo("Setup complete: " + ORG + " is ready.");
        assertThat(admin.text()).doesNotContain("has not been set up yet");
        admin.screenshot("setup-done");
    }

    /** b. The administrator signs in and sees the organization among theirs. */
    private void signInAsTheAdministrator(Browser admin) {
        signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
        // A platform administrator lands on the list of their organizations.
        assertThat(admin.location()).isEqualTo("/");
        assertThat(admin.heading()).isEqualTo("Your organizations");
        assertThat(admin.find(By.cssSelector(".org-card h2")).getText()).isEqualTo(ORG);
        admin.screenshot("organizations-after-sign-in");

        admin.clickAndWait(By.linkText(ORG));
        assertThat(admin.location()).isEqualTo("/o/" + ORG_SLUG);
        assertThat(admin.heading()).isEqualTo("Overview");
        assertThat(admin.text())
                .contains("Welcome, " + ADMIN_NAME)
                .contains("Your role in " + ORG + ": CIO.")
                .contains("Base currency EUR · time zone Europe/Vienna · fiscal year from July");
        admin.screenshot("organization-home");
    }

    /** c. A department, added from the Departments page, appears in its list. */
    private void addADepartment(Browser admin) {
        admin.clickAndWait(By.cssSelector("nav.sidenav a[href$='/departments']"));
        assertThat(admin.heading()).isEqualTo("Departments");
        assertThat(admin.text()).contains("No departments yet.");

        admin.clickAndWait(By.linkText("Add department"));
        assertThat(admin.location()).isEqualTo("/o/" + ORG_SLUG + "/departments/new");
        admin.type("f-name", "Finance").type("f-code", "FIN").type("f-costCentre", "CC-4100");
        admin.screenshot("department-form");
        admin.submit();

        assertThat(admin.location()).isEqualTo("/o/" + ORG_SLUG + "/departments");
        assertThat(admin.successMessage()).isEqualTo("Department Finance was created.");
        List<String> row = cells(admin.find(By.cssSelector("table.data tbody tr")));
        assertThat(row).containsSubsequence("Finance", "FIN", "CC-4100");
        admin.screenshot("department-created");
    }

    /** d. Without a mail server, inviting a person shows the invitation link to pass on. */
    private String inviteAColleague(Browser admin) {
        admin.go("/o/" + ORG_SLUG + "/invitations/new");
        assertThat(admin.heading()).isEqualTo("Invite a person");
        admin.type("f-email", COLLEAGUE_EMAIL).choose("f-role", "IT_MANAGER").chooseText("f-departmentId", "Finance");
        admin.screenshot("invitation-form");
        admin.submit();

        assertThat(admin.heading()).isEqualTo("Invitation created");
        assertThat(admin.text()).contains("No mail server is configured, so pass this link on to " + COLLEAGUE_EMAIL);
        WebElement link = admin.find(By.id("invite-link"));
        assertThat(link.getAttribute("readonly")).isNotNull();
        String shown = link.getAttribute("value");
        assertThat(shown).startsWith(PUBLIC_URL + "/invitations/");
        admin.screenshot("invitation-link");
        return onTestServer(shown);
    }

    /** e. The colleague, in a browser of her own, accepts, signs in and finds the organization. */
    private void acceptTheInvitation(Browser colleague, String invitationLink) {
        colleague.goTo(invitationLink);
        assertThat(colleague.heading()).isEqualTo("Join " + ORG);
        assertThat(colleague.text()).contains("You have been invited to join " + ORG + " on OpenCIO as IT manager.");
        assertThat(colleague.find(By.id("f-email")).getAttribute("value")).isEqualTo(COLLEAGUE_EMAIL);
        colleague.type("f-displayName", COLLEAGUE_NAME).type("f-password", COLLEAGUE_PASSWORD);
        colleague.screenshot("invitation-accept-form");
        colleague.submit();

        assertThat(colleague.location()).startsWith("/login");
        assertThat(colleague.successMessage()).isEqualTo("You joined " + ORG + ".");
        colleague.screenshot("invitation-accepted");

        signIn(colleague, COLLEAGUE_EMAIL, COLLEAGUE_PASSWORD);
        // A member of a single organization goes straight to it.
        assertThat(colleague.location()).isEqualTo("/o/" + ORG_SLUG);
        assertThat(colleague.text())
                .contains("Welcome, " + COLLEAGUE_NAME)
                .contains("Your role in " + ORG + ": IT manager.");
        assertThat(switcher(colleague).getText()).contains(ORG);
        colleague.screenshot("colleague-organization-home");
    }

    /** f. The administrator creates a second organization and moves between the two with the switcher. */
    private void createASecondOrganizationAndSwitchBetweenThem(Browser admin) {
        admin.go("/o/" + ORG_SLUG);
        assertThat(admin.text()).contains(COLLEAGUE_NAME);
        openSwitcher(admin);
        admin.screenshot("organization-switcher-open");
        admin.clickAndWait(By.cssSelector("details.org-switcher a[href='/admin/organizations/new']"));

        assertThat(admin.location()).isEqualTo("/admin/organizations/new");
        assertThat(admin.heading()).isEqualTo("New organization");
        admin.type("f-name", SECOND_ORG)
                .type("f-slug", SECOND_ORG_SLUG)
                .choose("f-baseCurrency", "USD")
                .choose("f-timeZone", "America/New_York")
                .choose("f-locale", "en-US")
                .choose("f-fiscalYearStartMonth", "10");
        admin.screenshot("new-organization-form");
        admin.submit();

        assertThat(admin.location()).isEqualTo("/o/" + SECOND_ORG_SLUG);
        assertThat(admin.successMessage()).startsWith("Organization " + SECOND_ORG + " was created.");
        assertThat(admin.text())
                .contains("Your role in " + SECOND_ORG + ": CIO.")
                .contains("Base currency USD · time zone America/New_York · fiscal year from October");
        assertThat(switcher(admin).findElement(By.tagName("summary")).getText()).contains(SECOND_ORG);
        admin.screenshot("second-organization-home");

        switchTo(admin, ORG, ORG_SLUG);
        assertThat(admin.text()).contains("Your role in " + ORG + ": CIO.");
        switchTo(admin, SECOND_ORG, SECOND_ORG_SLUG);
        assertThat(admin.text()).contains("Your role in " + SECOND_ORG + ": CIO.");
        switchTo(admin, ORG, ORG_SLUG);
        admin.screenshot("switched-back");
    }

    /** g. The first organization's audit trail shows all of the above, and its hash chain is intact. */
    private void reviewTheAuditTrail(Browser admin) {
        admin.clickAndWait(By.cssSelector("nav.sidenav a[href$='/audit']"));
        assertThat(admin.location()).isEqualTo("/o/" + ORG_SLUG + "/audit");
        assertThat(admin.heading()).isEqualTo("Audit trail");
        List<String> actions = actions(admin);
        assertThat(actions)
                .contains(
                        "organization.created",
                        "department.created",
                        "invitation.created",
                        "invitation.accepted",
                        "member.added");
        // The administrator's own membership and the colleague's are both recorded.
        assertThat(actions.stream().filter("member.added"::equals)).hasSize(2);
        // Every change names the person who made it, the setup included.
        assertThat(admin.all(By.cssSelector("table.audit tbody tr td:nth-child(3)")).stream().map(WebElement::getText))
                .isNotEmpty()
                .allSatisfy(actor -> assertThat(actor).isIn(ADMIN_NAME, COLLEAGUE_NAME));
        // Nothing of the second organization leaks into the first one's trail.
        assertThat(admin.text()).doesNotContain(SECOND_ORG);
        admin.screenshot("audit-trail");

        admin.clickAndWait(By.xpath("//button[normalize-space()='Verify the chain']"));
        assertThat(admin.successMessage())
                .isEqualTo("The chain is intact: " + actions.size() + " events checked.");
        assertThat(actions(admin)).hasSameSizeAs(actions);
        admin.screenshot("audit-chain-verified");
    }

    private Browser openBrowser() {
        Browser browser = Browser.open("http://localhost:" + port);
        browsers.add(browser);
        return browser;
    }

    private static void signIn(Browser browser, String email, String password) {
        browser.go("/login");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.type("email", email).type("password", password);
        browser.submit();
        assertThat(browser.location()).doesNotStartWith("/login");
        assertThat(browser.find(By.cssSelector("details.person-menu summary")).getText()).contains(
                email.equals(ADMIN_EMAIL) ? ADMIN_NAME : COLLEAGUE_NAME);
    }

    private static WebElement switcher(Browser browser) {
        return browser.find(By.cssSelector("header.topbar details.menu.org-switcher"));
    }

    private static void openSwitcher(Browser browser) {
        WebElement details = switcher(browser);
        if (details.getAttribute("open") == null) {
            browser.click(By.cssSelector("header.topbar details.org-switcher > summary"));
        }
        browser.find(By.cssSelector("details.org-switcher .menu-list"));
    }

    private static void switchTo(Browser browser, String orgName, String slug) {
        openSwitcher(browser);
        WebElement entry = browser.find(By.cssSelector("details.org-switcher .menu-list a[href='/o/" + slug + "']"));
        assertThat(entry.getText()).contains(orgName).contains("CIO");
        browser.clickAndWait(entry);
        assertThat(browser.location()).isEqualTo("/o/" + slug);
        assertThat(switcher(browser).findElement(By.tagName("summary")).getText()).contains(orgName);
        WebElement current = switcher(browser).findElement(By.cssSelector(".menu-list a[aria-current='page']"));
        assertThat(current.getAttribute("href")).endsWith("/o/" + slug);
    }

    private static List<String> actions(Browser browser) {
        browser.find(By.cssSelector("table.audit"));
        return browser.all(By.cssSelector("table.audit tbody tr td:nth-child(4) code")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    /** The same link on the test server: the app was told it is reachable at {@link #PUBLIC_URL}. */
    private String onTestServer(String link) {
        Matcher m = Pattern.compile("^" + Pattern.quote(PUBLIC_URL) + "(/.*)$").matcher(link);
        assertThat(m.matches()).as("link %s on %s", link, PUBLIC_URL).isTrue();
        URI path = URI.create(m.group(1));
        return "http://localhost:" + port + path;
    }
}

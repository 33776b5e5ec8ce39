package org.opencio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A CIO's sourcing work in a real browser: registers a vendor, is warned when about to register it a second time,
 * records an auto-renewing contract with a notice period, activates it, and finds its notice deadline on the renewal
 * calendar.
 *
 * <p>The app runs on an empty in-memory database of its own, whatever database the rest of the suite uses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-sourcing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "opencio.demo.enabled=false",
            "logging.level.org.openqa.selenium=error"
        })
@ActiveProfiles("test")
class SourcingJourneyBrowserTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @LocalServerPort
    int port;

    @Autowired
    OrgFixtures fixtures;

    private Browser browser;

    SourcingJourneyBrowserTests() {
        Browser.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCioRegistersAVendorRecordsAnAutoRenewingContractAndSeesItsNoticeDeadlineComing() {
        Org org = fixtures.organization();
        browser = Browser.open("http://localhost:" + port);
        try {
            signIn(org);
            registerAVendor(org);
            isWarnedOfADuplicate(org);
            String contract = recordAContract(org);
            activateIt(contract);
            findItOnTheRenewalCalendar(org);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("sourcing-failed");
            throw e;
        }
    }

    private void signIn(Org org) {
        browser.go("/login");
        browser.type("email", org.slug() + "-cio@example.test").type("password", OrgFixtures.PASSWORD);
        browser.submit();
        assertThat(browser.location()).doesNotStartWith("/login");
    }

    private void registerAVendor(Org org) {
        browser.go("/o/" + org.slug());
        browser.clickAndWait(By.cssSelector("nav.sidenav a[href$='/vendors']"));
        assertThat(browser.heading()).isEqualTo("Vendors");
        browser.clickAndWait(By.linkText("New vendor"));
        browser.type("f-legalName", "Contoso Cloud GmbH")
                .type("f-tradingName", "Contoso")
                .choose("f-category", "SAAS")
                .type("f-website", "https://www.contoso-cloud.example");
        browser.screenshot("sourcing-vendor-form");
        browser.submit();
        assertThat(browser.location()).matches("/o/" + org.slug() + "/vendors/[0-9a-f-]{36}");
        assertThat(browser.heading()).isEqualTo("Contoso");
        assertThat(browser.text()).contains("Contoso Cloud GmbH");
        browser.screenshot("sourcing-vendor-page");
    }

    private void isWarnedOfADuplicate(Org org) {
        browser.go("/o/" + org.slug() + "/vendors/new");
        browser.type("f-legalName", "CONTOSO CLOUD AG").choose("f-category", "SAAS").type("f-website", "contoso-cloud.example/about");
        browser.submit();
        // Not created: the form comes back with the vendor it may be.
        assertThat(browser.location()).isEqualTo("/o/" + org.slug() + "/vendors");
        assertThat(browser.text()).contains("Contoso");
        assertThat(browser.all(By.name("allowDuplicate"))).hasSize(1);
        browser.screenshot("sourcing-duplicate-warning");
    }

    private String recordAContract(Org org) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate start = today.minusMonths(11);
        LocalDate end = today.plusDays(60);
        browser.go("/o/" + org.slug() + "/contracts");
        browser.clickAndWait(By.cssSelector("main a[href$='/contracts/new']"));
        browser.chooseText("f-vendorId", "Contoso")
                .type("f-title", "Contoso CRM, 40 seats")
                .choose("f-type", "SAAS_SUBSCRIPTION")
                .setValue("f-startDate", start.toString())
                .setValue("f-endDate", end.toString())
                .type("f-renewalTermMonths", "12")
                .type("f-noticeAmount", "1")
                .choose("f-noticeUnit", "MONTHS")
                .type("f-totalValue", "24000")
                .type("f-currency", "EUR");
        browser.click(By.name("autoRenew"));
        browser.screenshot("sourcing-contract-form");
        browser.submit();
        assertThat(browser.location()).matches("/o/" + org.slug() + "/contracts/[0-9a-f-]{36}");
        assertThat(browser.heading()).contains("Contoso CRM, 40 seats");
        // One month's notice before the end of the term; it renews the day after the term ends.
        assertThat(browser.text()).contains(DAY.format(end.minusMonths(1)));
        return browser.location();
    }

    private void activateIt(String contract) {
        browser.clickAndWait(By.cssSelector("form[action$='/activate'] button[type=submit]"));
        assertThat(browser.location()).isEqualTo(contract);
        LocalDate end = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(60);
        assertThat(browser.text()).contains("otherwise the contract renews on " + DAY.format(end.plusDays(1)));
        browser.screenshot("sourcing-contract-active");
    }

    private void findItOnTheRenewalCalendar(Org org) {
        browser.clickAndWait(By.cssSelector("nav.sidenav a[href$='/renewals']"));
        assertThat(browser.heading()).isEqualTo("Renewal calendar");
        assertThat(browser.text()).contains("Contoso CRM, 40 seats").contains("Notice deadline");
        browser.screenshot("sourcing-renewals");
    }
}

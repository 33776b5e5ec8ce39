package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily contract job with a mail server (GreenMail): reminders to the owner and the CIOs at each threshold before a
 * notice deadline, in the application and by email, never twice for the same deadline — not when the job runs again,
 * after a restart, on two nodes at once, or after missed days — and the automatic renewal and expiry of terms. Time is
 * given to the job, so every day of a contract's life can be played.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ContractRemindersIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> MAIL.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    ContractDailyJob job;

    @Autowired
    JdbcClient jdbc;

    /** Ten in the morning of a day in the organizations' time zone (the fixtures' organizations are in Berlin). */
    private static Instant morning(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
    }

    @Test
    void theOwnerAndTheCiosAreRemindedOnceAtEachThresholdInTheAppAndByEmail() throws Exception {
        Org org = fixtures.organization();
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        Person otherCio = fixtures.member(org, Role.CIO);
        LocalDate deadline = LocalDate.of(2028, 2, 29);
        UUID id = activeContract(org, "\"title\":\"Mainframe support\",\"ownerId\":\"%s\",\"startDate\":\"2027-06-01\",\"endDate\":\"2028-05-31\","
                .formatted(owner.accountId()) + "\"autoRenew\":true,\"noticeAmount\":3,\"noticeUnit\":\"MONTHS\"");

        assertThat(job.runFor(org.id(), morning(deadline.minusDays(91)))).isTrue();
        assertThat(reminders(org, owner)).isEmpty();
        job.runFor(org.id(), morning(deadline.minusDays(90)));
        assertThat(reminders(org, owner)).containsExactly("Notice deadline in 90 days: Mainframe support");
        assertThat(reminders(org, org.cio())).hasSize(1);
        assertThat(reminders(org, otherCio)).hasSize(1);
        // The same day again does nothing: the day is done.
        assertThat(job.runFor(org.id(), morning(deadline.minusDays(90)))).isFalse();
        // Before the job's hour, nothing either.
        assertThat(job.runFor(org.id(), deadline.minusDays(89).atTime(5, 0).atZone(BERLIN).toInstant())).isFalse();
        job.runFor(org.id(), morning(deadline.minusDays(89)));
        job.runFor(org.id(), morning(deadline.minusDays(60)));
        job.runFor(org.id(), morning(deadline.minusDays(59)));
        job.runFor(org.id(), morning(deadline.minusDays(30)));
        job.runFor(org.id(), morning(deadline.minusDays(1)));
        assertThat(reminders(org, owner)).containsExactly("Notice deadline in 90 days: Mainframe support",
                "Notice deadline in 60 days: Mainframe support", "Notice deadline in 30 days: Mainframe support");
        assertThat(reminders(org, org.cio())).hasSize(3);

        MimeMessage mail = awaitMail(owner.email(), "Notice deadline in 30 days: Mainframe support");
        String body = String.valueOf(mail.getContent());
        assertThat(body).contains("29 Feb 2028").contains("/o/" + org.slug() + "/contracts/" + id);
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(owner.email());
        assertThat(jdbc.sql("select days_before from contract_reminders where contract_id = ? order by days_before desc")
                .param(id).query(Integer.class).list()).containsExactly(90, 60, 30);
    }

    @Test
    void aJobThatMissedDaysSendsOnlyTheLatestThresholdAndARestartSendsNothingAgain() throws Exception {
        Org org = fixtures.organization();
        LocalDate deadline = LocalDate.of(2028, 3, 31);
        activeContract(org, "\"title\":\"Backup service\",\"startDate\":\"2027-07-01\",\"endDate\":\"2028-06-30\",\"autoRenew\":true,"
                + "\"noticeAmount\":91,\"noticeUnit\":\"DAYS\"");
        assertThat(LocalDate.of(2028, 6, 30).minusDays(91)).isEqualTo(deadline);

        job.runFor(org.id(), morning(deadline.minusDays(20)));
        assertThat(reminders(org, org.cio())).containsExactly("Notice deadline in 20 days: Backup service");
        // A restart forgets nothing: the day's mark is cleared as if the node had died before finishing, and yet no
        // reminder goes out twice.
        jdbc.sql("update contract_settings set last_run_on = null where org_id = ?").param(org.id()).update();
        assertThat(job.runFor(org.id(), morning(deadline.minusDays(20)))).isTrue();
        job.runFor(org.id(), morning(deadline.minusDays(5)));
        assertThat(reminders(org, org.cio())).hasSize(1);
    }

    @Test
    void twoNodesRunningAtOnceSendEachReminderOnce() throws Exception {
        Org org = fixtures.organization();
        LocalDate deadline = LocalDate.of(2028, 4, 30);
        for (int i = 0; i < 5; i++) {
            activeContract(org, "\"title\":\"Licence %d\",\"startDate\":\"2027-08-01\",\"endDate\":\"2028-07-31\",\"autoRenew\":true,".formatted(i)
                    + "\"noticeAmount\":92,\"noticeUnit\":\"DAYS\"");
        }
        assertThat(LocalDate.of(2028, 7, 31).minusDays(92)).isEqualTo(deadline);
        Instant when = morning(deadline.minusDays(60));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return job.runFor(org.id(), when);
                    } catch (RuntimeException e) {
                        // A node that waited too long for the other's lock gives up; the reminders are the other's.
                        return false;
                    }
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        job.runFor(org.id(), when);
        assertThat(reminders(org, org.cio())).hasSize(5).allMatch(t -> t.startsWith("Notice deadline in 60 days"));
        assertThat(jdbc.sql("select count(*) from contract_reminders where org_id = ?").param(org.id()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void anAutoRenewingTermPastItsEndIsRenewedOnTheSameTermsAndOneThatEndsExpires() throws Exception {
        Org org = fixtures.organization();
        UUID renewing = activeContract(org, "\"title\":\"Monitoring\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\",\"autoRenew\":true,"
                + "\"renewalTermMonths\":12,\"noticeAmount\":1,\"noticeUnit\":\"MONTHS\",\"totalValue\":6000");
        UUID ending = activeContract(org, "\"title\":\"Pilot\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\"");

        job.runFor(org.id(), morning(LocalDate.of(2027, 12, 31)));
        contract(org, renewing).andExpect(jsonPath("$.status").value("ACTIVE"));
        // The job was down over New Year: a later day catches up.
        job.runFor(org.id(), morning(LocalDate.of(2028, 1, 3)));
        contract(org, renewing)
                .andExpect(jsonPath("$.status").value("RENEWED"))
                .andExpect(jsonPath("$.nextTermId").isNotEmpty());
        String next = com.jayway.jsonpath.JsonPath.read(contract(org, renewing).andReturn().getResponse().getContentAsString(), "$.nextTermId");
        contract(org, UUID.fromString(next))
                .andExpect(jsonPath("$.termNumber").value(2))
                .andExpect(jsonPath("$.startDate").value("2028-01-01"))
                .andExpect(jsonPath("$.endDate").value("2028-12-31"))
                .andExpect(jsonPath("$.totalValue").value(6000.0))
                .andExpect(jsonPath("$.noticeDeadline").value("2028-11-30"))
                .andExpect(jsonPath("$.priceChange.amount").value(0.0));
        contract(org, ending).andExpect(jsonPath("$.status").value("EXPIRED"));
        assertThat(notices(org, org.cio(), "contract.renewed")).containsExactly("Contract renewed: Monitoring");
        assertThat(notices(org, org.cio(), "contract.expired")).containsExactly("Contract expired: Pilot");
        // Renewing is done once: the next day finds the new term current.
        job.runFor(org.id(), morning(LocalDate.of(2028, 1, 4)));
        assertThat(jdbc.sql("select count(*) from contracts where org_id = ?").param(org.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aContractEntersTheExpiringWindowOnTheDayItReachesIt() throws Exception {
        Org org = fixtures.organization();
        UUID id = activeContract(org, "\"title\":\"Telephony\",\"startDate\":\"2027-01-01\",\"endDate\":\"2028-12-31\"");
        // 2 October is 90 days before 31 December.
        job.runFor(org.id(), morning(LocalDate.of(2028, 10, 1)));
        contract(org, id).andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(reminders(org, org.cio())).isEmpty();
        job.runFor(org.id(), morning(LocalDate.of(2028, 10, 2)));
        contract(org, id).andExpect(jsonPath("$.status").value("EXPIRING"));
        assertThat(reminders(org, org.cio())).containsExactly("Contract ends in 90 days: Telephony");
    }

    @Test
    void theDayIsTheOrganizationsOwnWhereverTheServerIs() throws Exception {
        Org auckland = fixtures.organization();
        Org berlin = fixtures.organization();
        String etag = mvc.perform(as(auckland.cio(), get("/api/v1/orgs/" + auckland.slug()))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(as(auckland.cio(), org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/orgs/" + auckland.slug()),
                        "{\"name\":\"Auckland office\",\"baseCurrency\":\"EUR\",\"timeZone\":\"Pacific/Auckland\",\"locale\":\"en-NZ\","
                                + "\"fiscalYearStartMonth\":1}").header("If-Match", etag))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        String pilot = "\"title\":\"Pilot\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\"";
        UUID there = activeContract(auckland, pilot);
        UUID here = activeContract(berlin, pilot);

        // 20:00 UTC on 31 December 2027 is 09:00 on 1 January 2028 in Auckland, 21:00 on 31 December in Berlin.
        Instant now = Instant.parse("2027-12-31T20:00:00Z");
        assertThat(job.runFor(auckland.id(), now)).isTrue();
        assertThat(job.runFor(berlin.id(), now)).isTrue();
        contract(auckland, there).andExpect(jsonPath("$.status").value("EXPIRED"));
        contract(berlin, here).andExpect(jsonPath("$.status").value("EXPIRING"));
        assertThat(jdbc.sql("select last_run_on from contract_settings where org_id = ?").param(auckland.id()).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(jdbc.sql("select last_run_on from contract_settings where org_id = ?").param(berlin.id()).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2027, 12, 31));
        // 05:00 in Auckland on 2 January is before its daily hour, whatever the hour in UTC.
        assertThat(job.runFor(auckland.id(), Instant.parse("2028-01-01T16:00:00Z"))).isFalse();
    }

    private UUID activeContract(Org org, String json) throws Exception {
        UUID vendor = contracts.vendor(org, OrgFixtures.unique("Vendor"));
        UUID id = contracts.contract(mvc, org, vendor, json);
        contracts.activate(mvc, org, id);
        return id;
    }

    private org.springframework.test.web.servlet.ResultActions contract(Org org, UUID id) throws Exception {
        return mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/" + id)));
    }

    private List<String> reminders(Org org, Person person) {
        return notices(org, person, "contract.reminder");
    }

    private List<String> notices(Org org, Person person, String kind) {
        return jdbc.sql("select title from notifications where org_id = ? and account_id = ? and kind = ? order by created_at, id")
                .params(org.id(), person.accountId(), kind)
                .query(String.class)
                .list();
    }

    private static MimeMessage awaitMail(String to, String subject) throws Exception {
        for (int i = 0; i < 100; i++) {
            var found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> is(m, to, subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + to + " about " + subject);
    }

    private static boolean is(MimeMessage m, String to, String subject) {
        try {
            return subject.equals(m.getSubject()) && to.equals(m.getRecipients(Message.RecipientType.TO)[0].toString());
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}

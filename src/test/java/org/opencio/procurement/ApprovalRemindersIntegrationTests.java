package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.notices;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Reminders and escalation of waiting approval steps: the job is given the time, and the step's start is set to the day
 * a test needs, so that business days (in the organization's Berlin time zone, weekends skipped) can be played.
 */
@IntegrationTest
class ApprovalRemindersIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    ApprovalReminderJob job;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(BERLIN);

    /** The request of the scene: an employee's, waiting on the IT managers' step since {@code started}. */
    private record Scene(Org org, Person employee, Person manager, String requestId, UUID stepId) {}

    @Test
    void aStepWaitingThreeBusinessDaysRemindsItsApproversAndTheirDelegatesOnceHoweverOftenTheJobRuns() throws Exception {
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Scene s = scene(null, morning(monday));
        Person delegate = fixtures.member(s.org(), Role.IT_STAFF);
        mvc.perform(as(s.manager(), post("/api/v1/orgs/" + s.org().slug() + "/approval-delegations"),
                        "{\"delegateId\":\"" + delegate.accountId() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(20) + "\"}"))
                .andExpect(status().isCreated());

        // Tuesday is one business day, no reminder yet (the default is two).
        assertThat(job.runFor(s.org().id(), morning(monday.plusDays(1)))).isZero();
        assertThat(notices(jdbc, s.manager(), "purchase-request.reminder")).isZero();
        // Thursday: three business days waited. The job runs twice, and again the next day: one reminder.
        assertThat(job.runFor(s.org().id(), morning(monday.plusDays(3)))).isEqualTo(1);
        assertThat(job.runFor(s.org().id(), morning(monday.plusDays(3)).plusSeconds(3600))).isZero();
        assertThat(job.runFor(s.org().id(), morning(monday.plusDays(4)))).isZero();
        assertThat(notices(jdbc, s.manager(), "purchase-request.reminder")).isEqualTo(1);
        assertThat(notices(jdbc, delegate, "purchase-request.reminder")).isEqualTo(1);
        assertThat(notices(jdbc, s.employee(), "purchase-request.reminder")).isZero();
        assertThat(jdbc.sql("select title from notifications where account_id = ? and kind = 'purchase-request.reminder'")
                .param(s.manager().accountId()).query(String.class).single()).startsWith("Reminder: PR-").endsWith(": Printer");
        assertThat(followUps(s.stepId())).containsExactly("REMINDER");

        mvc.perform(as(s.employee(), get(path(s.org()) + "/" + s.requestId() + "/follow-ups")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("REMINDER"))
                .andExpect(jsonPath("$[0].businessDays").value(3))
                .andExpect(jsonPath("$[0].stepName").value("IT manager"));
        // Six business days on the Tuesday after: escalation is due, but not before the organization's hour (08:00 local).
        assertThat(job.runFor(s.org().id(), monday.plusDays(8).atTime(6, 0).atZone(BERLIN).toInstant())).isZero();
        assertThat(followUps(s.stepId())).containsExactly("REMINDER");
        assertThat(job.runFor(s.org().id(), morning(monday.plusDays(8)))).isEqualTo(1);
        assertThat(followUps(s.stepId())).containsExactly("ESCALATION", "REMINDER");
    }

    @Test
    void twoNodesRunningAtOnceRemindEachStepOnce() throws Exception {
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Scene s = scene(null, morning(monday));
        Instant thursday = morning(monday.plusDays(3));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int sent = 0;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return job.runFor(s.org().id(), thursday);
                    } catch (RuntimeException e) {
                        // A node that waited too long for the other's lock gives up; the reminder is the other's.
                        return 0;
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sent).isEqualTo(1);
        assertThat(job.runFor(s.org().id(), thursday)).isZero();
        assertThat(notices(jdbc, s.manager(), "purchase-request.reminder")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from approval_step_follow_ups where step_id = ?").param(s.stepId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void weekendDaysDoNotCount() throws Exception {
        LocalDate friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        Scene s = scene(null, morning(friday));
        // Saturday, Sunday and Monday: one business day waited at most.
        for (int d = 1; d <= 3; d++) {
            assertThat(job.runFor(s.org().id(), morning(friday.plusDays(d)))).isZero();
        }
        assertThat(notices(jdbc, s.manager(), "purchase-request.reminder")).isZero();
        // Tuesday is the second business day.
        assertThat(job.runFor(s.org().id(), morning(friday.plusDays(4)))).isEqualTo(1);
        assertThat(notices(jdbc, s.manager(), "purchase-request.reminder")).isEqualTo(1);
        // The following Friday is the fifth business day, not the seventh day: it escalates; Thursday did not.
        assertThat(job.runFor(s.org().id(), morning(friday.plusDays(6)))).isZero();
        assertThat(job.runFor(s.org().id(), morning(friday.plusDays(7)))).isEqualTo(1);
        assertThat(followUps(s.stepId())).containsExactly("ESCALATION", "REMINDER");
    }

    @Test
    void anEscalationAddsTheApproversDepartmentHeadWhoThenDecides() throws Exception {
        Org org = fixtures.organization();
        Person head = fixtures.member(org, Role.EXECUTIVE);
        UUID operations = UUID.fromString(read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"),
                "{\"code\":\"OPS\",\"name\":\"Operations\",\"headAccountId\":\"" + head.accountId() + "\"}")).andExpect(status().isCreated()), "$.id"));
        Person manager = fixtures.member(org, Role.IT_MANAGER, operations, BigDecimal.valueOf(5000));
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Scene s = scene(org, manager, morning(monday));
        long seq = lastAuditSeq(mvc, org);

        // Five business days: the following Monday. The reminder was never sent (the job was down): it escalates at once.
        assertThat(job.runFor(org.id(), morning(monday.plusDays(7)))).isEqualTo(1);
        assertThat(job.runFor(org.id(), morning(monday.plusDays(8)))).isZero();
        assertThat(notices(jdbc, head, "purchase-request.escalated")).isEqualTo(1);
        assertThat(notices(jdbc, s.employee(), "purchase-request.escalated")).isEqualTo(1);
        assertThat(notices(jdbc, manager, "purchase-request.reminder")).isZero();
        assertThat(jdbc.sql("select body from notifications where account_id = ? and kind = 'purchase-request.escalated'")
                .param(s.employee().accountId()).query(String.class).single()).contains("escalated to " + head.name());

        mvc.perform(as(s.employee(), get(path(org) + "/" + s.requestId())))
                .andExpect(jsonPath("$.waitingOn[0].approvers[?(@.id == '" + head.accountId() + "')]").exists());
        mvc.perform(as(s.employee(), get(path(org) + "/" + s.requestId() + "/follow-ups")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("ESCALATION"))
                .andExpect(jsonPath("$[0].businessDays").value(5))
                .andExpect(jsonPath("$[0].people[0].id").value(head.accountId().toString()));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/audit-events").param("action", "purchase-request.escalated")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].entityId").value(s.requestId()))
                .andExpect(jsonPath("$.items[0].after", containsString(head.accountId().toString())));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq + 1);
        // The request's page shows it in its history.
        page(s.employee(), get("/o/" + org.slug() + "/purchase-requests/" + s.requestId()))
                .andExpect(content().string(containsString("escalated to " + head.name())));

        // The department head decides: the step and the request are approved.
        mvc.perform(as(head, get(path(org) + "/inbox"))).andExpect(jsonPath("$.items[0].requestId").value(s.requestId()));
        act(mvc, org, head, s.requestId(), "approve", "{\"comment\":\"Escalated, fine\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void settingsAreReadByPolicyReadersChangedByTheCioValidatedAndAudited() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String api = "/api/v1/orgs/" + org.slug() + "/approval-settings";

        mvc.perform(as(manager, get(api)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.remindAfterBusinessDays").value(2))
                .andExpect(jsonPath("$.escalateAfterBusinessDays").value(5));
        mvc.perform(as(employee, get(api))).andExpect(status().isForbidden());
        mvc.perform(as(manager, put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":3,\"escalateAfterBusinessDays\":6}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(org.cio(), put(api), "{\"remindAfterBusinessDays\":3,\"escalateAfterBusinessDays\":6}"))
                .andExpect(status().isPreconditionRequired());

        long seq = lastAuditSeq(mvc, org);
        mvc.perform(as(org.cio(), put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":0,\"escalateAfterBusinessDays\":6}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("remindAfterBusinessDays"));
        mvc.perform(as(org.cio(), put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":4}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("escalateAfterBusinessDays"));
        mvc.perform(as(org.cio(), put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":4,\"escalateAfterBusinessDays\":4}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("escalateAfterBusinessDays"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);

        mvc.perform(as(org.cio(), put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":3,\"escalateAfterBusinessDays\":7}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.remindAfterBusinessDays").value(3));
        mvc.perform(as(org.cio(), put(api).header("If-Match", "\"0\""), "{\"remindAfterBusinessDays\":3,\"escalateAfterBusinessDays\":8}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/audit-events").param("action", "approval-settings.updated")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].before", containsString("\"escalateAfterBusinessDays\":5")))
                .andExpect(jsonPath("$.items[0].after", containsString("\"escalateAfterBusinessDays\":7")));

        // The page: everyone who reads the policy sees the settings; only the CIO saves them; errors show by their field.
        String page = "/o/" + org.slug() + "/approval-policy/reminders";
        page(manager, get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("value=\"7\"")))
                .andExpect(content().string(containsString("Only a CIO changes these settings.")));
        page(employee, get(page)).andExpect(status().isForbidden());
        page(manager, post(page).param("version", "1").param("remindAfterBusinessDays", "2").param("escalateAfterBusinessDays", "4"))
                .andExpect(status().isForbidden());
        page(org.cio(), post(page).param("version", "1").param("remindAfterBusinessDays", "5").param("escalateAfterBusinessDays", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("escalateAfterBusinessDays must be later than the reminder")));
        page(org.cio(), post(page).param("version", "1").param("remindAfterBusinessDays", "2").param("escalateAfterBusinessDays", "4"))
                .andExpect(redirectedUrl(page));
        mvc.perform(as(manager, get(api))).andExpect(jsonPath("$.escalateAfterBusinessDays").value(4));

        // The job follows the organization's settings: a step waiting three business days is escalated after four.
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Scene s = scene(org, manager, morning(monday));
        assertThat(job.runFor(org.id(), morning(monday.plusDays(2)))).isEqualTo(1);
        assertThat(job.runFor(org.id(), morning(monday.plusDays(4)))).isEqualTo(1);
        assertThat(followUps(s.stepId())).containsExactly("ESCALATION", "REMINDER");
        // The manager has no department: the escalation goes to the organization's CIO.
        assertThat(notices(jdbc, org.cio(), "purchase-request.escalated")).isEqualTo(1);
    }

    // ---- the scene

    @Test
    void inAnAllOfUsStepTheEscalatedPersonStandsInForTheApproverWhoHadNotDecided() throws Exception {
        Org org = fixtures.organization();
        Person first = fixtures.member(org, Role.IT_MANAGER);
        Person late = fixtures.member(org, Role.IT_MANAGER);
        String policies = "/api/v1/orgs/" + org.slug() + "/approval-policies";
        String policy = read(mvc.perform(as(org.cio(), post(policies), "{\"effectiveFrom\":\"" + today + "\",\"rules\":[{\"stage\":1,"
                + "\"name\":\"Both IT managers\",\"approverKind\":\"ROLE\",\"approverRole\":\"IT_MANAGER\",\"mode\":\"ALL\"}]}"))
                .andExpect(status().isCreated()), "$.id");
        mvc.perform(as(org.cio(), post(policies + "/" + policy + "/publish"), "{}")).andExpect(status().isOk());
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Scene s = scene(org, first, morning(monday));
        act(mvc, org, first, s.requestId(), "approve", "{}").andExpect(status().isOk());
        mvc.perform(as(s.employee(), get(path(org) + "/" + s.requestId()))).andExpect(jsonPath("$.status").value("SUBMITTED"));

        // The second manager never decides; after five business days the step goes to the CIO (no department heads).
        assertThat(job.runFor(org.id(), morning(monday.plusDays(7)))).isEqualTo(1);
        assertThat(notices(jdbc, org.cio(), "purchase-request.escalated")).isEqualTo(1);
        // The CIO's approval stands in for the manager who was late: the step, and the request, are approved.
        act(mvc, org, org.cio(), s.requestId(), "approve", "{}").andExpect(status().isOk());
        mvc.perform(as(s.employee(), get(path(org) + "/" + s.requestId())))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.steps[0].status").value("APPROVED"));
        act(mvc, org, late, s.requestId(), "approve", "{}").andExpect(status().isConflict());
    }

    private Scene scene(Org given, Instant started) throws Exception {
        Org org = given != null ? given : fixtures.organization();
        return scene(org, fixtures.member(org, Role.IT_MANAGER), started);
    }

    /** An employee's request of 900 (the IT managers' step of the built-in policy), submitted, its step started then. */
    private Scene scene(Org org, Person manager, Instant started) throws Exception {
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"" + OrgFixtures.unique("R") + "\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Printer", budgetLine, line("Printer", "1", "900", "EUR")));
        act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
        UUID step = jdbc.sql("select id from approval_steps where request_id = ? and status = 'PENDING'").param(UUID.fromString(id))
                .query(UUID.class).single();
        jdbc.sql("update approval_steps set started_at = ? where id = ?").params(Timestamp.from(started), step).update();
        return new Scene(org, employee, manager, id, step);
    }

    private List<String> followUps(UUID step) {
        return jdbc.sql("select kind from approval_step_follow_ups where step_id = ? order by kind").param(step).query(String.class).list();
    }

    private static Instant morning(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(BERLIN).toInstant();
    }

    private ResultActions page(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }
}

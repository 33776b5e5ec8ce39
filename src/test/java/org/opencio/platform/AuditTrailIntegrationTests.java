package org.opencio.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The audit trail: every change appends an event, chained by hash per organization, so that an altered or removed
 * event is found. Tampering tests change rows directly in the database, each in an organization made only for it.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

    private static final String GENESIS = "0".repeat(64);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChangeAppendsAnEventChainedToThePreviousOne() throws Exception {
        var org = fixtures.organization();
        long before = lastAuditSeq(mvc, org);
        String department = createDepartment(org, "IT", "Information Technology");
        mvc.perform(as(org.cio(), put(departments(org) + "/" + department), "{\"code\": \"IT\", \"name\": \"IT and Digital\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(departments(org) + "/" + department + "/archive"), "{\"reason\": \"merged\"}"))
                .andExpect(status().isOk());

        List<Map<String, Object>> chain = jdbc.sql(
                        "select seq, prev_hash, hash from audit_events where org_id = ? order by seq")
                .param(org.id())
                .query()
                .listOfRows();
        assertThat(chain).extracting(row -> ((Number) row.get("seq")).longValue())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, before + 3).boxed().toList());
        assertThat(chain.getFirst().get("prev_hash")).isEqualTo(GENESIS);
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).get("prev_hash")).isEqualTo(chain.get(i - 1).get("hash"));
        }
        assertThat(chain).extracting(row -> row.get("hash")).doesNotHaveDuplicates();

        var events = mvc.perform(as(org.cio(), get(auditEvents(org)).param("entityId", department)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].action").value(
                        contains("department.archived", "department.updated", "department.created")))
                .andExpect(jsonPath("$.items[1].seq").value(before + 2))
                .andExpect(jsonPath("$.items[1].actorId").value(org.cio().accountId().toString()))
                .andExpect(jsonPath("$.items[1].actorName").value(org.cio().name()))
                .andExpect(jsonPath("$.items[1].entityType").value("Department"))
                .andExpect(jsonPath("$.items[1].entityId").value(department))
                .andExpect(jsonPath("$.items[1].before", containsString("Information Technology")))
                .andExpect(jsonPath("$.items[1].after", containsString("IT and Digital")))
                .andExpect(jsonPath("$.items[2].before").doesNotExist())
                .andExpect(jsonPath("$.items[0].after", containsString("merged")));
        assertThat(read(events, "$.items[1].hash").toString()).isEqualTo(chain.get((int) before + 1).get("hash"));

        mvc.perform(as(org.cio(), get(auditEvents(org) + "/verification")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.eventsChecked").value(before + 3))
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist());
    }

    @Test
    void anAlteredEventBreaksTheChainThere() throws Exception {
        var org = fixtures.organization();
        createDepartment(org, "IT", "IT");
        createDepartment(org, "OPS", "Operations");
        createDepartment(org, "FIN", "Finance");
        long last = lastAuditSeq(mvc, org);
        long altered = last - 1;

        int changed = jdbc.sql("update audit_events set after_state = ? where org_id = ? and seq = ?")
                .params("{\"code\":\"OPS\",\"name\":\"Forged\"}", org.id(), altered)
                .update();
        assertThat(changed).isEqualTo(1);

        mvc.perform(as(org.cio(), get(auditEvents(org) + "/verification")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(altered))
                .andExpect(jsonPath("$.eventsChecked").value(altered - 1));
        mvc.perform(get("/o/" + org.slug() + "/audit").param("verify", "true").with(user(org.cio().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The chain is broken at event " + altered)));
    }

    @Test
    void aRemovedLastEventIsFoundByTheChainHead() throws Exception {
        var org = fixtures.organization();
        createDepartment(org, "IT", "IT");
        long last = lastAuditSeq(mvc, org);

        jdbc.sql("delete from audit_events where org_id = ? and seq = ?").params(org.id(), last).update();

        mvc.perform(as(org.cio(), get(auditEvents(org) + "/verification")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(last))
                .andExpect(jsonPath("$.eventsChecked").value(last - 1));
    }

    @Test
    void aRemovedEventInTheMiddleIsFound() throws Exception {
        var org = fixtures.organization();
        createDepartment(org, "IT", "IT");
        createDepartment(org, "OPS", "Operations");

        jdbc.sql("delete from audit_events where org_id = ? and seq = ?").params(org.id(), 2).update();

        mvc.perform(as(org.cio(), get(auditEvents(org) + "/verification")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(2));
    }

    @Test
    void eventsAreFilteredByActionEntityAndTime() throws Exception {
        var org = fixtures.organization();
        String it = createDepartment(org, "IT", "IT");
        String ops = createDepartment(org, "OPS", "Operations");
        mvc.perform(as(org.cio(), put(departments(org) + "/" + it), "{\"code\": \"IT\", \"name\": \"IT and Digital\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations"),
                        "{\"email\": \"new@example.test\", \"role\": \"EMPLOYEE\"}"))
                .andExpect(status().isCreated());
        long last = lastAuditSeq(mvc, org);

        assertThat(actions(org, Map.of("action", "department."))).containsExactly(
                "department.updated", "department.created", "department.created");
        assertThat(actions(org, Map.of("action", "department.created"))).hasSize(2);
        assertThat(actions(org, Map.of("entityType", "Invitation"))).containsExactly("invitation.created");
        assertThat(actions(org, Map.of("entityId", it))).containsExactly("department.updated", "department.created");
        assertThat(actions(org, Map.of("entityType", "Department", "entityId", ops))).containsExactly("department.created");
        assertThat(actions(org, Map.of("action", "nothing."))).isEmpty();

        // The time window: from is inclusive, to exclusive.
        String opsCreatedAt = read(mvc.perform(as(org.cio(), get(auditEvents(org)).param("entityId", ops))), "$.items[0].occurredAt");
        assertThat(seqs(org, Map.of("from", opsCreatedAt))).containsExactly(last, last - 1, last - 2);
        assertThat(seqs(org, Map.of("to", opsCreatedAt))).containsExactlyElementsOf(
                LongStream.iterate(last - 3, s -> s >= 1, s -> s - 1).boxed().toList());
        assertThat(seqs(org, Map.of("from", opsCreatedAt, "to", opsCreatedAt))).isEmpty();

        mvc.perform(as(org.cio(), get(auditEvents(org)).param("from", "yesterday")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("from"));
    }

    @Test
    void eventsArePagedNewestFirstWithCursors() throws Exception {
        var org = fixtures.organization();
        for (int i = 0; i < 4; i++) {
            createDepartment(org, "D" + i, "Department " + i);
        }
        long last = lastAuditSeq(mvc, org);

        List<Long> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get(auditEvents(org)).param("limit", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            var page = mvc.perform(as(org.cio(), request)).andExpect(status().isOk());
            List<Number> seqs = read(page, "$.items[*].seq");
            seqs.forEach(s -> all.add(s.longValue()));
            cursor = read(page, "$.nextCursor");
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(all).containsExactlyElementsOf(LongStream.iterate(last, s -> s >= 1, s -> s - 1).boxed().toList());
        assertThat(pages).isEqualTo((int) (last + 1) / 2);

        // Filters and cursors work together.
        var first = mvc.perform(as(org.cio(), get(auditEvents(org)).param("action", "department.").param("limit", "3")));
        List<Number> firstSeqs = read(first, "$.items[*].seq");
        var second = mvc.perform(as(org.cio(), get(auditEvents(org)).param("action", "department.").param("limit", "3")
                .param("cursor", read(first, "$.nextCursor").toString())));
        assertThat(firstSeqs).hasSize(3);
        assertThat(read(second, "$.items[*].action").toString()).contains("department.created").doesNotContain("member.");
        List<Number> secondSeqs = read(second, "$.items[*].seq");
        assertThat(secondSeqs).hasSize(1);
        assertThat((Object) read(second, "$.nextCursor")).isNull();
    }

    @Test
    void theAuditPageIsForThoseWhoMayReadIt() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        var auditor = fixtures.member(org, Role.AUDITOR);
        createDepartment(org, "IT", "Information Technology");

        mvc.perform(get("/o/" + org.slug() + "/audit").with(user(org.cio().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("department.created")))
                .andExpect(content().string(containsString("Audit trail")));
        mvc.perform(get("/o/" + org.slug() + "/audit").with(user(auditor.principal())).param("action", "member."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("member.added")))
                .andExpect(content().string(not(containsString("department.created"))));
        mvc.perform(get("/o/" + org.slug() + "/audit").param("verify", "true").with(user(auditor.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The chain is intact")));

        mvc.perform(get("/o/" + org.slug() + "/audit").with(user(employee.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/o/" + org.slug() + "/audit").param("verify", "true").with(user(employee.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(as(employee, get(auditEvents(org)))).andExpect(status().isForbidden());
    }

    private String createDepartment(Org org, String code, String name) throws Exception {
        ResultActions result = mvc.perform(as(org.cio(), post(departments(org)), "{\"code\": \"" + code + "\", \"name\": \"" + name + "\"}"))
                .andExpect(status().isCreated());
        return read(result, "$.id");
    }

    private List<String> actions(Org org, Map<String, String> filters) throws Exception {
        var request = get(auditEvents(org));
        filters.forEach(request::param);
        return read(mvc.perform(as(org.cio(), request)).andExpect(status().isOk()), "$.items[*].action");
    }

    private List<Long> seqs(Org org, Map<String, String> filters) throws Exception {
        var request = get(auditEvents(org));
        filters.forEach(request::param);
        List<Number> seqs = read(mvc.perform(as(org.cio(), request)).andExpect(status().isOk()), "$.items[*].seq");
        return seqs.stream().map(Number::longValue).toList();
    }

    private static String departments(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/departments";
    }

    private static String auditEvents(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/audit-events";
    }
}

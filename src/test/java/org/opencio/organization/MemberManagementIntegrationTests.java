package org.opencio.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class MemberManagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void anItManagerGrantsNoRoleAboveTheirOwnNorOutsideTheItLine() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        var employee = fixtures.member(org, Role.EMPLOYEE);
        long seq = lastAuditSeq(mvc, org);

        for (Role role : List.of(Role.CIO, Role.EXECUTIVE, Role.AUDITOR)) {
            invite(manager, org, "manager-invites-" + role.name().toLowerCase() + "@example.test", role)
                    .andExpect(status().isForbidden())
                    .andExpect(problem());
            updateRole(manager, org, employee, 0, role)
                    .andExpect(status().isForbidden())
                    .andExpect(problem());
        }
        // Nor may they change or remove the CIO.
        updateRole(manager, org, org.cio(), 0, Role.IT_STAFF).andExpect(status().isForbidden());
        mvc.perform(as(manager, post(members(org) + "/" + org.cio().membershipId() + "/deactivate")))
                .andExpect(status().isForbidden());
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get(members(org) + "/" + employee.membershipId())))
                .andExpect(jsonPath("$.role").value("EMPLOYEE"))
                .andExpect(jsonPath("$.version").value(0));

        // Within the IT line, up to their own rank, they may.
        invite(manager, org, OrgFixtures.unique("staff") + "@example.test", Role.IT_STAFF).andExpect(status().isCreated());
        invite(manager, org, OrgFixtures.unique("peer") + "@example.test", Role.IT_MANAGER).andExpect(status().isCreated());
        updateRole(manager, org, employee, 0, Role.IT_STAFF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("IT_STAFF"));
    }

    @Test
    void aCioGrantsEveryRole() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        var staff = fixtures.member(org, Role.IT_STAFF);

        for (Role role : List.of(Role.CIO, Role.EXECUTIVE, Role.AUDITOR)) {
            invite(org.cio(), org, OrgFixtures.unique("cio-invites") + "@example.test", role)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.invitation.role").value(role.name()));
        }
        updateRole(org.cio(), org, employee, 0, Role.AUDITOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("AUDITOR"));
        updateRole(org.cio(), org, staff, 0, Role.CIO)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("CIO"));
        // The promotion takes effect at once: the new CIO may now change the organization's settings.
        mvc.perform(as(staff, put("/api/v1/orgs/" + org.slug()),
                                "{\"name\": \"Renamed by the new CIO\", \"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", "
                                        + "\"locale\": \"en-GB\", \"fiscalYearStartMonth\": 1}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isOk());
    }

    @Test
    void nobodyDeactivatesThemselves() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        long seq = lastAuditSeq(mvc, org);

        for (Person person : List.of(org.cio(), manager)) {
            mvc.perform(as(person, post(members(org) + "/" + person.membershipId() + "/deactivate")))
                    .andExpect(status().isConflict())
                    .andExpect(namesField("id"));
        }

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[*].email", hasItem(org.cio().email())))
                .andExpect(jsonPath("$.items[*].email", hasItem(manager.email())));
    }

    @Test
    void anOrganizationKeepsAtLeastOneActiveCio() throws Exception {
        var org = fixtures.organization();
        var cio = org.cio();

        updateRole(cio, org, cio, 0, Role.IT_MANAGER)
                .andExpect(status().isConflict())
                .andExpect(namesField("role"));

        // With a second CIO, one of them may step down.
        var second = fixtures.member(org, Role.CIO);
        updateRole(cio, org, second, 0, Role.IT_MANAGER).andExpect(status().isOk());
        updateRole(cio, org, cio, 0, Role.IT_MANAGER)
                .andExpect(status().isConflict())
                .andExpect(namesField("role"));

        // A deactivated CIO does not count.
        var third = fixtures.member(org, Role.CIO);
        mvc.perform(as(cio, post(members(org) + "/" + third.membershipId() + "/deactivate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        long seq = lastAuditSeq(mvc, org);
        updateRole(cio, org, cio, 0, Role.EXECUTIVE).andExpect(status().isConflict());
        mvc.perform(as(cio, post(members(org) + "/" + cio.membershipId() + "/deactivate")))
                .andExpect(status().isConflict());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(cio, get(members(org) + "/" + cio.membershipId())))
                .andExpect(jsonPath("$.role").value("CIO"))
                .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void deactivationRemovesAccessAtOnceAndReactivationRestoresIt() throws Exception {
        var org = fixtures.organization();
        var staff = fixtures.member(org, Role.IT_STAFF);
        Cookie session = Pages.signIn(mvc, staff.email(), OrgFixtures.PASSWORD);
        String page = "/o/" + org.slug() + "/departments";
        String api = "/api/v1/orgs/" + org.slug() + "/departments";

        mvc.perform(get(page).cookie(session)).andExpect(status().isOk());
        mvc.perform(as(staff, get(api))).andExpect(status().isOk());

        mvc.perform(as(org.cio(), post(members(org) + "/" + staff.membershipId() + "/deactivate"),
                        "{\"reason\": \"left the company\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        mvc.perform(get(page).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(get("/o/" + org.slug()).cookie(session)).andExpect(status().isNotFound());
        mvc.perform(as(staff, get(api))).andExpect(status().isNotFound()).andExpect(problem());
        mvc.perform(as(staff, get("/api/v1/orgs"))).andExpect(jsonPath("$[*].slug", not(hasItem(org.slug()))));
        // They drop out of the member list, and the reason is kept in the audit trail.
        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[*].email", not(hasItem(staff.email()))));
        mvc.perform(as(org.cio(), get(members(org)).param("active", "false")))
                .andExpect(jsonPath("$.items[*].email", hasItem(staff.email())));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/audit-events")
                        .param("action", "member.deactivated")
                        .param("entityId", staff.membershipId().toString())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].after", containsString("left the company")));

        mvc.perform(as(org.cio(), post(members(org) + "/" + staff.membershipId() + "/reactivate")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));

        mvc.perform(get(page).cookie(session)).andExpect(status().isOk());
        mvc.perform(as(staff, get(api))).andExpect(status().isOk());
    }

    @Test
    void aDeactivatedMembersPageFormsAreRefusedToo() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        Cookie session = Pages.signIn(mvc, manager.email(), OrgFixtures.PASSWORD);
        mvc.perform(as(org.cio(), post(members(org) + "/" + manager.membershipId() + "/deactivate")))
                .andExpect(status().isOk());
        long seq = lastAuditSeq(mvc, org);

        mvc.perform(post("/o/" + org.slug() + "/departments").cookie(session).with(csrf())
                        .param("code", "LATE")
                        .param("name", "Created after leaving"))
                .andExpect(status().isNotFound());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
    }

    @Test
    void employeesDoNotSeeThePeopleList() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        var staff = fixtures.member(org, Role.IT_STAFF);

        mvc.perform(as(employee, get(members(org)))).andExpect(status().isForbidden()).andExpect(problem());
        mvc.perform(as(employee, get(members(org) + "/" + staff.membershipId()))).andExpect(status().isForbidden());
        mvc.perform(get("/o/" + org.slug() + "/members").with(user(employee.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(as(staff, get(members(org)))).andExpect(status().isOk());
    }

    @Test
    void auditorsReadTheAuditTrailButChangeNothing() throws Exception {
        var org = fixtures.organization();
        var auditor = fixtures.member(org, Role.AUDITOR);
        var employee = fixtures.member(org, Role.EMPLOYEE);
        var created = mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"),
                        "{\"code\": \"IT\", \"name\": \"IT\"}"))
                .andExpect(status().isCreated());
        String department = read(created, "$.id");
        long seq = lastAuditSeq(mvc, org);
        String base = "/api/v1/orgs/" + org.slug();

        mvc.perform(as(auditor, get(base + "/audit-events")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].seq").value(seq));
        mvc.perform(as(auditor, get(base + "/audit-events/verification")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));

        List<ResultActions> attempts = List.of(
                mvc.perform(as(auditor, post(base + "/departments"), "{\"code\": \"AUD\", \"name\": \"Audit\"}")),
                mvc.perform(as(auditor, put(base + "/departments/" + department), "{\"code\": \"IT\", \"name\": \"Mine\"}")
                        .header("If-Match", "\"0\"")),
                mvc.perform(as(auditor, post(base + "/departments/" + department + "/archive"))),
                mvc.perform(as(auditor, post(base + "/invitations"), "{\"email\": \"x@example.test\", \"role\": \"EMPLOYEE\"}")),
                mvc.perform(as(auditor, put(base + "/members/" + employee.membershipId()), "{\"role\": \"IT_STAFF\"}")
                        .header("If-Match", "\"0\"")),
                mvc.perform(as(auditor, post(base + "/members/" + employee.membershipId() + "/deactivate"))),
                mvc.perform(as(auditor, put(base), "{\"name\": \"Audited\", \"baseCurrency\": \"EUR\", \"timeZone\": \"UTC\", "
                                + "\"locale\": \"en-GB\", \"fiscalYearStartMonth\": 1}")
                        .header("If-Match", "\"0\"")));
        for (ResultActions attempt : attempts) {
            attempt.andExpect(status().isForbidden()).andExpect(problem());
        }
        mvc.perform(post("/o/" + org.slug() + "/departments")
                        .with(user(auditor.principal()))
                        .with(csrf())
                        .param("code", "AUD")
                        .param("name", "Audit"))
                .andExpect(status().isForbidden());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
    }

    private static String members(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/members";
    }

    @Test
    void approvalLimitsAreGrantedDownTheChainAndNobodyRaisesTheirOwn() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER, null, new java.math.BigDecimal("5000"));
        var staff = fixtures.member(org, Role.IT_STAFF);
        long seq = lastAuditSeq(mvc, org);

        // Not their own limit, and nobody else's above theirs, neither by invitation nor by change.
        setLimit(manager, org, manager, Role.IT_MANAGER, "5000.01")
                .andExpect(status().isForbidden())
                .andExpect(problem());
        setLimit(manager, org, staff, Role.IT_STAFF, "7500").andExpect(status().isForbidden());
        mvc.perform(as(manager, post("/api/v1/orgs/" + org.slug() + "/invitations"),
                        "{\"email\": \"" + OrgFixtures.unique("big") + "@example.test\", \"role\": \"IT_STAFF\", "
                                + "\"approvalLimit\": 9000}"))
                .andExpect(status().isForbidden());
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);

        // Up to their own limit they may; lowering their own is allowed too.
        setLimit(manager, org, staff, Role.IT_STAFF, "5000")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvalLimit").value(5000));
        setLimit(manager, org, manager, Role.IT_MANAGER, "4000").andExpect(status().isOk());
        // A CIO grants any amount.
        setLimit(org.cio(), org, manager, Role.IT_MANAGER, "250000").andExpect(status().isOk());
    }

    private ResultActions setLimit(Person caller, Org org, Person member, Role role, String limit) throws Exception {
        Number version = read(mvc.perform(as(org.cio(), get(members(org) + "/" + member.membershipId()))), "$.version");
        return mvc.perform(as(caller, put(members(org) + "/" + member.membershipId()),
                        "{\"role\": \"" + role + "\", \"approvalLimit\": " + limit + "}")
                .header("If-Match", "\"" + version + "\""));
    }

    private ResultActions invite(Person inviter, Org org, String email, Role role) throws Exception {
        return mvc.perform(as(inviter, post("/api/v1/orgs/" + org.slug() + "/invitations"),
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
    }

    private ResultActions updateRole(Person caller, Org org, Person member, long version, Role role) throws Exception {
        return mvc.perform(as(caller, put(members(org) + "/" + member.membershipId()), "{\"role\": \"" + role + "\"}")
                .header("If-Match", "\"" + version + "\""));
    }
}

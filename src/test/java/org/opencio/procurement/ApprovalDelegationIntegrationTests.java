package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class ApprovalDelegationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    DelegationManagement delegations;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void anApproverAwayNamesADelegateWhoThenDecidesForThemUntilRevoked() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person outsider = fixtures.member(org, Role.IT_STAFF);

        String id = read(delegate(manager, org, null, staff.accountId(), today, today.plusDays(6), "Annual leave")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.delegatorName").value(manager.name()))
                .andExpect(jsonPath("$.delegateName").value(staff.name()))
                .andExpect(jsonPath("$.activeToday").value(true)), "$.id");
        assertThat(fixtures.as(staff, () -> delegations.delegatorsOf(staff.accountId(), today))).containsExactly(manager.accountId());
        assertThat(fixtures.as(staff, () -> delegations.delegatorsOf(staff.accountId(), today.plusDays(7)))).isEmpty();

        // Both see it; another colleague does not, and the delegate cannot end it.
        mvc.perform(as(staff, get(delegationsOf(org)))).andExpect(jsonPath("$[*].id", hasItem(id)));
        mvc.perform(as(outsider, get(delegationsOf(org)))).andExpect(jsonPath("$[*].id", not(hasItem(id))));
        mvc.perform(as(outsider, get(delegationsOf(org) + "/" + id))).andExpect(status().isNotFound());
        mvc.perform(as(staff, post(delegationsOf(org) + "/" + id + "/revoke"), "{}")).andExpect(status().isForbidden());

        // A second delegation over the same days is refused until the first is revoked.
        delegate(manager, org, null, outsider.accountId(), today.plusDays(3), today.plusDays(10), null)
                .andExpect(status().isConflict())
                .andExpect(problem());
        mvc.perform(as(manager, post(delegationsOf(org) + "/" + id + "/revoke"), "{\"reason\":\"Back early\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeToday").value(false))
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(as(manager, post(delegationsOf(org) + "/" + id + "/revoke"), "{}")).andExpect(status().isConflict());
        assertThat(fixtures.as(staff, () -> delegations.delegatorsOf(staff.accountId(), today))).isEmpty();
        delegate(manager, org, null, outsider.accountId(), today.plusDays(3), today.plusDays(10), null).andExpect(status().isCreated());
    }

    @Test
    void aCioNamesADelegateForSomeoneElseAndNobodyElseMay() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person employee = fixtures.member(org, Role.EMPLOYEE);

        delegate(org.cio(), org, manager.accountId(), staff.accountId(), today, today, "Sick leave").andExpect(status().isCreated());
        delegate(staff, org, manager.accountId(), employee.accountId(), today.plusDays(5), today.plusDays(6), null)
                .andExpect(status().isForbidden());
        delegate(employee, org, null, staff.accountId(), today, today, null).andExpect(status().isForbidden());
        mvc.perform(as(manager, get(delegationsOf(org)).param("all", "true"))).andExpect(status().isForbidden());
        mvc.perform(as(org.cio(), get(delegationsOf(org)).param("all", "true")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].delegatorId").value(manager.accountId().toString()));
        // The delegator may revoke what the CIO set up for them.
        String id = read(mvc.perform(as(org.cio(), get(delegationsOf(org)).param("all", "true"))), "$[0].id");
        mvc.perform(as(manager, post(delegationsOf(org) + "/" + id + "/revoke"), "{}")).andExpect(status().isOk());
    }

    @Test
    void badDelegationsAreRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person stranger = fixtures.member(other, Role.IT_STAFF);
        long seq = lastAuditSeq(mvc, org);

        delegate(manager, org, null, manager.accountId(), today, today, null).andExpect(namesField("delegateId"));
        delegate(manager, org, null, stranger.accountId(), today, today, null).andExpect(namesField("delegateId"));
        delegate(manager, org, null, null, today, today, null).andExpect(namesField("delegateId"));
        delegate(manager, org, null, staff.accountId(), today.minusDays(1), today, null).andExpect(namesField("startsOn"));
        delegate(manager, org, null, staff.accountId(), today.plusDays(2), today.plusDays(1), null).andExpect(namesField("endsOn"));
        delegate(manager, org, null, staff.accountId(), today, today.plusDays(DelegationManagement.MAX_DAYS), null)
                .andExpect(namesField("endsOn"));
        mvc.perform(as(manager, post(delegationsOf(org)), "{\"delegateId\":\"" + staff.accountId() + "\",\"startsOn\":\"tomorrow\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(problem());
        delegate(org.cio(), org, stranger.accountId(), staff.accountId(), today, today, null).andExpect(namesField("delegatorId"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
    }

    private ResultActions delegate(Person caller, Org org, UUID delegator, UUID delegate, LocalDate from, LocalDate to, String reason)
            throws Exception {
        String body = "{" + (delegator == null ? "" : "\"delegatorId\":\"" + delegator + "\",")
                + "\"delegateId\":" + (delegate == null ? "null" : "\"" + delegate + "\"")
                + ",\"startsOn\":\"" + from + "\",\"endsOn\":\"" + to + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
        return mvc.perform(as(caller, post(delegationsOf(org)), body));
    }

    private static String delegationsOf(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/approval-delegations";
    }
}

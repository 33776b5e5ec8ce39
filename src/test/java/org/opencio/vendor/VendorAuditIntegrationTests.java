package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every change of the vendor register — vendors, contacts, intelligence notes, reviews, the renewal settings and the
 * calendar feed — appends an audit event naming who did what to which record, with its state before and after, and
 * the organization's chain still verifies. (Contracts and their documents are checked with their own tests.)
 */
@IntegrationTest
class VendorAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChangeOfTheRegisterIsAuditedWithItsBeforeAndAfter() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendorNamed("Audited Vendor AG", "\"category\":\"SAAS\",\"website\":\"audited.example\"");
        String base = api.base();
        mvc.perform(as(org.cio(), patch(base + "/vendors/" + vendor).header("If-Match", "\"0\""), "{\"riskTier\":\"HIGH\"}"))
                .andExpect(status().isOk());
        String contact = api.contact(vendor, "\"name\":\"Lea Brandt\",\"kind\":\"SUPPORT\"");
        mvc.perform(as(org.cio(), patch(base + "/vendors/" + vendor + "/contacts/" + contact).header("If-Match", "\"0\""), "{\"kind\":\"BILLING\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), delete(base + "/vendors/" + vendor + "/contacts/" + contact).header("If-Match", "\"1\"")))
                .andExpect(status().isNoContent());
        String note = api.note(vendor, "\"title\":\"Roadmap 2027\",\"kind\":\"ROADMAP\"");
        mvc.perform(as(org.cio(), patch(base + "/vendors/" + vendor + "/notes/" + note).header("If-Match", "\"0\""), "{\"title\":\"Roadmap 2028\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), delete(base + "/vendors/" + vendor + "/notes/" + note).header("If-Match", "\"1\"")))
                .andExpect(status().isNoContent());
        String review = api.review(org.cio(), vendor, "2026-Q1", 4, 4, 3, 3, 4, 2);
        mvc.perform(as(org.cio(), patch(base + "/vendor-reviews/" + review).header("If-Match", "\"0\""), "{\"innovation\":3}"))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), delete(base + "/vendor-reviews/" + review).header("If-Match", "\"1\""))).andExpect(status().isNoContent());
        mvc.perform(as(org.cio(), post(base + "/vendors/" + vendor + "/archive"), "{\"reason\":\"No longer used\"}")).andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(base + "/vendors/" + vendor + "/restore"), "{\"reason\":\"Back in use\"}")).andExpect(status().isOk());
        mvc.perform(as(org.cio(), put(base + "/contract-settings").header("If-Match", "\"0\""), "{\"expiringWindowDays\":60,\"reminderDays\":[60,30,7]}"))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(base + "/calendar-feed"))).andExpect(status().is2xxSuccessful());
        mvc.perform(as(org.cio(), post(base + "/calendar-feed"))).andExpect(status().is2xxSuccessful());
        mvc.perform(as(org.cio(), post(base + "/calendar-feed/revoke"), "{\"reason\":\"Address shared by mistake\"}")).andExpect(status().is2xxSuccessful());

        List<Map<String, Object>> events = jdbc.sql("select action, entity_id, actor_id, before_state, after_state from audit_events "
                        + "where org_id = ? and entity_type in ('Vendor', 'VendorContact', 'VendorNote', 'VendorReview', 'ContractSettings', "
                        + "'ContractCalendarFeed') order by seq")
                .param(org.id())
                .query()
                .listOfRows();
        assertThat(events).extracting(e -> e.get("action")).containsExactly(
                "vendor.created", "vendor.updated",
                "vendor-contact.created", "vendor-contact.updated", "vendor-contact.removed",
                "vendor-note.created", "vendor-note.updated", "vendor-note.removed",
                "vendor-review.created", "vendor-review.updated", "vendor-review.withdrawn",
                "vendor.archived", "vendor.restored",
                "contract-settings.updated",
                "contract-calendar-feed.created", "contract-calendar-feed.rotated", "contract-calendar-feed.revoked");
        assertThat(events).allSatisfy(e -> assertThat(e.get("actor_id")).hasToString(org.cio().accountId().toString()));
        assertThat(events).filteredOn(e -> String.valueOf(e.get("action")).endsWith(".created"))
                .allSatisfy(e -> assertThat(e.get("after_state")).isNotNull());
        assertThat(event(events, "vendor.updated")).satisfies(e -> {
            assertThat(String.valueOf(e.get("before_state"))).contains("MEDIUM");
            assertThat(String.valueOf(e.get("after_state"))).contains("HIGH");
        });
        assertThat(String.valueOf(event(events, "vendor-contact.updated").get("after_state"))).contains("BILLING");
        assertThat(String.valueOf(event(events, "vendor-note.updated").get("before_state"))).contains("Roadmap 2027");
        assertThat(String.valueOf(event(events, "vendor-review.updated").get("after_state"))).contains("\"innovation\":3");
        assertThat(String.valueOf(event(events, "vendor.archived").get("after_state"))).contains("No longer used");
        assertThat(String.valueOf(event(events, "contract-settings.updated").get("after_state"))).contains("60", "7");
        // Nothing of the feed's secret address reaches the trail.
        assertThat(events).filteredOn(e -> String.valueOf(e.get("action")).startsWith("contract-calendar-feed"))
                .allSatisfy(e -> assertThat(String.valueOf(e.get("after_state"))).doesNotContain("ocal_"));

        mvc.perform(as(org.cio(), get(base + "/audit-events/verification"))).andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
    }

    private static Map<String, Object> event(List<Map<String, Object>> events, String action) {
        return events.stream().filter(e -> action.equals(e.get("action"))).findFirst().orElseThrow();
    }

}

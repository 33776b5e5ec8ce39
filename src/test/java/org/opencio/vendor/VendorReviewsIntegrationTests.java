package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Vendor scorecards: six scores from 1 to 5 and their mean, the trend per vendor and the comparison in a category. */
@IntegrationTest
class VendorReviewsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void aReviewIsScoredByItsReviewerAndItsOverallIsTheMean() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        var api = new VendorApi(mvc, org);
        String vendor = api.vendor("\"category\":\"SAAS\",\"ownerId\":\"" + owner.accountId() + "\"");
        String reviews = api.base() + "/vendor-reviews";
        String id = api.review(manager, vendor, "2025-q3", 4, 3, 5, 2, 4, 3);
        mvc.perform(as(org.cio(), get(reviews + "/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2025-Q3"))
                .andExpect(jsonPath("$.periodStart").value("2025-07-01"))
                .andExpect(jsonPath("$.periodEnd").value("2025-09-30"))
                .andExpect(jsonPath("$.overall").value(3.50))
                .andExpect(jsonPath("$.reviewerId").value(manager.accountId().toString()))
                .andExpect(jsonPath("$.reviewerName").value(manager.name()));
        // The relationship owner hears of it.
        mvc.perform(as(owner, get(api.base() + "/notifications")))
                .andExpect(jsonPath("$.items[0].kind").value("vendor.reviewed"))
                .andExpect(jsonPath("$.items[0].title", containsString("2025-Q3: 3.50 of 5")))
                .andExpect(jsonPath("$.items[0].link").value("/o/" + org.slug() + "/vendors/" + vendor + "#reviews"));

        // The same reviewer, vendor and period once; another reviewer may add theirs.
        mvc.perform(as(manager, post(reviews), body(vendor, "2025-Q3", 5, 5, 5, 5, 5, 5))).andExpect(status().isConflict());
        api.review(org.cio(), vendor, "2025-Q3", 2, 2, 2, 2, 2, 2);

        // Only the reviewer changes a review; a CIO may withdraw it.
        mvc.perform(as(org.cio(), patch(reviews + "/" + id).header("If-Match", "\"0\""), "{\"cost\":5}")).andExpect(status().isForbidden());
        mvc.perform(as(manager, patch(reviews + "/" + id).header("If-Match", "\"0\""), "{\"cost\":5,\"comments\":\"Price cut agreed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cost").value(5))
                .andExpect(jsonPath("$.overall").value(4.0))
                .andExpect(jsonPath("$.quality").value(4));
        mvc.perform(as(manager, patch(reviews + "/" + id).header("If-Match", "\"1\""), "{\"cost\":6}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("cost"));

        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + vendor))).andExpect(jsonPath("$.score").value(3.0));
        mvc.perform(as(org.cio(), delete(reviews + "/" + id))).andExpect(status().isNoContent());
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + vendor))).andExpect(jsonPath("$.score").value(2.0));
        mvc.perform(as(org.cio(), get(reviews + "/" + id))).andExpect(status().isNotFound());
    }

    @Test
    void scoresOutsideOneToFiveAndOtherBadInputAreRefused() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendor("");
        long audit = lastAuditSeq(mvc, org);
        create(org, body(vendor, "2025-Q1", 0, 3, 3, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("quality"));
        create(org, body(vendor, "2025-Q1", 3, 6, 3, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("delivery"));
        create(org, body(vendor, "2025-Q1", 3, 3, -1, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("support"));
        create(org, body(vendor, "2025-Q1", 3, 3, 3, 3, 3, 3).replace("\"cost\":3", "\"cost\":2.5"))
                .andExpect(status().isBadRequest()).andExpect(namesField("cost"));
        create(org, body(vendor, "2025-Q1", 3, 3, 3, 3, 3, 3).replace(",\"innovation\":3", ""))
                .andExpect(status().isBadRequest()).andExpect(namesField("innovation"));
        create(org, body(vendor, "2025-Q5", 3, 3, 3, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("period"));
        create(org, body(vendor, "last year", 3, 3, 3, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("period"));
        create(org, body(vendor, "2099-Q1", 3, 3, 3, 3, 3, 3)).andExpect(status().isBadRequest()).andExpect(namesField("period"));
        create(org, body(vendor, "2025-Q1", 3, 3, 3, 3, 3, 3).replace("}", ",\"comments\":\"" + "c".repeat(4001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("comments"));
        create(org, body("01900000-0000-7000-8000-000000000000", "2025-Q1", 3, 3, 3, 3, 3, 3))
                .andExpect(status().isBadRequest()).andExpect(namesField("vendorId"));
        create(org, "{\"period\":\"2025-Q1\"}").andExpect(status().isBadRequest()).andExpect(namesField("vendorId"));
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("period", "soon")))
                .andExpect(status().isBadRequest()).andExpect(namesField("period"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
        Person auditor = fixtures.member(org, Role.AUDITOR);
        create(auditor, org, body(vendor, "2025-Q1", 3, 3, 3, 3, 3, 3)).andExpect(status().isForbidden());
    }

    @Test
    void theTrendFollowsPeriodsAndTheComparisonRanksACategory() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        var api = new VendorApi(mvc, org);
        String crm = api.vendorNamed("Pipeline CRM", "\"category\":\"SAAS\",\"strategicTier\":\"STRATEGIC\"");
        String hr = api.vendorNamed("PeopleFirst HR", "\"category\":\"SAAS\"");
        api.vendorNamed("Unreviewed Forms", "\"category\":\"SAAS\"");
        api.vendorNamed("Racks and Cables", "\"category\":\"HARDWARE\"");
        api.review(org.cio(), crm, "2025-Q1", 3, 3, 3, 3, 3, 3);
        api.review(org.cio(), crm, "2025-Q2", 4, 4, 3, 3, 4, 4);
        api.review(manager, crm, "2025-Q2", 4, 4, 4, 4, 4, 4);
        api.review(org.cio(), crm, "2025-Q3", 5, 4, 4, 3, 5, 3);
        api.review(org.cio(), hr, "2025-Q2", 2, 3, 2, 4, 3, 4);

        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews/trend").param("vendorId", crm)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].period", contains("2025-Q1", "2025-Q2", "2025-Q3")))
                .andExpect(jsonPath("$.points[1].reviews").value(2))
                .andExpect(jsonPath("$.points[1].scores.quality").value(4.0))
                .andExpect(jsonPath("$.points[1].scores.support").value(3.5))
                .andExpect(jsonPath("$.points[2].scores.overall").value(4.0));

        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews/comparison").param("category", "SAAS")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].name", contains("Pipeline CRM", "PeopleFirst HR", "Unreviewed Forms")))
                .andExpect(jsonPath("$.rows[0].period").value("2025-Q3"))
                .andExpect(jsonPath("$.rows[0].scores.overall").value(4.0))
                .andExpect(jsonPath("$.rows[2].reviews").value(0))
                .andExpect(jsonPath("$.mean.overall").value(3.5))
                .andExpect(jsonPath("$.mean.quality").value(3.5));
        // Within a period: each vendor by its reviews of that period.
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews/comparison").param("category", "SAAS").param("period", "2025-Q2")))
                .andExpect(jsonPath("$.rows[0].name").value("Pipeline CRM"))
                .andExpect(jsonPath("$.rows[0].reviews").value(2))
                .andExpect(jsonPath("$.rows[0].scores.overall").value(3.83));

        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("period", "2025-H1")))
                .andExpect(jsonPath("$.items.length()").value(4));
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("vendorId", hr)))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("category", "HARDWARE")))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("sort", "-overall").param("limit", "1")))
                .andExpect(jsonPath("$.items[0].overall").value(4.0));
        mvc.perform(as(org.cio(), get(api.base() + "/vendor-reviews").param("reviewerId", manager.accountId().toString())))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    static String body(String vendor, String period, int... s) {
        return "{\"vendorId\":\"" + vendor + "\",\"period\":\"" + period + "\",\"quality\":" + s[0] + ",\"delivery\":" + s[1]
                + ",\"support\":" + s[2] + ",\"cost\":" + s[3] + ",\"relationship\":" + s[4] + ",\"innovation\":" + s[5] + "}";
    }

    private ResultActions create(Org org, String body) throws Exception {
        return create(org.cio(), org, body);
    }

    private ResultActions create(Person person, Org org, String body) throws Exception {
        return mvc.perform(as(person, post("/api/v1/orgs/" + org.slug() + "/vendor-reviews"), body));
    }
}

package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A new vendor that may already be in the register: the same name once legal forms are set aside, or the same domain. */
@IntegrationTest
class VendorDuplicatesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void theSameNameOrDomainIsAPossibleDuplicateUnlessTheCallerKnowinglyAddsIt() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String acme = api.vendorNamed("ACME, Inc.", "\"category\":\"HARDWARE\",\"website\":\"https://www.acme-devices.example\"");
        String cloud = api.vendorNamed("Stratus Hosting Ltd", "\"tradingName\":\"Stratus Cloud\",\"category\":\"CLOUD\"");
        String list = api.base() + "/vendors";
        long audit = lastAuditSeq(mvc, org);

        // Same name once punctuation and the legal form are set aside.
        mvc.perform(as(org.cio(), post(list), "{\"legalName\":\"Acme Incorporated\",\"category\":\"HARDWARE\"}"))
                .andExpect(status().isConflict())
                .andExpect(problem())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:possible-duplicates"))
                .andExpect(jsonPath("$.errors[0].field").value("legalName"))
                .andExpect(jsonPath("$.duplicates[*].id", contains(acme)))
                .andExpect(jsonPath("$.duplicates[0].name").value("ACME, Inc."))
                .andExpect(jsonPath("$.duplicates[0].domain").value("acme-devices.example"))
                .andExpect(jsonPath("$.duplicates[0].matchedOn", contains("name")));
        // Same website domain under another name.
        mvc.perform(as(org.cio(), post(list), "{\"legalName\":\"AD Devices GmbH\",\"category\":\"HARDWARE\",\"website\":\"acme-devices.example/shop\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[0].id").value(acme))
                .andExpect(jsonPath("$.duplicates[0].matchedOn", contains("domain")));
        // Both at once, and the trading name of another vendor.
        mvc.perform(as(org.cio(), post(list), "{\"legalName\":\"Stratus Cloud\",\"tradingName\":\"Acme\",\"category\":\"CLOUD\","
                        + "\"website\":\"http://acme-devices.example\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[*].id", containsInAnyOrder(acme, cloud)));
        assertThat(lastAuditSeq(mvc, org)).as("nothing was created").isEqualTo(audit);

        // The pre-check answers the same candidates without creating anything.
        mvc.perform(as(org.cio(), get(list + "/duplicates").param("legalName", "acme ltd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(acme)));
        mvc.perform(as(org.cio(), get(list + "/duplicates").param("legalName", "Completely New Co")))
                .andExpect(jsonPath("$.length()").value(0));

        // Knowingly: a subsidiary that shares the name.
        mvc.perform(as(org.cio(), post(list), "{\"legalName\":\"Acme Inc\",\"category\":\"HARDWARE\",\"allowDuplicate\":true}"))
                .andExpect(status().isCreated());
        // A different vendor without a website is no duplicate of vendors without one.
        mvc.perform(as(org.cio(), post(list), "{\"legalName\":\"Quiet Partners\",\"category\":\"SERVICES\"}")).andExpect(status().isCreated());
        mvc.perform(as(org.cio(), get(list))).andExpect(jsonPath("$.items.length()").value(4));
    }

    @Test
    void archivedVendorsCountAndOtherOrganizationsDoNot() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String old = api.vendorNamed("Legacy Print Services", "\"category\":\"SERVICES\"");
        mvc.perform(as(org.cio(), post(api.base() + "/vendors/" + old + "/archive"), "{}")).andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(api.base() + "/vendors"), "{\"legalName\":\"Legacy Print Services Ltd\",\"category\":\"SERVICES\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.duplicates[0].archived").value(true));
        new VendorApi(mvc, other).vendorNamed("Legacy Print Services", "\"category\":\"SERVICES\"");
    }
}

package org.opencio.vendor;

import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.springframework.test.web.servlet.MockMvc;

/** Creates vendors, contacts, notes and reviews through the API for tests, as the organization's CIO. */
record VendorApi(MockMvc mvc, Org org) {

    String base() {
        return "/api/v1/orgs/" + org.slug();
    }

    /** A vendor with a unique name and the given extra JSON fields (e.g. {@code "category":"SAAS"}). */
    String vendor(String fields) throws Exception {
        String name = OrgFixtures.unique("Vendor");
        String body = "{\"legalName\":\"" + name + "\"" + (fields.contains("\"category\"") ? "" : ",\"category\":\"SOFTWARE\"")
                + (fields.isEmpty() ? "" : "," + fields) + "}";
        return read(mvc.perform(as(org.cio(), post(base() + "/vendors"), body)).andExpect(status().isCreated()), "$.id");
    }

    String vendorNamed(String legalName, String fields) throws Exception {
        String body = "{\"legalName\":\"" + legalName + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
        return read(mvc.perform(as(org.cio(), post(base() + "/vendors"), body)).andExpect(status().isCreated()), "$.id");
    }

    String contact(String vendorId, String fields) throws Exception {
        return read(mvc.perform(as(org.cio(), post(base() + "/vendors/" + vendorId + "/contacts"), "{" + fields + "}"))
                .andExpect(status().isCreated()), "$.id");
    }

    String note(String vendorId, String fields) throws Exception {
        return read(mvc.perform(as(org.cio(), post(base() + "/vendors/" + vendorId + "/notes"), "{" + fields + "}"))
                .andExpect(status().isCreated()), "$.id");
    }

    String review(Person reviewer, String vendorId, String period, int... scores) throws Exception {
        String body = "{\"vendorId\":\"" + vendorId + "\",\"period\":\"" + period + "\",\"quality\":" + scores[0] + ",\"delivery\":" + scores[1]
                + ",\"support\":" + scores[2] + ",\"cost\":" + scores[3] + ",\"relationship\":" + scores[4] + ",\"innovation\":" + scores[5]
                + ",\"comments\":\"Reviewed in the quarterly meeting\"}";
        return read(mvc.perform(as(reviewer, post(base() + "/vendor-reviews"), body)).andExpect(status().isCreated()), "$.id");
    }
}

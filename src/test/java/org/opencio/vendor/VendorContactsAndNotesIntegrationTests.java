package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A vendor's contacts and its intelligence notes, through the API. */
@IntegrationTest
class VendorContactsAndNotesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void contactsAreAddedChangedAndRemoved() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendor("");
        String contacts = api.base() + "/vendors/" + vendor + "/contacts";
        String id = api.contact(vendor, "\"name\":\"Jana Novak\",\"kind\":\"ACCOUNT_MANAGER\",\"jobTitle\":\"Key account manager\","
                + "\"email\":\"jana.novak@vendor.example\",\"phone\":\"+49 (0)711 123-45 ext. 12\"");
        api.contact(vendor, "\"name\":\"Support desk\",\"kind\":\"SUPPORT\",\"email\":\"support@vendor.example\"");

        mvc.perform(as(org.cio(), get(contacts)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", contains("Jana Novak", "Support desk")));
        mvc.perform(as(org.cio(), get(contacts + "/" + id))).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(as(org.cio(), patch(contacts + "/" + id).header("If-Match", "\"0\""), "{\"kind\":\"BILLING\",\"phone\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("BILLING"))
                .andExpect(jsonPath("$.phone").value(nullValue()))
                .andExpect(jsonPath("$.email").value("jana.novak@vendor.example"));
        mvc.perform(as(org.cio(), delete(contacts + "/" + id).header("If-Match", "\"0\""))).andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), delete(contacts + "/" + id))).andExpect(status().isNoContent());
        mvc.perform(as(org.cio(), get(contacts + "/" + id))).andExpect(status().isNotFound());
        mvc.perform(as(org.cio(), get(contacts))).andExpect(jsonPath("$[*].name", contains("Support desk")));

        // A contact belongs to its vendor: another vendor's path does not reach it.
        String otherVendor = api.vendor("");
        String second = api.contact(vendor, "\"name\":\"Ola\",\"kind\":\"OTHER\"");
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + otherVendor + "/contacts/" + second))).andExpect(status().isNotFound());
    }

    @Test
    void aContactIsRefusedNamingWhatIsWrong() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendor("");
        long audit = lastAuditSeq(mvc, org);
        contact(org, vendor, "{\"kind\":\"SUPPORT\"}").andExpect(status().isBadRequest()).andExpect(namesField("name"));
        contact(org, vendor, "{\"name\":\"A\"}").andExpect(status().isBadRequest()).andExpect(namesField("kind"));
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SALES\"}").andExpect(status().isBadRequest()).andExpect(namesField("kind"));
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SUPPORT\",\"email\":\"not-an-email\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("email"));
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SUPPORT\",\"phone\":\"call me maybe\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("phone"));
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SUPPORT\",\"phone\":\"" + "1".repeat(51) + "\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("phone"));
        contact(org, vendor, "{\"name\":\"" + "n".repeat(201) + "\",\"kind\":\"SUPPORT\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("name"));
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SUPPORT\",\"jobTitle\":\"" + "j".repeat(201) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("jobTitle"));
        contact(org, "01900000-0000-7000-8000-000000000000", "{\"name\":\"A\",\"kind\":\"SUPPORT\"}").andExpect(status().isNotFound());
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);

        mvc.perform(as(org.cio(), post(api.base() + "/vendors/" + vendor + "/archive"), "{}")).andExpect(status().isOk());
        contact(org, vendor, "{\"name\":\"A\",\"kind\":\"SUPPORT\"}").andExpect(status().isConflict());
    }

    @Test
    void notesKeepWhatAVendorPresentedAndWhyItMatters() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        var api = new VendorApi(mvc, org);
        String vendor = api.vendor("");
        String notes = api.base() + "/vendors/" + vendor + "/notes";
        var created = mvc.perform(as(manager, post(notes), """
                        {"notedOn":"2026-03-12","kind":"ROADMAP","title":"Edge AI appliances in 2027",
                         "body":"On-premises inference boxes for factory vision.","relevance":"Quality inspection at the Stuttgart plant",
                         "tags":["AI","edge"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.authorId").value(manager.accountId().toString()))
                .andExpect(jsonPath("$.authorName").value(manager.name()))
                .andExpect(jsonPath("$.tags", contains("ai", "edge")));
        String id = com.jayway.jsonpath.JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
        api.note(vendor, "\"title\":\"Quarterly business review\",\"kind\":\"MEETING\"");

        mvc.perform(as(org.cio(), get(notes)))
                .andExpect(jsonPath("$[*].title", contains("Quarterly business review", "Edge AI appliances in 2027")))
                .andExpect(jsonPath("$[0].notedOn").value(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString()));
        mvc.perform(as(org.cio(), patch(notes + "/" + id).header("If-Match", "\"0\""), "{\"relevance\":\"Also the warehouse\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.relevance").value("Also the warehouse"))
                .andExpect(jsonPath("$.authorId").value(manager.accountId().toString()));

        long audit = lastAuditSeq(mvc, org);
        mvc.perform(as(org.cio(), post(notes), "{\"kind\":\"ROADMAP\"}")).andExpect(status().isBadRequest()).andExpect(namesField("title"));
        mvc.perform(as(org.cio(), post(notes), "{\"title\":\"x\",\"kind\":\"GOSSIP\"}")).andExpect(status().isBadRequest())
                .andExpect(namesField("kind"));
        mvc.perform(as(org.cio(), post(notes), "{\"title\":\"x\",\"notedOn\":\"2999-01-01\"}")).andExpect(status().isBadRequest())
                .andExpect(namesField("notedOn"));
        mvc.perform(as(org.cio(), post(notes), "{\"title\":\"x\",\"notedOn\":\"12.03.2026\"}")).andExpect(status().isBadRequest())
                .andExpect(namesField("notedOn"));
        mvc.perform(as(org.cio(), post(notes), "{\"title\":\"" + "t".repeat(201) + "\"}")).andExpect(status().isBadRequest())
                .andExpect(namesField("title"));
        mvc.perform(as(org.cio(), post(notes), "{\"title\":\"x\",\"relevance\":\"" + "r".repeat(1001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("relevance"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);

        Person staff = fixtures.member(org, Role.IT_STAFF);
        mvc.perform(as(staff, get(notes))).andExpect(status().isOk());
        mvc.perform(as(staff, post(notes), "{\"title\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(as(org.cio(), delete(notes + "/" + id))).andExpect(status().isNoContent());
        mvc.perform(as(org.cio(), get(notes))).andExpect(jsonPath("$.length()").value(1));
    }

    private ResultActions contact(Org org, String vendor, String body) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/vendors/" + vendor + "/contacts"), body));
    }
}

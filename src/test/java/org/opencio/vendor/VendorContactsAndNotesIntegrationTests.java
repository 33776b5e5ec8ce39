package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.shared.NotFoundException;
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

    @Autowired
    VendorNoteManagement notes;

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

    /** What the technology radar will read: notes across vendors by tag, kind, words and days, page by page. */
    @Test
    void intelligenceIsFoundAcrossVendorsForOtherModulesToLinkTo() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String a = api.vendor("");
        String b = api.vendor("");
        String edge = api.note(a, "\"notedOn\":\"2026-02-10\",\"kind\":\"ROADMAP\",\"title\":\"Edge inference\",\"tags\":[\"ai\",\"edge\"]");
        api.note(b, "\"notedOn\":\"2026-03-05\",\"kind\":\"BRIEFING\",\"title\":\"Copilot licensing\",\"body\":\"AI assistants per seat\","
                + "\"tags\":[\"ai\"]");
        api.note(b, "\"notedOn\":\"2025-11-20\",\"kind\":\"MEETING\",\"title\":\"Price review\",\"tags\":[\"pricing\"]");
        new VendorApi(mvc, other).note(new VendorApi(mvc, other).vendor(""), "\"title\":\"Other AI\",\"tags\":[\"ai\"]");

        assertThat(titles(org, new NoteFilter(null, null, "AI", null, null, null), null)).containsExactly("Copilot licensing", "Edge inference");
        assertThat(titles(org, new NoteFilter(null, NoteKind.ROADMAP, null, null, null, null), null)).containsExactly("Edge inference");
        assertThat(titles(org, new NoteFilter(null, null, null, "assistants", null, null), null)).containsExactly("Copilot licensing");
        assertThat(titles(org, new NoteFilter(UUID.fromString(b), null, null, null, null, LocalDate.of(2026, 1, 1)), null))
                .containsExactly("Price review");
        assertThat(titles(org, new NoteFilter(null, null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)), "notedOn"))
                .containsExactly("Edge inference");
        // Page by page, oldest first on request.
        var first = fixtures.as(org.cio(), () -> notes.search(NoteFilter.none(), 2, null, "notedOn"));
        assertThat(first.items()).extracting(VendorNoteView::title).containsExactly("Price review", "Edge inference");
        var second = fixtures.as(org.cio(), () -> notes.search(NoteFilter.none(), 2, first.nextCursor(), "notedOn"));
        assertThat(second.items()).extracting(VendorNoteView::title).containsExactly("Copilot licensing");
        assertThat(second.nextCursor()).isNull();
        // A linked note is found by its id alone, within its organization only.
        assertThat(fixtures.as(org.cio(), () -> notes.get(UUID.fromString(edge))).vendorId()).hasToString(a);
        assertThatThrownBy(() -> fixtures.as(other.cio(), () -> notes.get(UUID.fromString(edge))))
                .isInstanceOf(NotFoundException.class);
    }

    private List<String> titles(Org org, NoteFilter filter, String sort) {
        return fixtures.as(org.cio(), () -> notes.search(filter, 50, null, sort)).items().stream().map(VendorNoteView::title).toList();
    }
}

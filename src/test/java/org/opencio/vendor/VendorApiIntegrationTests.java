package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The vendor register through the API: create, read with ETag, patch with If-Match, list, archive, bad input. */
@IntegrationTest
class VendorApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVendorIsCreatedReadAndPatchedWithItsVersion() throws Exception {
        Org org = fixtures.organization();
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String base = "/api/v1/orgs/" + org.slug() + "/vendors";
        var created = mvc.perform(as(manager, post(base), """
                        {"legalName":"Northbridge Networks GmbH","tradingName":"Northbridge","category":"TELECOM",
                         "website":"www.northbridge.example/de","strategicTier":"PREFERRED","riskTier":"HIGH",
                         "tags":["WAN"," sd-wan ","wan"],"notes":"Three sites on MPLS","ownerId":"%s"}""".formatted(manager.accountId())))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("Northbridge"))
                .andExpect(jsonPath("$.website").value("https://www.northbridge.example/de"))
                .andExpect(jsonPath("$.websiteDomain").value("northbridge.example"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.tags", contains("wan", "sd-wan")))
                .andExpect(jsonPath("$.ownerName").value(manager.name()));
        String id = read(created, "$.id");
        assertThat(created.andReturn().getResponse().getHeader("Location")).endsWith("/vendors/" + id);

        mvc.perform(as(org.cio(), get(base + "/" + id))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));

        // Without If-Match: 428; with an old version: 412; nothing changes.
        mvc.perform(as(org.cio(), patch(base + "/" + id), "{\"riskTier\":\"LOW\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), patch(base + "/" + id).header("If-Match", "\"7\""), "{\"riskTier\":\"LOW\"}"))
                .andExpect(status().isPreconditionFailed());

        // A merge patch: named fields change, null clears, the rest stays.
        mvc.perform(as(org.cio(), patch(base + "/" + id).header("If-Match", "\"0\""), "{\"riskTier\":\"LOW\",\"tradingName\":null,\"notes\":null}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.riskTier").value("LOW"))
                .andExpect(jsonPath("$.name").value("Northbridge Networks GmbH"))
                .andExpect(jsonPath("$.tradingName").value(nullValue()))
                .andExpect(jsonPath("$.notes").value(nullValue()))
                .andExpect(jsonPath("$.strategicTier").value("PREFERRED"))
                .andExpect(jsonPath("$.category").value("TELECOM"))
                .andExpect(jsonPath("$.ownerId").value(manager.accountId().toString()));

        var events = jdbc.sql("select action from audit_events where org_id = ? and entity_id = ? order by seq")
                .params(org.id(), id)
                .query(String.class)
                .list();
        assertThat(events).containsExactly("vendor.created", "vendor.updated");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String id = api.vendor("");
        long audit = lastAuditSeq(mvc, org);

        create(org, "{\"category\":\"SAAS\"}").andExpect(status().isBadRequest()).andExpect(namesField("legalName"));
        create(org, "{\"legalName\":\"X Ltd\"}").andExpect(status().isBadRequest()).andExpect(namesField("category"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"FURNITURE\"}").andExpect(status().isBadRequest()).andExpect(namesField("category"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"status\":\"GONE\"}").andExpect(status().isBadRequest()).andExpect(namesField("status"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"strategicTier\":1}").andExpect(status().isBadRequest())
                .andExpect(namesField("strategicTier"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"riskTier\":\"EXTREME\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("riskTier"));
        create(org, "{\"legalName\":\"" + "x".repeat(201) + "\",\"category\":\"SAAS\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("legalName"));
        create(org, "{\"legalName\":\"X Ltd\",\"tradingName\":\"" + "x".repeat(201) + "\",\"category\":\"SAAS\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("tradingName"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"notes\":\"" + "x".repeat(4001) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("notes"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"website\":\"not a web site\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("website"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"website\":\"ftp://files.example.com\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("website"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"website\":\"https://" + "a".repeat(500) + ".com\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("website"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"tags\":[\"" + "t".repeat(41) + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(namesField("tags"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"tags\":[\"a,b\"]}").andExpect(status().isBadRequest())
                .andExpect(namesField("tags"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"ownerId\":\"" + fixtures.organization().cio().accountId() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(namesField("ownerId"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"ownerId\":\"nobody\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("ownerId"));
        create(org, "{\"legalName\":\"X Ltd\",\"category\":\"SAAS\",\"colour\":\"red\"}").andExpect(status().isBadRequest())
                .andExpect(namesField("colour"));
        create(org, "{\"legalName\":\"...\",\"category\":\"SAAS\"}").andExpect(status().isBadRequest()).andExpect(namesField("legalName"));
        create(org, "[1]").andExpect(status().isBadRequest()).andExpect(problem());

        String one = "/api/v1/orgs/" + org.slug() + "/vendors/" + id;
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "{\"legalName\":null}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("legalName"));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "{\"status\":null}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("status"));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "{\"category\":\"CHEAP\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("category"));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "{\"size\":3}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("size"));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "[]"))
                .andExpect(status().isBadRequest()).andExpect(problem());
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"0\""), "{\"website\":\"http://\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("website"));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"x\""), "{}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("If-Match"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendors").param("category", "FOOD")))
                .andExpect(status().isBadRequest()).andExpect(namesField("category"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendors").param("sort", "website")))
                .andExpect(status().isBadRequest()).andExpect(namesField("sort"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/vendors/not-an-id"))).andExpect(status().isNotFound());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
    }

    @Test
    void theListFiltersSortsAndPages() throws Exception {
        Org org = fixtures.organization();
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        var api = new VendorApi(mvc, org);
        api.vendorNamed("Zephyr Cloud Ltd", "\"category\":\"CLOUD\",\"strategicTier\":\"STRATEGIC\",\"riskTier\":\"CRITICAL\",\"tags\":[\"iaas\",\"eu\"]");
        api.vendorNamed("Apex Consulting", "\"category\":\"CONSULTING\",\"strategicTier\":\"TACTICAL\",\"tags\":[\"erp\"],\"ownerId\":\""
                + owner.accountId() + "\"");
        api.vendorNamed("Meridian Software AG", "\"category\":\"SOFTWARE\",\"tradingName\":\"Meridian\",\"strategicTier\":\"PREFERRED\","
                + "\"status\":\"PROSPECT\",\"riskTier\":\"LOW\",\"website\":\"https://meridian.example\",\"tags\":[\"erp\",\"c#\"]");
        String archived = api.vendorNamed("Bygone Hardware", "\"category\":\"HARDWARE\"");
        mvc.perform(as(org.cio(), post(api.base() + "/vendors/" + archived + "/archive"), "{\"reason\":\"No longer used\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));

        String list = api.base() + "/vendors";
        mvc.perform(as(org.cio(), get(list))).andExpect(jsonPath("$.items[*].name", contains("Apex Consulting", "Meridian", "Zephyr Cloud Ltd")));
        mvc.perform(as(org.cio(), get(list).param("archived", "true"))).andExpect(jsonPath("$.items[*].name", contains("Bygone Hardware")));
        mvc.perform(as(org.cio(), get(list).param("sort", "strategicTier")))
                .andExpect(jsonPath("$.items[*].name", contains("Zephyr Cloud Ltd", "Meridian", "Apex Consulting")));
        mvc.perform(as(org.cio(), get(list).param("sort", "-riskTier")))
                .andExpect(jsonPath("$.items[*].name", contains("Meridian", "Apex Consulting", "Zephyr Cloud Ltd")));
        mvc.perform(as(org.cio(), get(list).param("tag", "ERP"))).andExpect(jsonPath("$.items[*].name", contains("Apex Consulting", "Meridian")));
        mvc.perform(as(org.cio(), get(list).param("tag", "c#"))).andExpect(jsonPath("$.items[*].name", contains("Meridian")));
        // Wildcards are taken literally.
        mvc.perform(as(org.cio(), get(list).param("tag", "e_p"))).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(as(org.cio(), get(list).param("q", "%"))).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(as(org.cio(), get(list).param("q", "meridian.ex"))).andExpect(jsonPath("$.items[*].name", contains("Meridian")));
        mvc.perform(as(org.cio(), get(list).param("category", "CLOUD"))).andExpect(jsonPath("$.items[*].name", contains("Zephyr Cloud Ltd")));
        mvc.perform(as(org.cio(), get(list).param("status", "PROSPECT"))).andExpect(jsonPath("$.items[*].name", contains("Meridian")));
        mvc.perform(as(org.cio(), get(list).param("riskTier", "CRITICAL"))).andExpect(jsonPath("$.items[*].name", contains("Zephyr Cloud Ltd")));
        mvc.perform(as(org.cio(), get(list).param("strategicTier", "TACTICAL"))).andExpect(jsonPath("$.items[*].name", contains("Apex Consulting")));
        mvc.perform(as(org.cio(), get(list).param("ownerId", owner.accountId().toString())))
                .andExpect(jsonPath("$.items[*].name", contains("Apex Consulting")));

        // Paging by two, in every sort order, gives every vendor exactly once.
        for (String sort : List.of("name", "-name", "category", "status", "-strategicTier", "riskTier", "createdAt", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = get(list).param("limit", "2").param("sort", sort);
                if (cursor != null) {
                    request.param("cursor", cursor);
                }
                var page = mvc.perform(as(org.cio(), request)).andExpect(status().isOk());
                seen.addAll(read(page, "$.items[*].id"));
                cursor = read(page, "$.nextCursor");
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void anArchivedVendorIsRestoredAndOnlyThenChanged() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String id = api.vendor("");
        String one = api.base() + "/vendors/" + id;
        mvc.perform(as(org.cio(), post(one + "/archive").header("If-Match", "\"3\""), "{}")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), post(one + "/archive").header("If-Match", "\"0\""), "{\"reason\":\"Merged into another vendor\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(one + "/archive"))).andExpect(status().isConflict()).andExpect(problem());
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"1\""), "{\"riskTier\":\"LOW\"}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), post(one + "/restore"), "{\"reason\":\"Back in use\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(false));
        mvc.perform(as(org.cio(), patch(one).header("If-Match", "\"2\""), "{\"riskTier\":\"LOW\"}")).andExpect(status().isOk());
        String reason = jdbc.sql("select after_state from audit_events where org_id = ? and entity_id = ? and action = 'vendor.archived'")
                .params(org.id(), id)
                .query(String.class)
                .single();
        assertThat(reason).contains("Merged into another vendor");
    }

    @Test
    void readersMayNotChangeTheRegister() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String id = api.vendor("");
        for (Role role : List.of(Role.IT_STAFF, Role.EXECUTIVE, Role.AUDITOR)) {
            Person reader = fixtures.member(org, role);
            mvc.perform(as(reader, get(api.base() + "/vendors/" + id))).andExpect(status().isOk());
            create(reader, org, "{\"legalName\":\"Sneaky Ltd\",\"category\":\"SAAS\"}").andExpect(status().isForbidden());
            mvc.perform(as(reader, patch(api.base() + "/vendors/" + id).header("If-Match", "\"0\""), "{\"riskTier\":\"LOW\"}"))
                    .andExpect(status().isForbidden());
        }
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        mvc.perform(as(employee, get(api.base() + "/vendors"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("VENDORS_VIEW")));
    }

    private ResultActions create(Org org, String body) throws Exception {
        return create(org.cio(), org, body);
    }

    private ResultActions create(Person person, Org org, String body) throws Exception {
        return mvc.perform(as(person, post("/api/v1/orgs/" + org.slug() + "/vendors"), body));
    }
}

package org.opencio.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The asset pages: the list with its search, an asset with its facts and history, and checking it out on its page. */
@IntegrationTest
class AssetPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void theListSearchesAndAnAssetIsCheckedOutAndBackOnItsPage() throws Exception {
        Org org = fixtures.organization();
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String api = "/api/v1/orgs/" + org.slug() + "/assets";
        String id = read(mvc.perform(as(staff, post(api), "{\"name\":\"Finance laptop\",\"type\":\"LAPTOP\",\"purchasedOn\":\"2026-01-01\","
                + "\"cost\":1000,\"currency\":\"EUR\",\"endOfLife\":\"2029-01-01\"}")), "$.id");
        mvc.perform(as(staff, post(api), "{\"name\":\"Meeting room screen\",\"type\":\"MONITOR\"}"));
        String pages = "/o/" + org.slug() + "/assets";

        Document list = page(staff, pages + "?q=finance");
        assertThat(list.select("table.assets tbody tr")).hasSize(1);
        assertThat(list.select("table.assets tbody tr").text()).contains("AST-000001", "Finance laptop", "Laptop", "In stock");
        assertThat(page(staff, pages + "?type=MONITOR").select("table.assets tbody tr").text()).contains("Meeting room screen");
        assertThat(page(staff, pages).select("nav a[href$=/assets]")).isNotEmpty();

        Document asset = page(staff, pages + "/" + id);
        assertThat(asset.select("dl.facts").text()).contains("Laptop", "In stock");
        assertThat(asset.select("#history tbody tr")).hasSize(1);
        assertThat(asset.select("form[action$=/check-out] option").eachAttr("value")).contains(employee.accountId().toString());

        mvc.perform(post(pages + "/" + id + "/check-out").param("assigneeId", employee.accountId().toString()).param("version", "0")
                        .with(user(staff.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(pages + "/" + id));
        asset = page(staff, pages + "/" + id);
        assertThat(asset.select("dl.facts").text()).contains("Deployed", employee.name());
        mvc.perform(post(pages + "/" + id + "/check-in").param("reason", "Returned").with(user(staff.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(pages + "/" + id + "/status").param("status", "RETIRED").with(user(staff.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        asset = page(staff, pages + "/" + id);
        assertThat(asset.select("#history tbody tr")).hasSize(4);
        assertThat(asset.select("#history").text()).contains("Checked out", "Checked in", "Returned", "Retired");

        // Auditors read the register but get no forms; employees do not see it.
        Person auditor = fixtures.member(org, Role.AUDITOR);
        assertThat(page(auditor, pages + "/" + id).select("#actions")).isEmpty();
        mvc.perform(get(pages).with(user(employee.principal()))).andExpect(status().isForbidden());
    }

    private Document page(Person person, String path) throws Exception {
        String html = mvc.perform(get(path).with(user(person.principal()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}

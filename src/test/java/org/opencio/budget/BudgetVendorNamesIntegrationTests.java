package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.export.XlsxCheck;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Vendors on budget lines with a vendor register (a small one kept in memory, standing in for the vendor module's):
 * people see names, never ids, pick vendors from the register, and a line cannot name another organization's vendor.
 */
@IntegrationTest
@Import(MapVendorDirectory.class)
class BudgetVendorNamesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    MapVendorDirectory register;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLineNamesOnlyAVendorOfItsOwnOrganizationAndShowsItsName() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        UUID contoso = register.add(org.id(), "Contoso Cloud");
        UUID foreign = register.add(other.id(), "Fabrikam");
        var api = new BudgetApi(mvc, org);
        api.draft(2040);
        String lines = api.base() + "/budgets/2040/lines";

        mvc.perform(as(org.cio(), post(lines), "{\"code\":\"V-1\",\"description\":\"x\",\"amount\":1200,\"vendorId\":\"" + foreign + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("vendorId"));
        mvc.perform(as(org.cio(), post(lines), "{\"code\":\"V-1\",\"description\":\"x\",\"amount\":1200,\"vendorId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("vendorId"));
        ResultActions created = mvc.perform(as(org.cio(), post(lines),
                        "{\"code\":\"V-1\",\"description\":\"Hosting\",\"amount\":1200,\"vendorId\":\"" + contoso + "\"}"))
                .andExpect(status().isCreated());
        assertThat((String) read(created, "$.vendorName")).isEqualTo("Contoso Cloud");
        UUID line = UUID.fromString(read(created, "$.id"));

        // Changing a line to another organization's vendor is refused too, and nothing changes.
        String etag = mvc.perform(as(org.cio(), get(api.base() + "/budget-lines/" + line))).andReturn().getResponse().getHeader("ETag");
        mvc.perform(as(org.cio(), put(api.base() + "/budget-lines/" + line), "{\"description\":\"Hosting\",\"vendorId\":\"" + foreign + "\"}")
                        .header("If-Match", etag))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("vendorId"));
        assertThat((String) api.lineField(line, "$.vendorId")).isEqualTo(contoso.toString());
    }

    @Test
    void gridLinePageFormAndExportsShowVendorNamesAndTheGridFiltersByVendor() throws Exception {
        Org org = fixtures.organization();
        UUID contoso = register.add(org.id(), "Contoso Cloud");
        UUID northwind = register.add(org.id(), "Northwind Traders");
        var api = new BudgetApi(mvc, org);
        api.draft(2041);
        UUID hosting = api.line(2041, "\"code\":\"H-1\",\"amount\":1200,\"vendorId\":\"" + contoso + "\"");
        api.line(2041, "\"code\":\"T-1\",\"amount\":2400,\"vendorId\":\"" + northwind + "\"");
        api.line(2041, "\"code\":\"N-1\",\"amount\":600");
        String base = "/o/" + org.slug() + "/budgets/2041";

        Document grid = page(org.cio(), base + "?sort=vendor");
        assertThat(grid.select("tbody tr .line-code").eachText()).containsExactly("H-1", "T-1", "N-1");
        assertThat(grid.select("tbody tr").first().text()).contains("Contoso Cloud");
        assertThat(grid.select("#vendorId option").eachText()).containsExactly("Any vendor", "Contoso Cloud", "Northwind Traders");
        assertThat(grid.html()).doesNotContain(contoso + "<").doesNotContain(">" + contoso);

        Document filtered = page(org.cio(), base + "?vendorId=" + northwind);
        assertThat(filtered.select("tbody tr .line-code").eachText()).containsExactly("T-1");
        assertThat(filtered.select("#vendorId option[selected]").text()).isEqualTo("Northwind Traders");

        Document line = page(org.cio(), base + "/lines/" + hosting);
        assertThat(line.select("dl.facts").text()).contains("Vendor Contoso Cloud");
        Document form = page(org.cio(), base + "/lines/" + hosting + "/edit");
        assertThat(form.select("#f-vendorId option[selected]").text()).isEqualTo("Contoso Cloud");
        assertThat(form.select("#f-vendorId option").eachText()).containsExactly("—", "Contoso Cloud", "Northwind Traders");

        String csv = mvc.perform(get(base + "/export.csv").with(user(org.cio().principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("Contoso Cloud").contains("Northwind Traders").doesNotContain(contoso.toString());
        byte[] xlsx = mvc.perform(get(base + "/export.xlsx").with(user(org.cio().principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(XlsxCheck.cells(xlsx)).contains("Contoso Cloud").doesNotContain(contoso.toString());
    }

    @Test
    void anArchivedVendorStaysNamedOnItsLinesAndTheFormKeepsItButOffersItToNoOtherLine() throws Exception {
        Org org = fixtures.organization();
        UUID legacy = register.add(org.id(), "Legacy Systems");
        register.add(org.id(), "Current Vendor");
        var api = new BudgetApi(mvc, org);
        api.draft(2042);
        UUID line = api.line(2042, "\"code\":\"L-1\",\"amount\":1200,\"vendorId\":\"" + legacy + "\"");
        register.archive(org.id(), legacy);
        String base = "/o/" + org.slug() + "/budgets/2042";

        assertThat(page(org.cio(), base).select("tbody tr").first().text()).contains("Legacy Systems");
        Document form = page(org.cio(), base + "/lines/" + line + "/edit");
        assertThat(form.select("#f-vendorId option[selected]").text()).isEqualTo("Legacy Systems");
        assertThat(page(org.cio(), base + "/lines/new").select("#f-vendorId option").eachText())
                .containsExactly("—", "Current Vendor");
        // Saving the line with the vendor it has is fine; the form posts the vendor's id from the select.
        long version = ((Number) api.lineField(line, "$.version")).longValue();
        mvc.perform(post(base + "/lines/" + line).with(user(org.cio().principal())).with(csrf())
                        .param("version", String.valueOf(version)).param("description", "Renamed").param("vendorId", legacy.toString())
                        .param("phasing", "KEEP"))
                .andExpect(redirectedUrl(base + "/lines/" + line));
        assertThat((String) api.lineField(line, "$.vendorName")).isEqualTo("Legacy Systems");
    }

    @Test
    void aVendorTheRegisterDoesNotKnowIsShownAsSuchNeverAsItsId() throws Exception {
        Org org = fixtures.organization();
        var api = new BudgetApi(mvc, org);
        api.draft(2043);
        UUID line = api.line(2043, "\"code\":\"U-1\",\"amount\":1200");
        // A vendor id from before the register existed, or one the register has lost.
        UUID unknown = UUID.randomUUID();
        jdbc.sql("update budget_lines set vendor_id = ? where id = ?").params(unknown, line).update();
        String base = "/o/" + org.slug() + "/budgets/2043";

        Document grid = page(org.cio(), base);
        assertThat(grid.select("tbody tr").first().text()).contains("Not in the vendor register");
        assertThat(grid.html()).doesNotContain(unknown.toString());
        assertThat(page(org.cio(), base + "/lines/" + line).html()).doesNotContain(unknown.toString() + "<")
                .contains("Not in the vendor register");
        Document form = page(org.cio(), base + "/lines/" + line + "/edit");
        assertThat(form.select("#f-vendorId option[selected]").text()).isEqualTo("Not in the vendor register");
    }

    private Document page(Person person, String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(user(person.principal()));
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}

package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.opencio.support.Api.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The cost imports page: upload through the form, the progress bar that htmx polls, the report and the rules. */
@IntegrationTest
class CostImportPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void aFileUploadedThroughThePageShowsItsProgressReportAndRejectedRows() throws Exception {
        var org = fixtures.organization("USD");
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(as(org.cio(), post(base + "/budgets"), "{\"fiscalYear\":2026}")).andExpect(status().isCreated());
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String pages = "/o/" + org.slug();

        Document list = page(manager, pages + "/cost-imports");
        assertThat(list.select("form[enctype=multipart/form-data] input[type=file][name=file]")).hasSize(1);
        assertThat(list.select("select[name=fiscalYear] option").eachText()).contains("2026");

        String file = CostImportIntegrationTests.FOCUS_HEADER
                + CostImportIntegrationTests.focusRow("12", "2026-06-01T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")
                + CostImportIntegrationTests.focusRow("1", "2026-06-02T00:00:00Z", "AWS", "\"=HYPERLINK(\"\"http://evil\"\")\"", "dev", "{bad");
        String location = mvc.perform(multipart(pages + "/cost-imports")
                        .file(new MockMultipartFile("file", "june.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
                        .param("format", "FOCUS")
                        .param("fiscalYear", "2026")
                        .with(user(manager.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(pages + "/cost-imports/");
        String id = location.substring(location.lastIndexOf('/') + 1);

        // Until it ends, htmx polls the progress fragment; the end makes it reload the page.
        String done = CostImportIntegrationTests.poll(mvc, manager, base, id);
        assertThat(done).contains("\"status\":\"DONE\"");
        mvc.perform(get(location + "/progress").header("HX-Request", "true").with(user(manager.principal())))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get(location + "/progress").with(user(manager.principal()))).andExpect(status().is3xxRedirection());

        Document detail = page(manager, location);
        assertThat(detail.select("progress").attr("value")).isEqualTo("100");
        assertThat(detail.text()).contains("Tags is not a JSON object").contains("UNALLOCATED");
        // The formula is shown as text, never as markup.
        assertThat(detail.select("code.mono").text()).contains("=HYPERLINK(");

        String csv = mvc.perform(get(location + "/rejections.csv").with(user(manager.principal())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("line,reason,content\r\n3,");
        assertThat(csv).doesNotContain(",=").doesNotContain("\n=");

        Document rules = page(manager, pages + "/cost-mapping-rules?provider=AWS&service=Amazon+EC2");
        assertThat(rules.select("input[name=provider]").attr("value")).isEqualTo("AWS");
        mvc.perform(post(pages + "/cost-mapping-rules")
                        .params(form(Map.of("provider", "AWS", "service", "Amazon EC2", "lineCode", "NOPE")))
                        .with(user(manager.principal())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document invalid = Jsoup.parse(mvc.perform(post(pages + "/cost-mapping-rules")
                        .params(form(Map.of("lineCode", "L1")))
                        .with(user(manager.principal())).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(invalid.select(".field.has-error input[name=provider]")).hasSize(1);
        assertThat(page(manager, pages + "/cost-mapping-rules").select("table.data code").eachText()).containsExactly("NOPE");
    }

    @Test
    void anUploadWithoutAFileShowsTheFormAgainWithTheError() throws Exception {
        var org = fixtures.organization();
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/budgets"), "{\"fiscalYear\":2026}")).andExpect(status().isCreated());
        String html = mvc.perform(multipart("/o/" + org.slug() + "/cost-imports")
                        .param("format", "FOCUS").param("fiscalYear", "2026")
                        .with(user(org.cio().principal())).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".field.has-error input[name=file]")).hasSize(1);
    }

    private Document page(Person person, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(person.principal())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> fields) {
        var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
        fields.forEach(map::add);
        return map;
    }
}

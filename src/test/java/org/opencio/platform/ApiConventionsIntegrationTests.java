package org.opencio.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ApiConventionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void meAndOrganizationsTellTheCallerWhoTheyAre() throws Exception {
        var org = fixtures.organization();
        mvc.perform(get("/api/v1/me").header("Authorization", org.cio().bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(org.cio().email()))
                .andExpect(jsonPath("$.organizations[0].slug").value(org.slug()))
                .andExpect(jsonPath("$.organizations[0].role").value("CIO"));
        mvc.perform(get("/api/v1/orgs").header("Authorization", org.cio().bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slug").value(org.slug()));
    }

    @Test
    void departmentLifecycleUsesETagsAndIfMatch() throws Exception {
        var org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug() + "/departments";
        var created = mvc.perform(post(base).header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"IT\",\"name\":\"Information Technology\",\"costCentre\":\"CC-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().exists("Location"))
                .andReturn();
        String location = created.getResponse().getHeader("Location");

        mvc.perform(put(location).header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"IT\",\"name\":\"IT\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:if-match-required"));

        mvc.perform(put(location).header("Authorization", org.cio().bearer()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"IT\",\"name\":\"IT and Digital\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("IT and Digital"));

        mvc.perform(put(location).header("Authorization", org.cio().bearer()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"IT\",\"name\":\"Stale\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));

        mvc.perform(get(location).header("Authorization", org.cio().bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("IT and Digital"));
    }

    @Test
    void listsPageWithOpaqueCursors() throws Exception {
        var org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug() + "/departments";
        for (int i = 0; i < 7; i++) {
            mvc.perform(post(base).header("Authorization", org.cio().bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"D" + i + "\",\"name\":\"Department " + i + "\"}"))
                    .andExpect(status().isCreated());
        }
        var names = new java.util.ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var request = get(base).header("Authorization", org.cio().bearer()).param("limit", "3").param("sort", "-name");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var json = com.jayway.jsonpath.JsonPath.parse(body);
            java.util.List<String> pageNames = json.read("$.items[*].name");
            names.addAll(pageNames);
            cursor = json.read("$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly(
                "Department 6", "Department 5", "Department 4", "Department 3", "Department 2", "Department 1", "Department 0");

        mvc.perform(get(base).header("Authorization", org.cio().bearer()).param("limit", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get(base).header("Authorization", org.cio().bearer()).param("sort", "secret"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get(base).header("Authorization", org.cio().bearer()).param("cursor", "not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() throws Exception {
        var org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug() + "/departments";
        String body = "{\"code\":\"OPS\",\"name\":\"Operations\"}";
        var first = mvc.perform(post(base).header("Authorization", org.cio().bearer()).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn();
        mvc.perform(post(base).header("Authorization", org.cio().bearer()).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", first.getResponse().getHeader("Location")))
                .andExpect(jsonPath("$.id").value(com.jayway.jsonpath.JsonPath.<String>read(first.getResponse().getContentAsString(), "$.id")));
        mvc.perform(post(base).header("Authorization", org.cio().bearer()).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"OTHER\",\"name\":\"Other\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:idempotency-key-reused"));
        mvc.perform(get(base).header("Authorization", org.cio().bearer()))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemDetails() throws Exception {
        var org = fixtures.organization();
        mvc.perform(get("/api/v1/orgs/" + org.slug() + "/no-such-things").header("Authorization", org.cio().bearer()))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(delete("/api/v1/orgs/" + org.slug() + "/departments")
                        .header("Authorization", org.cio().bearer()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:method-not-allowed"));
        mvc.perform(post("/api/v1/orgs/" + org.slug() + "/departments").header("Authorization", org.cio().bearer())
                        .contentType(MediaType.TEXT_PLAIN).content("code=IT"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:unsupported-media-type"));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:unauthenticated"));
    }

    @Test
    void anotherOrganizationsSlugIsNotFound() throws Exception {
        var a = fixtures.organization();
        var b = fixtures.organization();
        mvc.perform(get("/api/v1/orgs/" + a.slug() + "/departments").header("Authorization", b.cio().bearer()))
                .andExpect(status().isNotFound());
        // A token is scoped to one organization even when its owner belongs to another too.
        var both = fixtures.join(a, b.cio(), Role.CIO);
        mvc.perform(get("/api/v1/orgs/" + a.slug() + "/departments").header("Authorization", b.cio().bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/" + a.slug() + "/departments").header("Authorization", both.bearer()))
                .andExpect(status().isOk());
    }
}

package org.opencio.support;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Small helpers for calling the JSON API as a fixture person and reading its answers. */
public final class Api {

    private Api() {}

    /** The request sent with the person's API token. */
    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Person person, B request) {
        return request.header("Authorization", person.bearer());
    }

    /** The request sent with the person's API token and a JSON body. */
    public static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Person person, B request, String json) {
        return as(person, request).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** An RFC 9457 problem detail. */
    public static ResultMatcher problem() {
        return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A problem detail whose field errors name this field. */
    public static ResultMatcher namesField(String field) {
        ResultMatcher names = jsonPath("$.errors[*].field", hasItem(field));
        return result -> {
            problem().match(result);
            names.match(result);
        };
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    public static <T> T read(ResultActions result, String path) throws Exception {
        return JsonPath.read(body(result), path);
    }

    /** The sequence number of the organization's newest audit event, read as its CIO would. */
    public static long lastAuditSeq(MockMvc mvc, Org org) throws Exception {
        var result = mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/audit-events").param("limit", "1")))
                .andExpect(status().isOk());
        List<Number> seqs = read(result, "$.items[*].seq");
        return seqs.isEmpty() ? 0 : seqs.getFirst().longValue();
    }
}

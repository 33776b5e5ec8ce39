package org.opencio.procurement;

import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Small helpers for the purchase request tests: paths, bodies and what the budget line holds. */
final class PurchaseRequestCalls {

    private PurchaseRequestCalls() {}

    static String path(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/purchase-requests";
    }

    static String line(String description, String quantity, String unitPrice, String currency) {
        return "{\"description\":\"" + description + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + ",\"currency\":\""
                + currency + "\"}";
    }

    static String body(String title, UUID budgetLine, String... lines) {
        return "{\"title\":\"" + title + "\"" + (budgetLine == null ? "" : ",\"budgetLineId\":\"" + budgetLine + "\"") + ",\"lines\":["
                + String.join(",", lines) + "]}";
    }

    static String draft(MockMvc mvc, Org org, Person requester, String json) throws Exception {
        return read(mvc.perform(as(requester, post(path(org)), json)).andExpect(status().isCreated()), "$.id");
    }

    static ResultActions act(MockMvc mvc, Org org, Person who, String id, String action, String json) throws Exception {
        return mvc.perform(as(who, post(path(org) + "/" + id + "/" + action), json));
    }

    static BigDecimal reserved(JdbcClient jdbc, UUID line) {
        return jdbc.sql("select reserved from budget_lines where id = ?").param(line).query(BigDecimal.class).single();
    }

    static long notices(JdbcClient jdbc, Person person, String kind) {
        return jdbc.sql("select count(*) from notifications where account_id = ? and kind = ?")
                .params(person.accountId(), kind)
                .query(Long.class)
                .single();
    }
}

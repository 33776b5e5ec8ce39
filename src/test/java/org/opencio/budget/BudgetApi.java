package org.opencio.budget;

import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.springframework.test.web.servlet.MockMvc;

/** Budgets, lines and inboxes made and read through the JSON API, as the budget tests need them. */
final class BudgetApi {

    private final MockMvc mvc;
    private final Org org;

    BudgetApi(MockMvc mvc, Org org) {
        this.mvc = mvc;
        this.org = org;
    }

    String base() {
        return "/api/v1/orgs/" + org.slug();
    }

    /** A draft budget for the year, made by the organization's CIO. */
    void draft(int year) throws Exception {
        draft(year, "{\"fiscalYear\":" + year + "}");
    }

    void draft(int year, String json) throws Exception {
        mvc.perform(as(org.cio(), post(base() + "/budgets"), json)).andExpect(status().isCreated());
    }

    /** A line of the year's budget; {@code json} without the braces, e.g. {@code "code":"L1","amount":1000}. */
    UUID line(int year, String json) throws Exception {
        String body = "{\"description\":\"Line\"," + json + "}";
        return UUID.fromString(read(mvc.perform(as(org.cio(), post(base() + "/budgets/" + year + "/lines"), body))
                        .andExpect(status().isCreated()),
                "$.id"));
    }

    /** Submitted by the CIO and approved by the executive. */
    void approve(int year, Person executive) throws Exception {
        mvc.perform(as(org.cio(), post(base() + "/budgets/" + year + "/submit"))).andExpect(status().isOk());
        mvc.perform(as(executive, post(base() + "/budgets/" + year + "/approve"))).andExpect(status().isOk());
    }

    /** A revision proposed by the CIO; {@code json} without the braces. */
    UUID propose(int year, String json) throws Exception {
        return UUID.fromString(read(mvc.perform(as(org.cio(), post(base() + "/budgets/" + year + "/revisions"), "{" + json + "}"))
                        .andExpect(status().isCreated()),
                "$.id"));
    }

    void approveRevision(UUID revision, Person executive) throws Exception {
        mvc.perform(as(executive, post(base() + "/budget-revisions/" + revision + "/approve"))).andExpect(status().isOk());
    }

    <T> T lineField(UUID line, String path) throws Exception {
        return read(mvc.perform(as(org.cio(), get(base() + "/budget-lines/" + line))).andExpect(status().isOk()), path);
    }

    /** The kinds of the person's budget notifications, newest first. */
    List<String> budgetNotices(Person person) throws Exception {
        List<String> kinds = read(mvc.perform(as(person, get(base() + "/notifications").param("limit", "500")))
                        .andExpect(status().isOk()),
                "$.items[*].kind");
        return kinds.stream().filter(k -> k.startsWith("budget.")).toList();
    }

    /** The audit events after {@code seq}, oldest first, as "action entityType entityId". */
    List<String> auditSince(long seq) throws Exception {
        List<java.util.Map<String, Object>> items = read(
                mvc.perform(as(org.cio(), get(base() + "/audit-events").param("limit", "500"))).andExpect(status().isOk()),
                "$.items[?(@.seq > " + seq + ")]");
        return items.reversed().stream().map(e -> e.get("action") + " " + e.get("entityType") + " " + e.get("entityId")).toList();
    }

    /** The actions of the audit events after {@code seq}, oldest first. */
    List<String> auditActionsSince(long seq) throws Exception {
        return auditSince(seq).stream().map(e -> e.substring(0, e.indexOf(' '))).toList();
    }
}

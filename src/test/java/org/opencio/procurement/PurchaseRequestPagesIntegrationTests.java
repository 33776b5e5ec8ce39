package org.opencio.procurement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.support.Api.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages: an employee writes a request in the form and submits it; the manager finds it in the inbox and decides. */
@IntegrationTest
class PurchaseRequestPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Test
    void anEmployeeWritesARequestAndTheManagerApprovesItFromTheInbox() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(), "\"code\":\"P\",\"amount\":10000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String base = "/o/" + org.slug() + "/purchase-requests";

        page(employee, get(base + "/new")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"unitPrice\"")))
                .andExpect(content().string(not(containsString("value=\"New purchase request\""))));
        // A bad line re-renders the form with its error, and nothing is saved.
        page(employee, post(base).param("title", "Headsets").param("description", "Headset").param("quantity", "0").param("unitPrice", "40"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("quantity must be greater than zero")))
                .andExpect(content().string(containsString("value=\"Headsets\"")))
                .andExpect(content().string(containsString("value=\"Headset\"")))
                .andExpect(content().string(containsString("value=\"40\"")));
        page(employee, get(base + "/new")).andExpect(content().string(containsString(budgetLine.toString())));
        String location = page(employee, post(base).param("title", "Headsets").param("budgetLineId", budgetLine.toString())
                        .param("description", "Headset", "", "")
                        .param("quantity", "2", "", "").param("unitPrice", "40", "", "").param("currency", "", "", ""))
                .andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        page(employee, get(base)).andExpect(status().isOk()).andExpect(content().string(containsString("Headsets")));

        page(employee, post(base + "/" + id + "/submit")).andExpect(redirectedUrlPattern(base + "/*"));
        page(manager, get(base + "/inbox")).andExpect(status().isOk()).andExpect(content().string(containsString("Headsets")))
                // Only the inbox is the current entry of the navigation, not the list of requests it sits under.
                .andExpect(content().string(containsString("href=\"" + base + "/inbox\" aria-current=\"page\"")))
                .andExpect(content().string(not(containsString("href=\"" + base + "\" aria-current=\"page\""))));
        page(manager, get(base + "/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString("/reject")));
        page(employee, get(base + "/" + id)).andExpect(content().string(not(containsString("/reject"))));

        page(manager, post(base + "/" + id + "/reject")).andExpect(status().isOk()).andExpect(content().string(containsString("comment is required")));
        page(manager, post(base + "/" + id + "/approve").param("comment", "Go ahead")).andExpect(redirectedUrlPattern(base + "/*"));
        mvc.perform(as(employee, get(path(org) + "/" + id))).andExpect(jsonPath("$.status").value("APPROVED"));
        page(manager, get(base + "/inbox")).andExpect(content().string(not(containsString("Headsets"))));
        act(mvc, org, manager, id, "approve", "{}").andExpect(status().isConflict());
    }

    private org.springframework.test.web.servlet.ResultActions page(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }
}

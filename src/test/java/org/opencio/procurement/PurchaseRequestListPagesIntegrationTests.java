package org.opencio.procurement;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The request list's two views: "my requests" with the step each waits on and who decides it, and "all requests"
 * filtered by status, department and vendor, the filters kept in the address.
 */
@IntegrationTest
class PurchaseRequestListPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Test
    void myRequestsShowWhatEachWaitsOnAndAllRequestsFilterByStatusDepartmentAndVendor() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(),
                "\"code\":\"L\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person auditor = fixtures.member(org, Role.AUDITOR);
        UUID sales = department(org, "Sales");
        UUID plant = department(org, "Plant");
        UUID contoso = contracts.vendor(org, "Contoso Hardware");
        UUID fabrikam = contracts.vendor(org, "Fabrikam Printing");
        String laptops = draft(mvc, org, employee, request("Sales laptops", budgetLine, sales, contoso));
        act(mvc, org, employee, laptops, "submit", "{}").andExpect(status().isOk());
        draft(mvc, org, employee, request("Plant printer", budgetLine, plant, fabrikam));
        String base = "/o/" + org.slug() + "/purchase-requests";

        // The employee's list is their own, with the step and its approver; no views to choose, no filters of all.
        page(employee, get(base))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sales laptops"), containsString("Plant printer"))))
                .andExpect(content().string(containsString("<strong>IT manager</strong>")))
                .andExpect(content().string(containsString(manager.name())))
                .andExpect(content().string(not(containsString("All requests"))))
                .andExpect(content().string(not(containsString("name=\"departmentId\""))));

        // The manager sees all, filtered by department, vendor and status; the filters stay in the form.
        page(manager, get(base).param("view", "all").param("departmentId", sales.toString()))
                .andExpect(content().string(containsString("Sales laptops")))
                .andExpect(content().string(not(containsString("Plant printer"))))
                .andExpect(content().string(containsString("value=\"" + sales + "\" selected")))
                .andExpect(content().string(containsString("Contoso Hardware")))
                .andExpect(content().string(containsString("name=\"view\" value=\"all\"")));
        page(manager, get(base).param("view", "all").param("vendorId", fabrikam.toString()))
                .andExpect(content().string(containsString("Plant printer")))
                .andExpect(content().string(not(containsString("Sales laptops"))))
                .andExpect(content().string(containsString("value=\"" + fabrikam + "\" selected")));
        page(manager, get(base).param("view", "all").param("status", "SUBMITTED").param("vendorId", fabrikam.toString()))
                .andExpect(content().string(not(containsString("Plant printer"))))
                .andExpect(content().string(containsString("value=\"SUBMITTED\" selected")));
        page(manager, get(base).param("view", "all").param("status", "DRAFT"))
                .andExpect(content().string(containsString("Plant printer")))
                .andExpect(content().string(not(containsString("Sales laptops"))));
        // The manager's own requests: none.
        page(manager, get(base).param("view", "mine"))
                .andExpect(content().string(not(containsString("Sales laptops"))))
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">My requests")));
        // An auditor writes no requests: the list of all, without a view of their own.
        page(auditor, get(base))
                .andExpect(content().string(allOf(containsString("Sales laptops"), containsString("Plant printer"))))
                .andExpect(content().string(not(containsString("My requests"))))
                .andExpect(content().string(containsString("/purchase-requests/cycle-time")));
        // Asking the employee's list for all requests changes nothing: it stays their own.
        Person colleague = fixtures.member(org, Role.EMPLOYEE);
        page(colleague, get(base).param("view", "all")).andExpect(content().string(not(containsString("Sales laptops"))));
    }

    private String request(String title, UUID budgetLine, UUID department, UUID vendor) {
        return "{\"title\":\"" + title + "\",\"budgetLineId\":\"" + budgetLine + "\",\"departmentId\":\"" + department + "\",\"vendorId\":\""
                + vendor + "\",\"lines\":[" + line(title, "1", "500", "EUR") + "]}";
    }

    private UUID department(Org org, String name) throws Exception {
        return UUID.fromString(read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"),
                "{\"code\":\"" + name.toUpperCase() + "\",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated()), "$.id"));
    }

    private ResultActions page(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())));
    }
}

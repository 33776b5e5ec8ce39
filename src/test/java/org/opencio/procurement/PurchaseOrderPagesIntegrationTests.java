package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages: a buyer places the order of an approved request from its page, the requester records what arrived, the
 * IT manager records the vendor's invoice, a mismatch is decided on the invoice's page, the tolerance is set on the list.
 */
@IntegrationTest
class PurchaseOrderPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromApprovedRequestToDecidedInvoiceOnThePages() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(), "\"code\":\"P\",\"amount\":10000");
        UUID vendor = contracts.vendor(org, "Page Vendor");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String o = "/o/" + org.slug();
        String request = draft(mvc, org, employee, body("Keyboards", budgetLine, line("Keyboard", "3", "50", "EUR")));
        act(mvc, org, employee, request, "submit", "{}").andExpect(status().isOk());
        act(mvc, org, manager, request, "approve", "{}").andExpect(status().isOk());

        // The buyer sees the order form on the request; the requester only that it waits.
        page(employee, get(o + "/purchase-requests/" + request)).andExpect(content().string(containsString("waiting for a buyer")))
                .andExpect(content().string(not(containsString("/order\""))));
        page(manager, get(o + "/purchase-requests/" + request)).andExpect(content().string(containsString("Place order")));
        page(manager, post(o + "/purchase-requests/" + request + "/order")).andExpect(status().isOk())
                .andExpect(content().string(containsString("vendorId is required")));
        String location = page(manager, post(o + "/purchase-requests/" + request + "/order").param("vendorId", vendor.toString())
                        .param("notes", "Ship to reception"))
                .andExpect(redirectedUrlPattern(o + "/purchase-orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        String order = location.substring(location.lastIndexOf('/') + 1);
        String line = read(mvc.perform(as(manager, get(PurchaseOrderIntegrationTests.orders(org) + "/" + order))), "$.lines[0].id");

        page(manager, get(o + "/purchase-orders")).andExpect(status().isOk()).andExpect(content().string(containsString("Keyboards")))
                .andExpect(content().string(containsString("Page Vendor")));
        // The requester records what arrived; too many is refused with the reason.
        page(employee, get(o + "/purchase-orders/" + order)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Record receipt")))
                .andExpect(content().string(not(containsString("Record invoice"))))
                .andExpect(content().string(not(containsString("Email the order"))));
        page(employee, post(o + "/purchase-orders/" + order + "/receipts").param("lineId", line).param("quantity", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("only 3 of")));
        page(employee, post(o + "/purchase-orders/" + order + "/receipts").param("lineId", line).param("quantity", "3").param("note", "DN 4711"))
                .andExpect(redirectedUrlPattern(o + "/purchase-orders/*"));
        page(employee, get(o + "/purchase-orders/" + order)).andExpect(content().string(containsString("DN 4711")))
                .andExpect(content().string(containsString("Received")));

        // The invoice is 10 % over: it waits, and is accepted on its page with a reason.
        page(manager, get(o + "/purchase-orders/" + order)).andExpect(content().string(containsString("Record invoice")));
        String invoiceAt = page(manager, post(o + "/purchase-orders/" + order + "/invoices").param("vendorInvoiceNumber", "PV-9")
                        .param("currency", "EUR").param("invoiceDate", LocalDate.now(ZoneId.of("Europe/Berlin")).toString())
                        .param("lineId", line).param("quantity", "3").param("unitPrice", "55"))
                .andExpect(redirectedUrlPattern(o + "/invoices/*"))
                .andReturn().getResponse().getRedirectedUrl();
        page(manager, get(invoiceAt)).andExpect(status().isOk()).andExpect(content().string(containsString("+10.0%")))
                .andExpect(content().string(containsString("Accept anyway")));
        page(manager, post(invoiceAt + "/accept")).andExpect(status().isOk()).andExpect(content().string(containsString("comment is required")));
        page(manager, post(invoiceAt + "/accept").param("comment", "Price list changed")).andExpect(redirectedUrlPattern(o + "/invoices/*"));
        page(manager, get(o + "/invoices")).andExpect(status().isOk()).andExpect(content().string(containsString("PV-9")))
                .andExpect(content().string(containsString("Accepted")));
        assertThat(jdbc.sql("select actual from budget_lines where id = ?").param(budgetLine).query(BigDecimal.class).single())
                .isEqualByComparingTo("165");
        mvc.perform(as(manager, get(PurchaseOrderIntegrationTests.orders(org) + "/" + order))).andExpect(jsonPath("$.status").value("CLOSED"));

        // The tolerance form refuses nonsense and saves a new value.
        page(manager, post(o + "/invoices/tolerance").param("pricePercent", "abc").param("version", "0")).andExpect(status().isOk())
                .andExpect(content().string(containsString("pricePercent must be a number")));
        page(manager, post(o + "/invoices/tolerance").param("pricePercent", "5").param("maxAmount", "").param("version", "0"))
                .andExpect(redirectedUrl(o + "/invoices"));
        page(manager, get(o + "/invoices")).andExpect(content().string(containsString("at most 5 % over the order")));
    }

    private ResultActions page(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }
}

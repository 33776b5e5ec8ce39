package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.notices;
import static org.opencio.procurement.PurchaseRequestCalls.reserved;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From approval to payment: an approved request becomes one purchase order (its reservation a commitment), goods are
 * received by line and announced, invoices are matched two- and three-way within the tolerance and become actuals,
 * mismatches wait for a decision, and cancelling or closing gives the money back.
 */
@IntegrationTest
@RecordApplicationEvents
class PurchaseOrderIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ReceivedGoods receivedGoods;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void anApprovedRequestWithAVendorIsOrderedReceivedInvoicedAndClosed() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Dell Technologies");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);

        String request = approved(org, employee, manager, withVendor(body("Laptops", budgetLine, line("Laptop", "2", "450", "EUR")), vendor));
        mvc.perform(as(employee, get(PurchaseRequestCalls.path(org) + "/" + request))).andExpect(jsonPath("$.status").value("ORDERED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("900");
        assertThat(events.stream(PurchaseOrderPlaced.class)).hasSize(1);
        assertThat(notices(jdbc, employee, "purchase-order.placed")).isEqualTo(1);

        // The requester sees the order of their request; the order names the vendor and the lines.
        String order = read(mvc.perform(as(employee, get(orders(org)).param("requestId", request)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].number", matchesPattern("PO-" + today.getYear() + "-0001")))
                .andExpect(jsonPath("$.items[0].vendorName").value("Dell Technologies")), "$.items[0].id");
        String lineId = read(mvc.perform(as(manager, get(orders(org) + "/" + order)))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.totalBase").value(900.0))
                .andExpect(jsonPath("$.lines[0].description").value("Laptop"))
                .andExpect(jsonPath("$.lines[0].receivedQuantity").value(0)), "$.lines[0].id");

        // The PDF is a real PDF with the order number, the vendor and the lines.
        byte[] pdf = mvc.perform(as(manager, get(orders(org) + "/" + order + "/pdf")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("PO-" + today.getYear() + "-0001.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Purchase order PO-" + today.getYear() + "-0001", "Dell Technologies", "Laptop", "900.00 EUR", "Laptops");
        }

        // A partial receipt, a refused over-receipt, then the rest: the receipt is announced for the asset register.
        mvc.perform(as(staff, post(orders(org) + "/" + order + "/receipts"), receipt(lineId, "1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PARTIALLY_RECEIVED"))
                .andExpect(jsonPath("$.lines[0].receivedQuantity").value(1))
                .andExpect(jsonPath("$.receipts[0].number", matchesPattern("GR-" + today.getYear() + "-\\d{4}")));
        mvc.perform(as(staff, post(orders(org) + "/" + order + "/receipts"), receipt(lineId, "2")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("lines[0].quantity"));
        mvc.perform(as(staff, post(orders(org) + "/" + order + "/receipts"), receipt(lineId, "-1")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("lines[0].quantity"));
        mvc.perform(as(employee, post(orders(org) + "/" + order + "/receipts"), receipt(lineId, "1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        List<GoodsReceived> received = events.stream(GoodsReceived.class).toList();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).items()).singleElement().satisfies(i -> {
            assertThat(i.description()).isEqualTo("Laptop");
            assertThat(i.quantity()).isEqualByComparingTo("1");
            assertThat(i.unitPriceBase()).isEqualByComparingTo("450");
        });
        // A module arriving later reads the same receipts back.
        List<GoodsReceived> replay = TenantContext.callInOrg(org.id(), () -> receivedGoods.since(null, 100));
        assertThat(replay).extracting(GoodsReceived::receiptNumber).containsExactly(received.get(0).receiptNumber(), received.get(1).receiptNumber());

        // The invoice matches three-way: it becomes the actual, the commitment is settled, the order closes.
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "INV-778", "EUR", lineId, "2", "450")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("MATCHED"))
                .andExpect(jsonPath("$.matchKind").value("THREE_WAY"))
                .andExpect(jsonPath("$.number", matchesPattern("INV-" + today.getYear() + "-\\d{4}")))
                .andExpect(jsonPath("$.totalBase").value(900.0));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("900");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("0");
        mvc.perform(as(manager, get(orders(org) + "/" + order)))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.invoicedBase").value(900.0));
        // The same vendor invoice twice is refused.
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "INV-778", "EUR", lineId, "1", "450")))
                .andExpect(status().isConflict());
        // The vendor register counts what was ordered from the vendor.
        mvc.perform(as(org.cio(), get(base(org) + "/vendor-spend").param("vendorId", vendor.toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].ordered").value(900.0));
    }

    @Test
    void aRequestWithoutVendorWaitsForABuyerAndHasOnlyOneOrder() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"SW\",\"amount\":50000");
        UUID vendor = contracts.vendor(org, "Softline");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);

        String request = approved(org, employee, manager, body("Licences", budgetLine, line("Office seat", "10", "30", "EUR")));
        mvc.perform(as(employee, get(PurchaseRequestCalls.path(org) + "/" + request))).andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("300");

        mvc.perform(as(employee, post(orders(org)), "{\"requestId\":\"" + request + "\",\"vendorId\":\"" + vendor + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(manager, post(orders(org)), "{\"requestId\":\"" + request + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("vendorId"));
        mvc.perform(as(manager, post(orders(org)), "{\"requestId\":\"" + request + "\",\"vendorId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("vendorId"));
        String order = read(mvc.perform(as(manager, post(orders(org)), "{\"requestId\":\"" + request + "\",\"vendorId\":\"" + vendor
                        + "\",\"notes\":\"Deliver to the Berlin office\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.notes").value("Deliver to the Berlin office")), "$.id");
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("300");
        mvc.perform(as(manager, post(orders(org)), "{\"requestId\":\"" + request + "\",\"vendorId\":\"" + vendor + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(problem());

        // Cancelling needs a reason; it gives the commitment back and cancels the request.
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/cancel"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("reason"));
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/cancel"), "{\"reason\":\"Bought through the framework contract\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("0");
        mvc.perform(as(employee, get(PurchaseRequestCalls.path(org) + "/" + request))).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/cancel"), "{\"reason\":\"again\"}")).andExpect(status().isConflict());
        assertThat(events.stream(PurchaseOrderCancelled.class)).hasSize(1);
    }

    @Test
    void anApprovedRequestThatWillNotBeOrderedIsCancelledAndItsReservationReleased() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":50000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String request = approved(org, employee, manager, body("Monitors", budgetLine, line("Monitor", "2", "200", "EUR")));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("400");
        act(mvc, org, employee, request, "cancel", "{\"reason\":\"not needed\"}").andExpect(status().isForbidden());
        act(mvc, org, manager, request, "cancel", "{\"reason\":\"The team was moved\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(reserved(jdbc, budgetLine)).isEqualByComparingTo("0");
    }

    @Test
    void invoicesOutsideTheToleranceWaitForADecisionAndServicesMatchTwoWay() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"SVC\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Consulting GmbH");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String services = "{\"description\":\"Migration days\",\"quantity\":10,\"unitPrice\":800,\"currency\":\"EUR\",\"kind\":\"SERVICE\"}";
        String goods = line("Switch", "4", "500", "EUR");
        String request = approved(org, employee, manager, withVendor(body("Network refresh", budgetLine, services, goods), vendor));
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", request))), "$.items[0].id");
        List<String> lines = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.lines[*].id");
        String serviceLine = lines.get(0);
        String goodsLine = lines.get(1);
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("10000");

        // Half the service days, two-way, 1 % over the price (inside the default 2 %): matched, half the commitment settled.
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "A-1", "EUR", serviceLine, "5", "808")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("MATCHED"))
                .andExpect(jsonPath("$.matchKind").value("TWO_WAY"));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("4040");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("6000");

        // Switches billed before they arrived: a three-way mismatch, nothing in the budget yet.
        String early = read(mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "A-2", "EUR", goodsLine, "4", "500")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("MISMATCH"))
                .andExpect(jsonPath("$.matchKind").value("THREE_WAY"))
                .andExpect(jsonPath("$.mismatches[0]", containsString("0 received"))), "$.id");
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("4040");
        assertThat(notices(jdbc, org.cio(), "invoice.mismatch")).isEqualTo(1);
        // Closing waits while an invoice waits for a decision.
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/close"), "{\"reason\":\"done\"}")).andExpect(status().isConflict());
        // The switches arrive: the waiting invoice matches by itself.
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/receipts"), receipt(goodsLine, "4"))).andExpect(status().isCreated());
        mvc.perform(as(manager, get(base(org) + "/invoices/" + early))).andExpect(jsonPath("$.status").value("MATCHED"));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("6040");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("4000");

        // The rest of the days at 20 % over: a price mismatch; rejecting needs a comment and leaves the budget alone.
        String dear = read(mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "A-3", "EUR", serviceLine, "5", "960")))
                .andExpect(jsonPath("$.status").value("MISMATCH"))
                .andExpect(jsonPath("$.mismatches[0]", containsString("+20.0%"))), "$.id");
        mvc.perform(as(manager, post(base(org) + "/invoices/" + dear + "/reject"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("comment"));
        mvc.perform(as(employee, post(base(org) + "/invoices/" + dear + "/reject"), "{\"comment\":\"no\"}")).andExpect(status().isForbidden());
        mvc.perform(as(manager, post(base(org) + "/invoices/" + dear + "/reject"), "{\"comment\":\"Rate agreed was 800\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("6040");

        // The corrected invoice, 5 % over, is accepted by hand: the order is invoiced in full and closes.
        String corrected = read(mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "A-3b", "EUR", serviceLine, "5", "840")))
                .andExpect(jsonPath("$.status").value("MISMATCH")), "$.id");
        mvc.perform(as(org.cio(), post(base(org) + "/invoices/" + corrected + "/accept"), "{\"comment\":\"Weekend work agreed by phone\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decisionComment").value("Weekend work agreed by phone"));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("10240");
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("0");
        mvc.perform(as(manager, get(orders(org) + "/" + order))).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(as(manager, get(base(org) + "/invoices").param("orderId", order))).andExpect(jsonPath("$.items.length()").value(4));
        mvc.perform(as(manager, get(base(org) + "/invoices").param("status", "REJECTED"))).andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aClosedOrderGivesBackWhatItStillCommits() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Lenovo");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String request = approved(org, employee, manager, withVendor(body("Docks", budgetLine, line("Dock", "10", "100", "EUR")), vendor));
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", request))), "$.items[0].id");
        String line = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.lines[0].id");
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/receipts"), receipt(line, "6"))).andExpect(status().isCreated());
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "L-1", "EUR", line, "6", "100")))
                .andExpect(jsonPath("$.status").value("MATCHED"));
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("400");
        // Received goods forbid cancelling; closing releases the rest.
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/cancel"), "{\"reason\":\"x\"}")).andExpect(status().isConflict());
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/close"), "{\"reason\":\"The other four are discontinued\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(money(budgetLine, "committed")).isEqualByComparingTo("0");
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("600");
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/receipts"), receipt(line, "1"))).andExpect(status().isConflict());
    }

    @Test
    void badInvoicesAndTolerancesAreRefusedNamingTheField() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "HP");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String request = approved(org, employee, manager, withVendor(body("Printers", budgetLine, line("Printer", "1", "300", "EUR")), vendor));
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", request))), "$.items[0].id");
        String line = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.lines[0].id");

        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "X", "EUR", line, "0", "300"))).andExpect(namesField("lines[0].quantity"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "X", "EUR", line, "1", "-3"))).andExpect(namesField("lines[0].unitPrice"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "X", "EUR", line, "1", "1e20")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("lines[0].unitPrice"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "X", "ZZZ", line, "1", "300"))).andExpect(namesField("currency"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "X", "USD", line, "1", "300")))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("lines[0].orderLineId"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "", "EUR", UUID.randomUUID().toString(), "1", "300")))
                .andExpect(namesField("vendorInvoiceNumber"))
                .andExpect(namesField("lines[0].orderLineId"));
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(UUID.randomUUID().toString(), "X", "EUR", line, "1", "300")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from invoices where org_id = ?").param(org.id()).query(Long.class).single()).isZero();

        mvc.perform(as(manager, get(base(org) + "/invoice-tolerance")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pricePercent").value(2))
                .andExpect(jsonPath("$.maxAmount").value(500));
        mvc.perform(as(manager, put(base(org) + "/invoice-tolerance"),
                "{\"pricePercent\":5}")).andExpect(status().isPreconditionRequired());
        mvc.perform(as(manager, put(base(org) + "/invoice-tolerance")
                .header("If-Match", "\"0\""), "{\"pricePercent\":150}")).andExpect(namesField("pricePercent"));
        mvc.perform(as(employee, put(base(org) + "/invoice-tolerance")
                .header("If-Match", "\"0\""), "{\"pricePercent\":5}")).andExpect(status().isForbidden());
        mvc.perform(as(manager, put(base(org) + "/invoice-tolerance")
                .header("If-Match", "\"0\""), "{\"pricePercent\":10,\"maxAmount\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pricePercent").value(10))
                .andExpect(jsonPath("$.version").value(1));
        // At 10 % and no cap, 8 % over matches.
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/receipts"), receipt(line, "1"))).andExpect(status().isCreated());
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "HP-1", "EUR", line, "1", "324")))
                .andExpect(jsonPath("$.status").value("MATCHED"));
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("324");
    }

    @Test
    void spendIsReportedByVendorCategoryAndDepartment() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        UUID dell = contracts.vendor(org, "Dell");
        UUID hp = contracts.vendor(org, "HP");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String category = read(mvc.perform(as(org.cio(), get(base(org) + "/cost-categories"))), "$[0].id");
        String categoryName = read(mvc.perform(as(org.cio(), get(base(org) + "/cost-categories"))), "$[0].name");
        String department = read(mvc.perform(as(org.cio(), post(base(org) + "/departments"), "{\"code\":\"OPS\",\"name\":\"Operations\"}"))
                .andExpect(status().isCreated()), "$.id");
        String laptops = "{\"vendorId\":\"" + dell + "\",\"departmentId\":\"" + department + "\",\"title\":\"Laptops\",\"budgetLineId\":\""
                + budgetLine + "\",\"lines\":[{\"description\":\"Laptop\",\"categoryId\":\"" + category
                + "\",\"quantity\":2,\"unitPrice\":400,\"currency\":\"EUR\"}]}";
        String first = approved(org, employee, manager, laptops);
        approved(org, employee, manager, withVendor(body("Toner", budgetLine, line("Toner", "3", "50", "EUR")), hp));
        String cancelled = approved(org, employee, manager, withVendor(body("Cancelled", budgetLine, line("Printer", "1", "300", "EUR")), hp));
        String cancelledOrder = read(mvc.perform(as(manager, get(orders(org)).param("requestId", cancelled))), "$.items[0].id");
        mvc.perform(as(manager, post(orders(org) + "/" + cancelledOrder + "/cancel"), "{\"reason\":\"Not needed\"}")).andExpect(status().isOk());
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", first))), "$.items[0].id");
        String orderLine = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.lines[0].id");
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/receipts"), receipt(orderLine, "1"))).andExpect(status().isCreated());
        mvc.perform(as(manager, post(base(org) + "/invoices"), invoice(order, "D-1", "EUR", orderLine, "1", "400")))
                .andExpect(jsonPath("$.status").value("MATCHED"));

        mvc.perform(as(fixtures.member(org, Role.EXECUTIVE), get(orders(org) + "/spend")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ordered").value(950.0))
                .andExpect(jsonPath("$.invoiced").value(400.0))
                .andExpect(jsonPath("$.orders").value(2))
                .andExpect(jsonPath("$.byVendor[0].name").value("Dell"))
                .andExpect(jsonPath("$.byVendor[0].ordered").value(800.0))
                .andExpect(jsonPath("$.byVendor[0].invoiced").value(400.0))
                .andExpect(jsonPath("$.byVendor[1].name").value("HP"))
                .andExpect(jsonPath("$.byVendor[1].ordered").value(150.0))
                .andExpect(jsonPath("$.byCategory[0].name").value(categoryName))
                .andExpect(jsonPath("$.byCategory[0].ordered").value(800.0))
                .andExpect(jsonPath("$.byCategory[1].name").value(""))
                .andExpect(jsonPath("$.byDepartment[0].name").value("Operations"))
                .andExpect(jsonPath("$.byDepartment[0].invoiced").value(400.0));
        mvc.perform(as(manager, get(orders(org) + "/spend").param("from", today.plusDays(1).toString()).param("to", today.toString())))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("from"));
        mvc.perform(as(employee, get(orders(org) + "/spend"))).andExpect(status().isForbidden());
        mvc.perform(get("/o/" + org.slug() + "/purchase-orders/spend").with(user(manager.principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Operations")));
    }

    @Test
    void aRepeatedInvoiceWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"SVC\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Retry Vendor");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String service = "{\"description\":\"Support hours\",\"quantity\":10,\"unitPrice\":90,\"currency\":\"EUR\",\"kind\":\"SERVICE\"}";
        String request = approved(org, employee, manager, withVendor(body("Support", budgetLine, service), vendor));
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", request))), "$.items[0].id");
        String line = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.lines[0].id");
        String json = invoice(order, "R-1", "EUR", line, "4", "90");
        String first = read(mvc.perform(as(manager, post(base(org) + "/invoices").header("Idempotency-Key", "retry-1"), json))
                .andExpect(status().isCreated()), "$.id");
        String again = read(mvc.perform(as(manager, post(base(org) + "/invoices").header("Idempotency-Key", "retry-1"), json))
                .andExpect(status().isCreated()), "$.id");
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from invoices where org_id = ?").param(org.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(money(budgetLine, "actual")).isEqualByComparingTo("360");
    }

    // ---- helpers

    private String approved(Org org, Person requester, Person approver, String json) throws Exception {
        String id = draft(mvc, org, requester, json);
        act(mvc, org, requester, id, "submit", "{}").andExpect(status().isOk());
        act(mvc, org, approver, id, "approve", "{}").andExpect(status().isOk());
        // Above the IT manager's band the CIO approves too.
        if ("SUBMITTED".equals(read(mvc.perform(as(requester, get(PurchaseRequestCalls.path(org) + "/" + id))), "$.status"))) {
            act(mvc, org, org.cio(), id, "approve", "{}").andExpect(status().isOk());
        }
        return id;
    }

    static String withVendor(String json, UUID vendor) {
        return json.replaceFirst("\\{", "{\"vendorId\":\"" + vendor + "\",");
    }

    static String receipt(String line, String quantity) {
        return "{\"lines\":[{\"orderLineId\":\"" + line + "\",\"quantity\":" + quantity + "}]}";
    }

    static String invoice(String order, String number, String currency, String line, String quantity, String unitPrice) {
        return "{\"orderId\":\"" + order + "\",\"vendorInvoiceNumber\":\"" + number + "\",\"invoiceDate\":\"" + LocalDate.now(ZoneId.of("Europe/Berlin"))
                + "\",\"currency\":\"" + currency + "\",\"lines\":[{\"orderLineId\":\"" + line + "\",\"quantity\":" + quantity + ",\"unitPrice\":"
                + unitPrice + "}]}";
    }

    private BigDecimal money(UUID budgetLine, String column) {
        return jdbc.sql("select " + column + " from budget_lines where id = ?").param(budgetLine).query(BigDecimal.class).single();
    }

    static String base(Org org) {
        return "/api/v1/orgs/" + org.slug();
    }

    static String orders(Org org) {
        return base(org) + "/purchase-orders";
    }
}

package org.opencio.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.procurement.GoodsReceived;
import org.opencio.procurement.ReceivedGoods;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Goods received on a purchase order become assets in stock, one per unit, once. */
@IntegrationTest
class AssetsFromReceiptsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    AssetsFromReceipts listener;

    @Autowired
    ReceivedGoods receivedGoods;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void eachUnitReceivedBecomesAnAssetInStockAndARepeatedReceiptCreatesNothingTwice() throws Exception {
        Org org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug();
        int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
        UUID line = contracts.approvedBudgetLine(mvc, org, year, "\"code\":\"HW\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Hardware Vendor");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String request = read(mvc.perform(as(employee, post(base + "/purchase-requests"), "{\"title\":\"Laptops\",\"vendorId\":\"" + vendor
                + "\",\"budgetLineId\":\"" + line + "\",\"lines\":[{\"description\":\"Laptop 14 inch\",\"quantity\":3,\"unitPrice\":100}]}")), "$.id");
        mvc.perform(as(employee, post(base + "/purchase-requests/" + request + "/submit"))).andExpect(status().isOk());
        mvc.perform(as(manager, post(base + "/purchase-requests/" + request + "/approve"))).andExpect(status().isOk());
        String order = read(mvc.perform(as(org.cio(), get(base + "/purchase-orders"))), "$.items[0].id");
        String orderNumber = read(mvc.perform(as(org.cio(), get(base + "/purchase-orders/" + order))), "$.number");
        String orderLine = read(mvc.perform(as(org.cio(), get(base + "/purchase-orders/" + order))), "$.lines[0].id");
        mvc.perform(as(org.cio(), post(base + "/purchase-orders/" + order + "/receipts"), "{\"lines\":[{\"orderLineId\":\"" + orderLine + "\",\"quantity\":2}]}"))
                .andExpect(status().isCreated());

        List<Map<String, Object>> items = awaitAssets(org, 2);
        assertThat(items).allSatisfy(a -> {
            assertThat(a.get("status")).isEqualTo("IN_STOCK");
            assertThat(a.get("type")).isEqualTo("LAPTOP");
            assertThat(a.get("name")).isEqualTo("Laptop 14 inch");
            assertThat(a.get("orderReference")).isEqualTo(orderNumber);
            assertThat(a.get("vendorId")).isEqualTo(vendor.toString());
            assertThat(a.get("vendorName")).isEqualTo("Hardware Vendor");
            assertThat(((Number) a.get("cost")).doubleValue()).isEqualTo(100.0);
            assertThat(a.get("currency")).isEqualTo("EUR");
            assertThat(a.get("purchasedOn")).isNotNull();
        });

        // The same receipt again (a redelivered event) creates nothing.
        List<GoodsReceived> receipts = TenantContext.callInOrg(org.id(), () -> receivedGoods.since(null, 10));
        assertThat(receipts).hasSize(1);
        listener.on(receipts.getFirst());
        assertThat(assets(org)).hasSize(2);

        // The last unit arrives on a receipt of its own.
        mvc.perform(as(org.cio(), post(base + "/purchase-orders/" + order + "/receipts"), "{\"lines\":[{\"orderLineId\":\"" + orderLine + "\",\"quantity\":1}]}"))
                .andExpect(status().isCreated());
        awaitAssets(org, 3);
    }

    private List<Map<String, Object>> awaitAssets(Org org, int count) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> items = assets(org);
            if (items.size() >= count) {
                assertThat(items).hasSize(count);
                return items;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " assets after 10 s: " + assets(org) + " " + jdbc.sql("select listener_id, status, completion_attempts from event_publication").query().listOfRows());
    }

    private List<Map<String, Object>> assets(Org org) throws Exception {
        return read(mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/assets"))).andExpect(status().isOk()), "$.items");
    }
}

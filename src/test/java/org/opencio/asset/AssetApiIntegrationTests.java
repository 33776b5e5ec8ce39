package org.opencio.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The asset register through its API: recording, checking, the lifecycle, check-out and check-in, search. */
@IntegrationTest
class AssetApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Test
    void anAssetOfAModelIsNumberedTakesTheModelsLifetimeAndHasABookValue() throws Exception {
        Org org = fixtures.organization();
        Person staff = fixtures.member(org, Role.IT_STAFF);
        String base = "/api/v1/orgs/" + org.slug();
        var vendor = contracts.vendor(org, "Laptop Vendor");
        String model = read(mvc.perform(as(staff, post(base + "/asset-models"),
                        "{\"manufacturer\":\"Lenovo\",\"name\":\"ThinkPad T14\",\"type\":\"LAPTOP\",\"lifetimeMonths\":36,\"price\":1200,\"currency\":\"EUR\"}"))
                .andExpect(status().isCreated()), "$.id");
        LocalDate bought = LocalDate.now().minusYears(1);
        String first = read(mvc.perform(as(staff, post(base + "/assets"), "{\"name\":\"Dana's laptop\",\"modelId\":\"" + model
                        + "\",\"serial\":\"PF-1\",\"purchasedOn\":\"" + bought + "\",\"cost\":1200,\"currency\":\"EUR\",\"vendorId\":\"" + vendor + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tag").value("AST-000001"))
                .andExpect(jsonPath("$.type").value("LAPTOP"))
                .andExpect(jsonPath("$.status").value("IN_STOCK"))
                .andExpect(jsonPath("$.modelName").value("Lenovo ThinkPad T14"))
                .andExpect(jsonPath("$.vendorName").value("Laptop Vendor"))
                .andExpect(jsonPath("$.endOfLife").value(bought.plusMonths(36).toString())), "$.id");
        Number bookValue = read(mvc.perform(as(org.cio(), get(base + "/assets/" + first))).andExpect(status().isOk()), "$.bookValue");
        // A year into three, about two thirds are left.
        assertThat(bookValue.doubleValue()).isBetween(790.0, 810.0);
        mvc.perform(as(staff, post(base + "/assets"), "{\"name\":\"Spare\",\"type\":\"MONITOR\"}"))
                .andExpect(jsonPath("$.tag").value("AST-000002"))
                .andExpect(jsonPath("$.bookValue").doesNotExist());
        mvc.perform(as(org.cio(), get(base + "/asset-models"))).andExpect(jsonPath("$[*].name", contains("ThinkPad T14")));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(as(org.cio(), post(base + "/assets"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("name"))
                .andExpect(namesField("type"));
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"X\",\"type\":\"LAPTOP\",\"cost\":-1,\"currency\":\"eur\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("cost")).andExpect(namesField("currency"));
        var foreignVendor = contracts.vendor(other, "Someone else's vendor");
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"X\",\"type\":\"LAPTOP\",\"vendorId\":\"" + foreignVendor + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("vendorId"));
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"X\",\"type\":\"LAPTOP\",\"modelId\":\"" + java.util.UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("modelId"));
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"X\",\"type\":\"LAPTOP\",\"purchasedOn\":\"2026-05-01\",\"warrantyEnd\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("warrantyEnd"));
        mvc.perform(as(org.cio(), post(base + "/asset-models"), "{\"manufacturer\":\"A\",\"name\":\"B\",\"type\":\"PHONE\",\"lifetimeMonths\":0}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("lifetimeMonths"));
        // A serial once per organization; another organization may have it too.
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"A\",\"type\":\"PHONE\",\"serial\":\"SN-9\"}")).andExpect(status().isCreated());
        mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"B\",\"type\":\"PHONE\",\"serial\":\"sn-9\"}")).andExpect(status().isConflict());
        mvc.perform(as(other.cio(), post("/api/v1/orgs/" + other.slug() + "/assets"), "{\"name\":\"B\",\"type\":\"PHONE\",\"serial\":\"SN-9\"}"))
                .andExpect(status().isCreated());
        // Employees see no assets; nothing was written by any refusal.
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        mvc.perform(as(employee, get(base + "/assets"))).andExpect(status().isForbidden());
        mvc.perform(as(org.cio(), get(base + "/assets"))).andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void theLifecycleAllowsItsTransitionsAndKeepsADatedHistory() throws Exception {
        Org org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug();
        String id = read(mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"Core switch\",\"type\":\"NETWORK_DEVICE\",\"status\":\"ORDERED\"}")), "$.id");
        String asset = base + "/assets/" + id;
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"DISPOSED\"}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), post(asset + "/status"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("status"));
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"IN_STOCK\",\"reason\":\"Delivered\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_STOCK"));
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"IN_REPAIR\"}")).andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"RETIRED\",\"reason\":\"Beyond repair\"}")).andExpect(status().isOk());
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"IN_STOCK\"}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"DISPOSED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nextStatuses", hasSize(0)));
        mvc.perform(as(org.cio(), get(asset + "/history")))
                .andExpect(jsonPath("$[*].kind", contains("CREATED", "STATUS", "STATUS", "STATUS", "STATUS")))
                .andExpect(jsonPath("$[*].toStatus", contains("ORDERED", "IN_STOCK", "IN_REPAIR", "RETIRED", "DISPOSED")))
                .andExpect(jsonPath("$[1].reason").value("Delivered"))
                .andExpect(jsonPath("$[3].actorId").value(org.cio().accountId().toString()));
        // The audit trail has each change with its reason.
        mvc.perform(as(org.cio(), get(base + "/audit-events").param("limit", "1")))
                .andExpect(jsonPath("$.items[0].action").value("asset.status-changed"));
    }

    @Test
    void anAssetIsCheckedOutToAMemberOnlyAndBackIn() throws Exception {
        Org org = fixtures.organization();
        Org other = fixtures.organization();
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person stranger = fixtures.member(other, Role.EMPLOYEE);
        String base = "/api/v1/orgs/" + org.slug();
        String id = read(mvc.perform(as(staff, post(base + "/assets"), "{\"name\":\"Laptop\",\"type\":\"LAPTOP\"}")), "$.id");
        String asset = base + "/assets/" + id;
        mvc.perform(as(staff, post(asset + "/check-out"), "{\"assigneeId\":\"" + stranger.accountId() + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(namesField("assigneeId"));
        mvc.perform(as(staff, post(asset + "/check-out"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("assigneeId"));
        mvc.perform(as(staff, post(asset + "/check-in"), "{}")).andExpect(status().isConflict());
        mvc.perform(as(staff, post(asset + "/status"), "{\"status\":\"DEPLOYED\"}")).andExpect(status().isConflict());
        mvc.perform(as(staff, post(asset + "/check-out"), "{\"assigneeId\":\"" + employee.accountId() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEPLOYED"))
                .andExpect(jsonPath("$.assigneeName").value(employee.name()));
        mvc.perform(as(staff, post(asset + "/check-out"), "{\"assigneeId\":\"" + staff.accountId() + "\"}")).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), get(base + "/assets").param("assigneeId", employee.accountId().toString())))
                .andExpect(jsonPath("$.items[*].id", contains(id)));
        mvc.perform(as(staff, post(asset + "/check-in"), "{\"reason\":\"Leaver\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_STOCK"))
                .andExpect(jsonPath("$.assigneeId").doesNotExist());
        mvc.perform(as(org.cio(), get(asset + "/history")))
                .andExpect(jsonPath("$[*].kind", contains("CREATED", "CHECK_OUT", "CHECK_IN")))
                .andExpect(jsonPath("$[1].assigneeId").value(employee.accountId().toString()));
    }

    @Test
    void theListFiltersSearchesAndPages() throws Exception {
        Org org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug();
        String model = read(mvc.perform(as(org.cio(), post(base + "/asset-models"),
                "{\"manufacturer\":\"Dell\",\"name\":\"UltraSharp U2723\",\"type\":\"MONITOR\",\"lifetimeMonths\":60}")), "$.id");
        String monitor = read(mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"Desk 4 screen\",\"modelId\":\"" + model + "\"}")), "$.id");
        String phone = read(mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"Reception phone\",\"type\":\"PHONE\",\"serial\":\"IMEI-3567\"}")), "$.id");
        String server = read(mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"Database server\",\"type\":\"SERVER\",\"status\":\"ORDERED\"}")), "$.id");
        mvc.perform(as(org.cio(), get(base + "/assets").param("q", "ultrasharp"))).andExpect(jsonPath("$.items[*].id", contains(monitor)));
        mvc.perform(as(org.cio(), get(base + "/assets").param("q", "3567"))).andExpect(jsonPath("$.items[*].id", contains(phone)));
        mvc.perform(as(org.cio(), get(base + "/assets").param("q", "AST-000003"))).andExpect(jsonPath("$.items[*].id", contains(server)));
        mvc.perform(as(org.cio(), get(base + "/assets").param("status", "ORDERED"))).andExpect(jsonPath("$.items[*].id", contains(server)));
        mvc.perform(as(org.cio(), get(base + "/assets").param("type", "MONITOR"))).andExpect(jsonPath("$.items[*].id", contains(monitor)));
        mvc.perform(as(org.cio(), get(base + "/assets").param("sort", "-name")))
                .andExpect(jsonPath("$.items[*].id", contains(phone, monitor, server)));
        String cursor = read(mvc.perform(as(org.cio(), get(base + "/assets").param("limit", "2"))).andExpect(jsonPath("$.items[*].id", contains(monitor, phone))),
                "$.nextCursor");
        mvc.perform(as(org.cio(), get(base + "/assets").param("limit", "2").param("cursor", cursor)))
                .andExpect(jsonPath("$.items[*].id", contains(server))).andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(as(org.cio(), get(base + "/assets").param("sort", "serial"))).andExpect(status().isBadRequest()).andExpect(namesField("sort"));
    }

    @Test
    void changesNeedTheCurrentVersion() throws Exception {
        Org org = fixtures.organization();
        String base = "/api/v1/orgs/" + org.slug();
        String id = read(mvc.perform(as(org.cio(), post(base + "/assets"), "{\"name\":\"Old name\",\"type\":\"DESKTOP\",\"location\":\"Room 1\"}")), "$.id");
        String asset = base + "/assets/" + id;
        mvc.perform(as(org.cio(), patch(asset), "{\"name\":\"New name\"}")).andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), patch(asset), "{\"name\":\"New name\"}").header("If-Match", "\"7\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), patch(asset), "{\"name\":\"New name\",\"location\":null}").header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("New name"))
                .andExpect(jsonPath("$.type").value("DESKTOP"))
                .andExpect(jsonPath("$.location").doesNotExist());
        mvc.perform(as(org.cio(), patch(asset), "{\"status\":\"RETIRED\"}").header("If-Match", "\"1\""))
                .andExpect(status().isBadRequest()).andExpect(namesField("status"));
        mvc.perform(as(org.cio(), post(asset + "/status"), "{\"status\":\"IN_REPAIR\"}").header("If-Match", "\"0\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(as(org.cio(), get(base + "/audit-events").param("limit", "1")))
                .andExpect(jsonPath("$.items[0].action").value("asset.updated"));
    }
}

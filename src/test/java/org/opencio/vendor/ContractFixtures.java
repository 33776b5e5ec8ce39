package org.opencio.vendor;

import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vendors, contracts and budget lines for contract tests. Vendors are stored directly (the vendor register's own
 * service belongs to its pages); contracts and budgets go through the API, as a person would make them.
 */
@Component
public class ContractFixtures {

    private final Vendors vendors;
    private final OrgFixtures fixtures;
    private final TransactionTemplate tx;

    ContractFixtures(Vendors vendors, OrgFixtures fixtures, PlatformTransactionManager txManager) {
        this.vendors = vendors;
        this.fixtures = fixtures;
        this.tx = new TransactionTemplate(txManager);
    }

    public UUID vendor(Org org, String legalName) {
        return vendor(org, legalName, null);
    }

    public UUID vendor(Org org, String legalName, String tradingName) {
        return TenantContext.callInOrg(org.id(), () -> tx.execute(s -> vendors.saveAndFlush(new Vendor(new Vendor.Details(legalName, tradingName,
                VendorCategory.SOFTWARE, null, VendorStatus.ACTIVE, StrategicTier.APPROVED, RiskTier.MEDIUM, List.of(), null, null))).getId()));
    }

    public void archiveVendor(Org org, UUID id) {
        TenantContext.callInOrg(org.id(), () -> tx.execute(s -> {
            Vendor v = vendors.findById(id).orElseThrow();
            v.archive();
            return vendors.saveAndFlush(v);
        }));
    }

    /** A contract made through the API by the organization's CIO; {@code json} without braces, merged over defaults. */
    public UUID contract(MockMvc mvc, Org org, UUID vendorId, String json) throws Exception {
        String body = "{\"vendorId\":\"" + vendorId + "\",\"title\":\"Support\",\"type\":\"SUPPORT_MAINTENANCE\",\"currency\":\"EUR\","
                + "\"startDate\":\"2027-01-01\",\"totalValue\":12000" + (json.isBlank() ? "" : "," + json) + "}";
        return UUID.fromString(read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts"), dedupe(body)))
                .andExpect(status().isCreated()), "$.id"));
    }

    public void activate(MockMvc mvc, Org org, UUID contract) throws Exception {
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/" + contract + "/activate"))).andExpect(status().isOk());
    }

    /**
     * An approved budget for {@code year} with one line; {@code lineJson} without braces (code, amount, policy …).
     * Answers the line's id.
     */
    public UUID approvedBudgetLine(MockMvc mvc, Org org, int year, String lineJson) throws Exception {
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(as(org.cio(), post(base + "/budgets"), "{\"fiscalYear\":" + year + "}")).andExpect(status().isCreated());
        UUID line = UUID.fromString(read(mvc.perform(as(org.cio(), post(base + "/budgets/" + year + "/lines"),
                        "{\"description\":\"Contracts\"," + lineJson + "}")).andExpect(status().isCreated()), "$.id"));
        mvc.perform(as(org.cio(), post(base + "/budgets/" + year + "/submit"))).andExpect(status().isOk());
        mvc.perform(as(fixtures.member(org, Role.EXECUTIVE), post(base + "/budgets/" + year + "/approve"))).andExpect(status().isOk());
        return line;
    }

    /** JSON object text with later keys winning over earlier ones of the same name. */
    static String dedupe(String json) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var node = (tools.jackson.databind.node.ObjectNode) mapper.readTree(json);
        return mapper.writeValueAsString(node);
    }
}

package org.opencio.vendor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencio.budget.VendorDirectory;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor register as the budget sees it: names for its lines and the vendors a line may name. No permission is
 * asked, since budget readers see which vendor a line pays whether or not their role may open the register; only
 * ids and names leave the module.
 */
@Component
class BudgetVendorDirectory implements VendorDirectory {

    private final VendorManagement vendors;
    private final JdbcClient jdbc;

    BudgetVendorDirectory(VendorManagement vendors, JdbcClient jdbc) {
        this.vendors = vendors;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        return vendors.names(ids);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from vendors where org_id = :org and id = :id")
                .param("org", TenantContext.requireOrgId())
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Option> options() {
        return jdbc.sql("select id, coalesce(trading_name, legal_name) from vendors where org_id = :org and archived = false "
                        + "order by lower(coalesce(trading_name, legal_name)), id")
                .param("org", TenantContext.requireOrgId())
                .query((rs, n) -> new Option(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }
}

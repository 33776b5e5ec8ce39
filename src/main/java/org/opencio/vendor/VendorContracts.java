package org.opencio.vendor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contracts of one vendor, read for the vendor page; the contracts themselves are managed on their own pages. */
@Service
public class VendorContracts {

    private final VendorManagement vendors;
    private final JdbcClient jdbc;

    VendorContracts(VendorManagement vendors, JdbcClient jdbc) {
        this.vendors = vendors;
        this.jdbc = jdbc;
    }

    /** Every term of the vendor's contracts that is not archived: the latest terms first, the newest start first. */
    @Transactional(readOnly = true)
    public List<VendorContractView> of(UUID vendorId) {
        UUID orgId = Access.require(Permission.CONTRACTS_VIEW).orgId();
        vendors.find(vendorId);
        return jdbc.sql("select id, title, contract_type, status, term_number, start_date, end_date, notice_deadline, annual_value, currency "
                        + "from contracts c where org_id = :org and vendor_id = :vendor and archived = false "
                        + "order by case when exists (select 1 from contracts n where n.org_id = c.org_id and n.previous_term_id = c.id "
                        + "and n.archived = false) then 1 else 0 end, start_date desc, id limit 200")
                .param("org", orgId)
                .param("vendor", vendorId)
                .query((rs, n) -> new VendorContractView(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("contract_type"),
                        rs.getString("status"),
                        rs.getInt("term_number"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        rs.getObject("notice_deadline", LocalDate.class),
                        rs.getBigDecimal("annual_value"),
                        rs.getString("currency")))
                .list();
    }
}

package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode gives the demo organizations' vendors contracts in every status, deadlines in the coming weeks, renewed
 * terms with their price change and commitments on the demo budget; loading again adds nothing.
 */
@IntegrationTest
class ContractDemoDataIntegrationTests {

    @Autowired
    List<DemoData> demo;

    @Autowired
    IdentityDirectory identities;

    @Autowired
    ContractManagement contracts;

    @Autowired
    RenewalCalendar calendar;

    @Autowired
    Vendors vendors;

    @Autowired
    TransactionTemplate tx;

    @Test
    void demoContractsCoverEveryStatusAndTheComingWeeks() {
        DemoSettings settings = new DemoSettings(true, "demo-password-1");
        var cio = identities.findByEmail("dana.fischer@fractional-cio.example");
        if (cio.isEmpty()) {
            demo.stream().filter(d -> d.order() < 40).sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
            cio = identities.findByEmail("dana.fischer@fractional-cio.example");
        }
        OrgAccess acme = identities.membership(cio.orElseThrow().accountId(), "acme").orElseThrow();
        OrgAccess northwind = identities.membership(cio.orElseThrow().accountId(), "northwind").orElseThrow();
        // The vendor register's demo makes the vendors; should it not have run, a few stand in for it.
        for (OrgAccess org : List.of(acme, northwind)) {
            TenantContext.callInOrg(org.orgId(), () -> tx.execute(s -> {
                if (vendors.count() == 0) {
                    for (String name : List.of("Microsoft Ireland Operations Ltd", "SAP SE", "Cisco Systems", "Dell Technologies", "Atlassian")) {
                        vendors.save(new Vendor(new Vendor.Details(name, null, VendorCategory.SOFTWARE, null, VendorStatus.ACTIVE,
                                StrategicTier.APPROVED, RiskTier.MEDIUM, List.of(), null, null)));
                    }
                }
                return null;
            }));
        }
        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));

        var all = new ContractFilter(null, null, null, null, null, null, null, null, true, false);
        List<ContractView> terms = RunAs.member(cio.get(), acme, () -> contracts.all(all, null, 500));
        assertThat(terms.size()).isGreaterThanOrEqualTo(15);
        assertThat(terms).extracting(ContractView::status).contains(ContractStatus.values());
        assertThat(terms).anySatisfy(c -> assertThat(c.priceChange()).isNotNull().satisfies(p -> assertThat(p.amount().signum()).isPositive()));
        assertThat(terms).anySatisfy(c -> assertThat(c.budgetCommitted()).isNotNull());
        LocalDate today = LocalDate.now(ZoneId.of(acme.timeZone()));
        var soon = RunAs.member(cio.get(), acme, () -> calendar.between(new ContractEventFilter(today, today.plusDays(60),
                ContractEvent.Kind.NOTICE_DEADLINE, null, null, null)));
        assertThat(soon.size()).isGreaterThanOrEqualTo(3);
        assertThat(RunAs.member(cio.get(), northwind, () -> contracts.all(all, null, 500))).hasSizeGreaterThanOrEqualTo(6);

        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
        assertThat(RunAs.member(cio.get(), acme, () -> contracts.all(all, null, 500))).hasSize(terms.size());
    }
}

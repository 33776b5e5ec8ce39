package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.RunAs;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode gives Acme a vendor register worth looking at: every category, tier and status, reviews over time, spend. */
@IntegrationTest
class VendorDemoDataIntegrationTests {

    @Autowired
    List<DemoData> demo;

    @Autowired
    IdentityDirectory identities;

    @Autowired
    VendorManagement vendors;

    @Autowired
    VendorReviewManagement reviews;

    @Autowired
    VendorNoteManagement notes;

    @Autowired
    VendorContactManagement contacts;

    @Autowired
    VendorSpend spend;

    @Test
    void demoModeLoadsAVendorRegisterWithReviewsIntelligenceAndSpendAndLoadingAgainChangesNothing() {
        DemoSettings settings = new DemoSettings(true, "demo-password-1");
        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
        var cio = identities.findByEmail("dana.fischer@fractional-cio.example").orElseThrow();
        var acme = identities.membership(cio.accountId(), "acme").orElseThrow();
        List<VendorView> current = RunAs.member(cio, acme, () -> vendors.all(VendorFilter.none(), 500));
        List<VendorView> archived = RunAs.member(cio, acme,
                () -> vendors.all(new VendorFilter(null, null, null, null, null, null, null, true), 500));
        List<VendorView> all = new ArrayList<>(current);
        all.addAll(archived);
        assertThat(all).hasSizeGreaterThanOrEqualTo(22);
        assertThat(archived).isNotEmpty();
        assertThat(all.stream().map(VendorView::category).distinct()).containsExactlyInAnyOrder(VendorCategory.values());
        assertThat(all.stream().map(VendorView::status).distinct()).containsExactlyInAnyOrder(VendorStatus.values());
        assertThat(all.stream().map(VendorView::strategicTier).distinct()).containsExactlyInAnyOrder(StrategicTier.values());
        assertThat(all.stream().map(VendorView::riskTier).distinct()).containsExactlyInAnyOrder(RiskTier.values());

        VendorView microsoft = current.stream().filter(v -> v.name().equals("Microsoft")).findFirst().orElseThrow();
        assertThat(microsoft.ownerName()).isEqualTo("Marco Rossi");
        assertThat(RunAs.member(cio, acme, () -> contacts.list(microsoft.id()))).hasSizeGreaterThanOrEqualTo(2);
        ReviewTrend trend = RunAs.member(cio, acme, () -> reviews.trend(microsoft.id()));
        assertThat(trend.points()).hasSize(5);
        assertThat(trend.points().stream().mapToInt(ReviewTrend.Point::reviews).max().orElse(0)).isGreaterThan(1);
        assertThat(RunAs.member(cio, acme, () -> notes.list(microsoft.id()))).isNotEmpty();
        ReviewComparison saas = RunAs.member(cio, acme, () -> reviews.compare(VendorCategory.SAAS, null));
        assertThat(saas.rows().stream().filter(r -> !r.scores().empty()).count()).isGreaterThanOrEqualTo(4);

        SpendReport report = RunAs.member(cio, acme, () -> spend.report(spend.currentFiscalYear(), null, null));
        assertThat(report.budget()).isTrue();
        assertThat(report.rows()).extracting(SpendReport.Row::name).contains("Microsoft", "SAP", "Dell Technologies");
        assertThat(report.rows().stream().filter(r -> r.name().equals("Microsoft")).findFirst().orElseThrow().plan().signum()).isPositive();

        var northwind = identities.membership(cio.accountId(), "northwind").orElseThrow();
        assertThat(RunAs.member(cio, northwind, () -> vendors.all(VendorFilter.none(), 500))).hasSizeGreaterThanOrEqualTo(8);

        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
        assertThat(RunAs.member(cio, acme, () -> vendors.all(VendorFilter.none(), 500))).hasSameSizeAs(current);
        assertThat(RunAs.member(cio, acme, () -> reviews.trend(microsoft.id())).points()).isEqualTo(trend.points());
    }
}

package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Demo mode gives Acme purchase requests in every state, orders open to closed and cancelled, and invoices matched
 * three-way and two-way, waiting, accepted and rejected, each decided by an approver who is not the requester;
 * Northwind gets a few; loading again adds nothing.
 */
@IntegrationTest
class PurchaseDemoDataIntegrationTests {

    static final String CIO = "dana.fischer@fractional-cio.example";

    @Autowired
    List<DemoData> demo;

    @Autowired
    IdentityDirectory identities;

    @Autowired
    PurchaseRequestManagement requests;

    @Autowired
    PurchaseRequestAttachmentManagement attachments;

    @Autowired
    PurchaseOrderManagement orders;

    @Autowired
    InvoiceManagement invoices;

    @Test
    void demoPurchasesCoverEveryStateAndLoadingAgainChangesNothing() {
        load();
        AccountPrincipal cio = identities.findByEmail(CIO).orElseThrow();
        OrgAccess acme = identities.membership(cio.accountId(), "acme").orElseThrow();
        UUID marco = identities.findByEmail("marco.rossi@acme.example").orElseThrow().accountId();

        List<PurchaseRequestView> all = requestsOf(cio, acme);
        assertThat(all).extracting(PurchaseRequestView::status).contains(PurchaseRequestStatus.values());
        assertThat(all).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PurchaseRequestStatus.DRAFT);
            assertThat(r.round()).isZero();
            assertThat(RunAs.member(cio, acme, () -> attachments.list(r.id())))
                    .anySatisfy(a -> assertThat(a.fileName()).endsWith(".pdf"));
        });
        assertThat(all).anySatisfy(r -> assertThat(waitsOn(r, marco)).isTrue());
        assertThat(all).anySatisfy(r -> assertThat(waitsOn(r, cio.accountId())).isTrue());
        assertThat(all).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PurchaseRequestStatus.DRAFT);
            assertThat(decisions(r)).anySatisfy(d -> {
                assertThat(d.decision()).isEqualTo(Decision.CHANGES_REQUESTED);
                assertThat(d.comment()).isNotBlank();
            });
        });
        assertThat(all).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PurchaseRequestStatus.REJECTED);
            assertThat(decisions(r)).anySatisfy(d -> assertThat(d.comment()).isNotBlank());
        });
        assertThat(all).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(PurchaseRequestStatus.APPROVED);
            assertThat(r.vendorId()).isNull();
            assertThat(RunAs.member(cio, acme, () -> orders.ofRequest(r.id()))).isEmpty();
        });
        // Three stages for a large amount, and nobody decided their own request.
        assertThat(all).anySatisfy(r -> assertThat(r.steps().stream().filter(s -> s.status() == StepStatus.APPROVED).count()).isGreaterThanOrEqualTo(3));
        assertThat(all).allSatisfy(r -> assertThat(decisions(r)).noneSatisfy(d -> assertThat(d.approverId()).isEqualTo(r.requesterId())));
        assertThat(all).allSatisfy(r -> assertThat(r.total()).isNotNull());

        List<PurchaseOrderSummary> placed = RunAs.member(cio, acme, () -> orders.list(PurchaseOrderFilter.none(), 500, null, null).items());
        assertThat(placed).extracting(PurchaseOrderSummary::status).contains(PurchaseOrderStatus.values());

        List<InvoiceSummary> billed = RunAs.member(cio, acme, () -> invoices.list(new InvoiceFilter(null, null, null), 500, null, null).items());
        assertThat(billed).anySatisfy(i -> assertThat(i).extracting(InvoiceSummary::status, InvoiceSummary::matchKind)
                .containsExactly(InvoiceStatus.MATCHED, MatchKind.THREE_WAY));
        assertThat(billed).anySatisfy(i -> assertThat(i).extracting(InvoiceSummary::status, InvoiceSummary::matchKind)
                .containsExactly(InvoiceStatus.MATCHED, MatchKind.TWO_WAY));
        assertThat(billed).extracting(InvoiceSummary::status).contains(InvoiceStatus.values());
        InvoiceSummary waiting = billed.stream().filter(i -> i.status() == InvoiceStatus.MISMATCH).findFirst().orElseThrow();
        InvoiceView mismatch = RunAs.member(cio, acme, () -> invoices.get(waiting.id()));
        assertThat(mismatch.mismatches()).anySatisfy(m -> assertThat(m).contains("+10.0%"));
        assertThat(mismatch.lines()).allSatisfy(l -> assertThat(l.unitPrice()).isEqualByComparingTo(l.orderedUnitPrice().multiply(new java.math.BigDecimal("1.10"))));

        OrgAccess northwind = identities.membership(cio.accountId(), "northwind").orElseThrow();
        List<PurchaseRequestView> small = requestsOf(cio, northwind);
        assertThat(small).hasSizeGreaterThanOrEqualTo(4);
        assertThat(small).extracting(PurchaseRequestView::baseCurrency).containsOnly("USD");

        load();
        assertThat(requestsOf(cio, acme)).hasSameSizeAs(all);
        assertThat(RunAs.member(cio, acme, () -> orders.list(PurchaseOrderFilter.none(), 500, null, null).items())).hasSameSizeAs(placed);
        assertThat(RunAs.member(cio, acme, () -> invoices.list(new InvoiceFilter(null, null, null), 500, null, null).items())).hasSameSizeAs(billed);
        assertThat(requestsOf(cio, northwind)).hasSameSizeAs(small);
    }

    private void load() {
        DemoSettings settings = new DemoSettings(true, "demo-password-1");
        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
    }

    private List<PurchaseRequestView> requestsOf(AccountPrincipal cio, OrgAccess org) {
        return RunAs.member(cio, org, () -> requests.list(PurchaseRequestFilter.none(), 500, null, null).items().stream()
                .map(r -> requests.get(r.id()))
                .toList());
    }

    private static boolean waitsOn(PurchaseRequestView r, UUID person) {
        return r.status() == PurchaseRequestStatus.SUBMITTED
                && r.waitingOn().stream().anyMatch(s -> s.approvers().stream().anyMatch(p -> p.id().equals(person)));
    }

    private static List<PurchaseRequestView.DecisionView> decisions(PurchaseRequestView r) {
        return r.steps().stream().flatMap(s -> s.decisions().stream()).toList();
    }
}

package org.opencio.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetStatus;
import org.opencio.budget.BudgetView;
import org.opencio.budget.GridFilter;
import org.opencio.budget.RevisionManagement;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.RunAs;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo mode gives Acme a year of budget with spend, commitments and revisions, and Northwind a smaller one. */
@IntegrationTest
class BudgetDemoDataIntegrationTests {

    @Autowired
    List<DemoData> demo;

    @Autowired
    IdentityDirectory identities;

    @Autowired
    BudgetManagement budgets;

    @Autowired
    RevisionManagement revisions;

    @Test
    void demoModeLoadsApprovedBudgetsWithMoneyInEveryStageAndLoadingAgainChangesNothing() {
        DemoSettings settings = new DemoSettings(true, "demo-password-1");
        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
        var cio = identities.findByEmail("dana.fischer@fractional-cio.example").orElseThrow();
        var acme = identities.membership(cio.accountId(), "acme").orElseThrow();
        List<BudgetView> years = RunAs.member(cio, acme, () -> budgets.budgets());
        assertThat(years).extracting(BudgetView::status).contains(BudgetStatus.APPROVED, BudgetStatus.SUBMITTED);
        BudgetView current = years.stream().filter(b -> b.status() == BudgetStatus.APPROVED).findFirst().orElseThrow();
        assertThat(current.lines()).isGreaterThanOrEqualTo(25);
        assertThat(current.committed().signum()).isPositive();
        assertThat(current.reserved().signum()).isPositive();
        List<BudgetLineView> lines = RunAs.member(cio, acme, () -> budgets.grid(current.fiscalYear(), GridFilter.none()));
        assertThat(lines).extracting(BudgetLineView::expenseType).contains(org.opencio.budget.ExpenseType.CAPEX, org.opencio.budget.ExpenseType.OPEX);
        assertThat(lines.stream().map(BudgetLineView::towerName).distinct().count()).isGreaterThanOrEqualTo(8);
        if (java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getMonthValue() > 1) {
            assertThat(current.actual().signum()).isPositive();
        }
        assertThat(RunAs.member(cio, acme, () -> revisions.list(current.fiscalYear())))
                .extracting(r -> r.status())
                .contains("APPROVED", "PROPOSED");

        var northwind = identities.membership(cio.accountId(), "northwind").orElseThrow();
        BudgetView small = RunAs.member(cio, northwind, () -> budgets.budgets()).getFirst();
        assertThat(small.status()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(small.currency()).isEqualTo("USD");
        assertThat(small.starts().getMonthValue()).isEqualTo(7);

        int before = years.size();
        demo.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(settings));
        assertThat(RunAs.member(cio, acme, () -> budgets.budgets())).hasSize(before);
    }
}

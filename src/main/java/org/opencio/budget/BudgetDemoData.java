package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.rates.ExchangeRateManagement;
import org.opencio.budget.rates.SaveExchangeRate;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.tenancy.OrgAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo mode's budgets: for Acme an approved IT budget of the current fiscal year with about 25 lines, the months so
 * far spent (a few lines near or over plan, so warnings show), open reservations and commitments, one approved and one
 * pending revision, exchange rates and an actual paid in dollars, and next year's budget waiting for approval; for Northwind a smaller approved budget of a fiscal
 * year that starts in July. The CIO drafts, an executive approves, through the same services as people do.
 */
@Component
class BudgetDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(BudgetDemoData.class);

    static final String CIO = "dana.fischer@fractional-cio.example";

    /** A line of the demo: {@code shape} spreads the amount (null = equal months); {@code spend} is actual ÷ plan. */
    record Spec(String code, String description, String dept, String pool, String tower, ExpenseType type, long amount,
            int @Nullable [] shape, double spend, ForecastMethod method, @Nullable String owner) {}

    /** Money in flight at demo time: a reservation (purchase request) or commitment (order, contract). */
    record Open(String code, Stage stage, String document, long amount, String description) {}

    private final BudgetManagement budgets;
    private final RevisionManagement revisions;
    private final BudgetLedger ledger;
    private final CostCategoryManagement categories;
    private final DepartmentManagement departments;
    private final OrganizationManagement organizations;
    private final IdentityDirectory identities;
    private final ExchangeRateManagement rates;

    BudgetDemoData(
            BudgetManagement budgets,
            RevisionManagement revisions,
            BudgetLedger ledger,
            CostCategoryManagement categories,
            DepartmentManagement departments,
            OrganizationManagement organizations,
            IdentityDirectory identities,
            ExchangeRateManagement rates) {
        this.rates = rates;
        this.budgets = budgets;
        this.revisions = revisions;
        this.ledger = ledger;
        this.categories = categories;
        this.departments = departments;
        this.organizations = organizations;
        this.identities = identities;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load(DemoSettings settings) {
        Optional<AccountPrincipal> cio = identities.findByEmail(CIO);
        if (cio.isEmpty()) {
            return;
        }
        member(cio.get(), "acme").ifPresent(access -> acme(cio.get(), access));
        member(cio.get(), "northwind").ifPresent(access -> northwind(cio.get(), access));
    }

    private void acme(AccountPrincipal cio, OrgAccess access) {
        int year = as(cio, access, () -> currentFiscalYear());
        if (as(cio, access, () -> exists(year))) {
            return;
        }
        List<Spec> lines = List.of(
                new Spec("EUS-01", "Laptop refresh, 120 devices", "IT-SD", "P-HW", "T-EUS", ExpenseType.CAPEX, 180_000,
                        new int[] {0, 0, 3, 3, 0, 0, 0, 0, 3, 0, 0, 3}, 0.96, ForecastMethod.REMAINING_PLAN, "marco.rossi@acme.example"),
                new Spec("EUS-02", "Monitors and docking stations", "IT-SD", "P-HW", "T-EUS", ExpenseType.CAPEX, 24_000,
                        null, 0.9, ForecastMethod.REMAINING_PLAN, "marco.rossi@acme.example"),
                new Spec("EUS-03", "Mobile phones and data plans", "IT-SD", "P-TEL", "T-EUS", ExpenseType.OPEX, 38_400,
                        null, 1.02, ForecastMethod.RUN_RATE, null),
                new Spec("LIC-01", "Microsoft 365 E3 licences, 450 users", "IT", "P-SW", "T-EUS", ExpenseType.OPEX, 194_400,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, "marco.rossi@acme.example"),
                new Spec("LIC-02", "Adobe Creative Cloud for marketing", "SAL", "P-SW", "T-EUS", ExpenseType.OPEX, 14_400,
                        null, 0.95, ForecastMethod.REMAINING_PLAN, null),
                new Spec("LIC-03", "Jira and Confluence subscription", "IT-APP", "P-SW", "T-DLV", ExpenseType.OPEX, 28_800,
                        new int[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("CLD-01", "Azure hosting, production workloads", "IT-INF", "P-CLOUD", "T-CMP", ExpenseType.OPEX, 216_000,
                        null, 1.14, ForecastMethod.RUN_RATE, "priya.natarajan@acme.example"),
                new Spec("CLD-02", "Azure backup storage", "IT-INF", "P-CLOUD", "T-STO", ExpenseType.OPEX, 36_000,
                        null, 0.92, ForecastMethod.RUN_RATE, "priya.natarajan@acme.example"),
                new Spec("CLD-03", "Salesforce Sales Cloud", "SAL", "P-CLOUD", "T-APP", ExpenseType.OPEX, 96_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("SD-01", "Service desk contractors, 2 FTE", "IT-SD", "P-LAB-EXT", "T-EUS", ExpenseType.OPEX, 168_000,
                        null, 1.05, ForecastMethod.RUN_RATE, "marco.rossi@acme.example"),
                new Spec("SD-02", "IT service management tool", "IT-SD", "P-SW", "T-MGT", ExpenseType.OPEX, 21_600,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("NET-01", "Network maintenance contract (switches, firewalls)", "IT-INF", "P-SVC", "T-NET", ExpenseType.OPEX, 42_000,
                        new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 1.0, ForecastMethod.REMAINING_PLAN, "priya.natarajan@acme.example"),
                new Spec("NET-02", "WAN and internet lines, three sites", "IT-INF", "P-TEL", "T-NET", ExpenseType.OPEX, 57_600,
                        null, 0.88, ForecastMethod.RUN_RATE, "priya.natarajan@acme.example"),
                new Spec("NET-03", "Wi-Fi upgrade, Plant Stuttgart", "OPS-PLT", "P-HW", "T-NET", ExpenseType.CAPEX, 65_000,
                        new int[] {0, 0, 0, 0, 2, 3, 2, 0, 0, 0, 0, 0}, 0.8, ForecastMethod.REMAINING_PLAN, "priya.natarajan@acme.example"),
                new Spec("SEC-01", "Endpoint detection and response", "IT-INF", "P-SW", "T-SEC", ExpenseType.OPEX, 48_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("SEC-02", "Penetration test", "IT", "P-SVC", "T-SEC", ExpenseType.OPEX, 30_000,
                        new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0}, 0, ForecastMethod.RUN_RATE, null),
                new Spec("SEC-03", "Security awareness training", "HR", "P-SVC", "T-SEC", ExpenseType.OPEX, 9_600,
                        null, 0.9, ForecastMethod.REMAINING_PLAN, null),
                new Spec("SEC-04", "Managed SOC and SIEM service", "IT-INF", "P-SVC", "T-SEC", ExpenseType.OPEX, 120_000,
                        null, 1.12, ForecastMethod.RUN_RATE, "priya.natarajan@acme.example"),
                new Spec("ERP-01", "SAP S/4HANA support and maintenance", "IT-APP", "P-SW", "T-APP", ExpenseType.OPEX, 145_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, "marco.rossi@acme.example"),
                new Spec("ERP-02", "ERP consulting, faster month-end close", "FIN", "P-LAB-EXT", "T-APP", ExpenseType.OPEX, 80_000,
                        null, 1.2, ForecastMethod.RUN_RATE, "marco.rossi@acme.example"),
                new Spec("APP-01", "HR system subscription", "HR", "P-CLOUD", "T-APP", ExpenseType.OPEX, 26_400,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("APP-02", "MES support, Plant Stuttgart", "OPS-PLT", "P-SVC", "T-APP", ExpenseType.OPEX, 54_000,
                        null, 0.97, ForecastMethod.REMAINING_PLAN, null),
                new Spec("DAT-01", "Power BI Premium capacity", "FIN", "P-CLOUD", "T-DAT", ExpenseType.OPEX, 60_000,
                        null, 0.93, ForecastMethod.RUN_RATE, null),
                new Spec("DC-01", "Data centre colocation and power", "IT-INF", "P-FAC", "T-CMP", ExpenseType.OPEX, 72_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, "priya.natarajan@acme.example"),
                new Spec("DC-02", "Server refresh, virtualisation hosts", "IT-INF", "P-HW", "T-CMP", ExpenseType.CAPEX, 110_000,
                        new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0}, 0.6, ForecastMethod.REMAINING_PLAN, "priya.natarajan@acme.example"),
                new Spec("TEL-01", "Teams Phone and SIP trunks", "IT-INF", "P-TEL", "T-NET", ExpenseType.OPEX, 31_200,
                        null, 0.98, ForecastMethod.RUN_RATE, null),
                new Spec("MGT-01", "IT training and certifications", "IT", "P-OTH", "T-MGT", ExpenseType.OPEX, 18_000,
                        null, 0.7, ForecastMethod.REMAINING_PLAN, "marco.rossi@acme.example"));
        List<Open> open = List.of(
                new Open("EUS-01", Stage.COMMITTED, "PO-" + year + "-0041", 42_000, "Purchase order: 28 laptops, December batch"),
                new Open("CLD-01", Stage.COMMITTED, "CT-AZ-RI-" + year, 24_000, "Azure reserved instances, one year"),
                new Open("SEC-04", Stage.COMMITTED, "CT-SOC-" + year, 18_000, "SOC service, remaining quarter"),
                new Open("ERP-02", Stage.COMMITTED, "SOW-ERP-" + year + "-2", 12_000, "Statement of work: close automation, phase 2"),
                new Open("SEC-02", Stage.COMMITTED, "PO-" + year + "-0057", 28_500, "Purchase order: external penetration test"),
                new Open("NET-03", Stage.RESERVED, "PR-" + year + "-0112", 9_500, "Purchase request: access points for the warehouse"),
                new Open("DC-02", Stage.RESERVED, "PR-" + year + "-0120", 38_000, "Purchase request: two virtualisation hosts"));
        Map<String, UUID> ids = as(cio, access, () -> draft(year, null, lines, 1.0));
        approve(cio, access, year, "claire.dubois@acme.example", "Approved in the budget committee.");
        as(cio, access, () -> {
            spend(year, lines, ids);
            for (Open o : open) {
                UUID line = ids.get(o.code());
                if (o.stage() == Stage.RESERVED) {
                    ledger.reserve(line, BigDecimal.valueOf(o.amount()), new SourceDocument("demo", o.document()), o.description());
                } else {
                    ledger.commit(line, BigDecimal.valueOf(o.amount()), new SourceDocument("demo", o.document()), null, o.description());
                }
            }
            return null;
        });
        as(cio, access, () -> {
            foreignCurrency(year, ids.get("CLD-03"));
            return null;
        });
        revise(cio, access, year, ids);
        // Next year's budget, drafted and waiting for the executives.
        int next = year + 1;
        as(cio, access, () -> {
            draft(next, "IT budget FY" + next + " (proposal)", lines, 1.04);
            budgets.submit(next, "Plan for next year: 4 % over this year, cloud and security grow.");
            return null;
        });
        log.info("Demo budget loaded for acme: fiscal years {} (approved) and {} (submitted)", year, next);
    }

    private void northwind(AccountPrincipal cio, OrgAccess access) {
        int year = as(cio, access, () -> currentFiscalYear());
        if (as(cio, access, () -> exists(year))) {
            return;
        }
        List<Spec> lines = List.of(
                new Spec("EHR-01", "EHR hosting and application support", "CLIN", "P-SVC", "T-APP", ExpenseType.OPEX, 420_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, "grace.liu@northwind.example"),
                new Spec("EUS-01", "Clinical tablets and carts", "CLIN", "P-HW", "T-EUS", ExpenseType.CAPEX, 96_000,
                        new int[] {0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0}, 1.08, ForecastMethod.REMAINING_PLAN, "grace.liu@northwind.example"),
                new Spec("LIC-01", "Microsoft 365 licences, 220 users", "IT", "P-SW", "T-EUS", ExpenseType.OPEX, 95_040,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("CLD-01", "AWS hosting: patient portal", "IT", "P-CLOUD", "T-CMP", ExpenseType.OPEX, 84_000,
                        null, 1.18, ForecastMethod.RUN_RATE, "grace.liu@northwind.example"),
                new Spec("SD-01", "Service desk, managed service", "IT", "P-LAB-EXT", "T-EUS", ExpenseType.OPEX, 120_000,
                        null, 0.97, ForecastMethod.RUN_RATE, null),
                new Spec("NET-01", "Network and internet, two clinics", "IT", "P-TEL", "T-NET", ExpenseType.OPEX, 48_000,
                        null, 0.95, ForecastMethod.RUN_RATE, null),
                new Spec("SEC-01", "HIPAA risk assessment and audit", "ADM", "P-SVC", "T-SEC", ExpenseType.OPEX, 45_000,
                        new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, 0, ForecastMethod.RUN_RATE, null),
                new Spec("SEC-02", "Email security and backup", "IT", "P-SW", "T-SEC", ExpenseType.OPEX, 30_000,
                        null, 1.0, ForecastMethod.REMAINING_PLAN, null),
                new Spec("FIN-01", "Finance system support", "FIN", "P-SVC", "T-APP", ExpenseType.OPEX, 36_000,
                        null, 0.9, ForecastMethod.REMAINING_PLAN, null));
        Map<String, UUID> ids = as(cio, access, () -> draft(year, null, lines, 1.0));
        approve(cio, access, year, "rachel.adams@northwind.example", null);
        as(cio, access, () -> {
            spend(year, lines, ids);
            ledger.commit(ids.get("SEC-01"), BigDecimal.valueOf(42_000), new SourceDocument("demo", "PO-NW-" + year + "-7"),
                    null, "Purchase order: HIPAA assessment");
            return null;
        });
        log.info("Demo budget loaded for northwind: fiscal year {}", year);
    }

    /** A draft with the lines, amounts times {@code scale}; answers the line ids by code. */
    private Map<String, UUID> draft(int year, @Nullable String name, List<Spec> lines, double scale) {
        budgets.create(new CreateBudget(year, name, BigDecimal.valueOf(90)));
        Map<String, UUID> departmentIds = new HashMap<>();
        departments.tree().forEach(e -> departmentIds.put(e.department().code(), e.department().id()));
        Map<String, UUID> categoryIds = new HashMap<>();
        categories.list().forEach(c -> categoryIds.put(c.code(), c.id()));
        Map<String, UUID> ids = new HashMap<>();
        for (Spec s : lines) {
            BigDecimal amount = BigDecimal.valueOf(Math.round(s.amount() * scale / 100.0) * 100);
            UUID owner = s.owner() == null ? null : identities.findByEmail(s.owner()).map(AccountPrincipal::accountId).orElse(null);
            List<BigDecimal> months = s.shape() == null ? null : shaped(amount, s.shape());
            var line = budgets.addLine(year, new SaveBudgetLine(s.code(), s.description(), departmentIds.get(s.dept()),
                    categoryIds.get(s.pool()), categoryIds.get(s.tower()), s.type(), null, owner, SpendPolicy.WARN, s.method(),
                    months == null ? amount : null, months));
            ids.put(s.code(), line.id());
        }
        return ids;
    }

    /** Actual spend for every closed month, near the plan times the line's spend ratio, varying a little by month. */
    private void spend(int year, List<Spec> lines, Map<String, UUID> ids) {
        BudgetView budget = budgets.budget(year);
        YearMonth first = YearMonth.from(budget.starts());
        YearMonth now = YearMonth.now(BudgetLedger.zone());
        for (Spec s : lines) {
            BudgetLineView line = budgets.line(ids.get(s.code()));
            for (int m = 0; m < 12; m++) {
                YearMonth month = first.plusMonths(m);
                if (!month.isBefore(now)) {
                    break;
                }
                BigDecimal plan = line.planByMonth().get(m);
                double wobble = 1 + (((s.code().hashCode() * 31 + m * 17) % 7) - 3) / 100.0;
                BigDecimal amount = plan.multiply(BigDecimal.valueOf(s.spend() * wobble)).setScale(0, RoundingMode.HALF_EVEN);
                if (amount.signum() <= 0) {
                    continue;
                }
                LocalDate day = month.atDay(Math.min(20, 8 + (m * 3) % 12));
                ledger.recordActual(line.id(), amount, day, new SourceDocument("demo", "INV-" + s.code() + "-" + month),
                        null, "Invoice " + s.description().toLowerCase() + ", " + month);
            }
        }
    }

    /**
     * Exchange rates into euros from the start of the year (the dollar's corrected mid-year), and a Salesforce add-on
     * bought in dollars today, converted at the rate of the day.
     */
    private void foreignCurrency(int year, UUID salesforce) {
        LocalDate start = budgets.budget(year).starts();
        LocalDate today = LocalDate.now(BudgetLedger.zone());
        rates.create(new SaveExchangeRate("USD", new BigDecimal("0.9215"), start));
        rates.create(new SaveExchangeRate("GBP", new BigDecimal("1.1730"), start));
        LocalDate midYear = start.plusMonths(6);
        if (!midYear.isAfter(today)) {
            rates.create(new SaveExchangeRate("USD", new BigDecimal("0.8870"), midYear));
        }
        budgets.recordActual(salesforce, new BigDecimal("1250.00"), "USD", today, "Salesforce Shield add-on, invoiced in US dollars");
    }

    /** One reallocation the executive approved, and a supplement waiting for a decision. */
    private void revise(AccountPrincipal cio, OrgAccess access, int year, Map<String, UUID> ids) {
        int month = Math.max(1, Math.min(12, as(cio, access, () -> BudgetManagement.elapsedMonths(budgets.find(year))) + 1));
        RevisionView moved = as(cio, access, () -> revisions.propose(year, new ProposeRevision(ids.get("NET-02"), ids.get("SEC-01"),
                BigDecimal.valueOf(4_800), month, "The renegotiated WAN contract saves money; it pays for EDR on the new plant devices.")));
        executive(access.slug(), "claire.dubois@acme.example", () -> revisions.approve(moved.id(), "Agreed: security first."));
        as(cio, access, () -> revisions.propose(year, new ProposeRevision(null, ids.get("ERP-02"), BigDecimal.valueOf(25_000), month,
                "The finance close project was extended by two months; extra consulting days are needed.")));
    }

    /** The CIO submits the draft; the executive approves it. */
    private void approve(AccountPrincipal cio, OrgAccess access, int year, String executive, @Nullable String note) {
        as(cio, access, () -> budgets.submit(year, "Ready for approval."));
        executive(access.slug(), executive, () -> budgets.approve(year, note));
    }

    private <T> T executive(String slug, String email, Supplier<T> work) {
        AccountPrincipal person = identities.findByEmail(email).orElseThrow();
        OrgAccess access = member(person, slug).orElseThrow();
        return RunAs.member(person, access, work);
    }

    private Optional<OrgAccess> member(AccountPrincipal person, String slug) {
        return identities.membership(person.accountId(), slug);
    }

    private static <T> T as(AccountPrincipal person, OrgAccess access, Supplier<T> work) {
        return RunAs.member(person, access, work);
    }

    private int currentFiscalYear() {
        int start = organizations.current().fiscalYearStartMonth();
        LocalDate today = LocalDate.now(BudgetLedger.zone());
        return today.getMonthValue() >= start ? today.getYear() : today.getYear() - 1;
    }

    private boolean exists(int year) {
        return budgets.budgets().stream().anyMatch(b -> b.fiscalYear() == year);
    }

    /** The amount spread by weights (cents left over go to the heaviest month), e.g. {0, 3, 3, 0, …}. */
    static List<BigDecimal> shaped(BigDecimal amount, int[] weights) {
        int total = Arrays.stream(weights).sum();
        List<BigDecimal> months = new ArrayList<>(12);
        BigDecimal given = BigDecimal.ZERO;
        int heaviest = 0;
        for (int i = 0; i < 12; i++) {
            BigDecimal part = amount.multiply(BigDecimal.valueOf(weights[i])).divide(BigDecimal.valueOf(total), 0, RoundingMode.DOWN);
            months.add(part);
            given = given.add(part);
            if (weights[i] > weights[heaviest]) {
                heaviest = i;
            }
        }
        months.set(heaviest, months.get(heaviest).add(amount.subtract(given)));
        return months;
    }
}

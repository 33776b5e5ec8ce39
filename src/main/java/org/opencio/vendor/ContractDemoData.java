package org.opencio.vendor;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.platform.demo.DemoPdf;
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
 * Demo mode's contracts, on the vendors the vendor register's demo made (nothing without them): for each demo
 * organization contracts in every status, notice deadlines within the next weeks, terms renewed by hand with a new
 * price and renewed automatically, PDFs, and commitments on demo budget lines kept in the contract's currency. Dates
 * follow today, so the renewal calendar always has something coming; the daily job then runs once, so expiries,
 * automatic renewals and reminders are there too.
 */
@Component
class ContractDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(ContractDemoData.class);

    static final String CIO = "dana.fischer@fractional-cio.example";

    /** What a demo contract is: dates in days and months from today, and what to do with it once drafted. */
    record Spec(
            String vendorHint,
            String title,
            ContractType type,
            String reference,
            @Nullable String owner,
            int termMonths,
            int endInDays,
            boolean autoRenew,
            @Nullable Integer noticeAmount,
            @Nullable NoticeUnit noticeUnit,
            long annualValue,
            BillingFrequency billing,
            @Nullable String lineCode,
            String then,
            @Nullable String sla) {}

    private final ContractManagement contracts;
    private final ContractDocumentManagement documents;
    private final ContractDailyJob job;
    private final Vendors vendors;
    private final BudgetLedger ledger;
    private final IdentityDirectory identities;

    ContractDemoData(
            ContractManagement contracts,
            ContractDocumentManagement documents,
            ContractDailyJob job,
            Vendors vendors,
            BudgetLedger ledger,
            IdentityDirectory identities) {
        this.contracts = contracts;
        this.documents = documents;
        this.job = job;
        this.vendors = vendors;
        this.ledger = ledger;
        this.identities = identities;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load(DemoSettings settings) {
        Optional<AccountPrincipal> cio = identities.findByEmail(CIO);
        if (cio.isEmpty()) {
            return;
        }
        identities.membership(cio.get().accountId(), "acme").ifPresent(access -> load(cio.get(), access, acme()));
        identities.membership(cio.get().accountId(), "northwind").ifPresent(access -> load(cio.get(), access, northwind()));
    }

    private void load(AccountPrincipal cio, OrgAccess access, List<Spec> specs) {
        List<Vendor> available = as(cio, access, () -> vendors.findAll().stream()
                .filter(v -> !v.archived())
                .sorted(Comparator.comparing(Vendor::displayName))
                .toList());
        if (available.isEmpty()) {
            log.info("No demo contracts for {}: it has no vendors", access.slug());
            return;
        }
        if (as(cio, access, () -> !contracts.list(ContractFilter.none(), 1, null, null).items().isEmpty()
                || !contracts.list(new ContractFilter(null, null, null, null, null, null, null, null, true, true), 1, null, null).items().isEmpty())) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of(access.timeZone()));
        int fiscalYear = today.getMonthValue() >= fiscalStart(access) ? today.getYear() : today.getYear() - 1;
        Map<String, UUID> lines = as(cio, access, () -> ledger.importTarget(fiscalYear).map(t -> t.linesByCode()).orElse(Map.of()));
        int next = 0;
        int made = 0;
        for (Spec s : specs) {
            Vendor vendor = pick(available, s.vendorHint(), next++);
            UUID owner = s.owner() == null ? null : identities.findByEmail(s.owner()).map(AccountPrincipal::accountId).orElse(null);
            LocalDate end = today.plusDays(s.endInDays());
            if (s.then().equals("renewed")) {
                // The term drafted here is the previous one; its renewal ends about when the spec says.
                end = end.minusMonths(s.termMonths());
            }
            LocalDate start = s.termMonths() == 0 ? today.minusMonths(14) : end.plusDays(1).minusMonths(s.termMonths());
            UUID line = s.lineCode() == null ? null : lines.get(s.lineCode());
            BigDecimal annual = BigDecimal.valueOf(s.annualValue());
            BigDecimal total = s.termMonths() == 0
                    ? annual
                    : annual.multiply(BigDecimal.valueOf(s.termMonths())).divide(BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_EVEN);
            var save = new SaveContract(vendor.getId(), s.title(), s.type(), s.reference(), owner, start, s.termMonths() == 0 ? null : end,
                    s.autoRenew(), s.autoRenew() ? 12 : null, s.noticeAmount(), s.noticeUnit(), total, null, access.baseCurrency(), s.billing(),
                    line, s.sla());
            try {
                as(cio, access, () -> {
                    ContractView c = contracts.create(save);
                    then(c, s, today);
                    return null;
                });
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo contract '{}' was skipped: {}", s.title(), e.getMessage());
            }
        }
        // A day of the contract job: past terms expire or renew, and reminders of the coming deadlines go out.
        job.runFor(access.orgId(), today.atTime(LocalTime.NOON).atZone(ZoneId.of(access.timeZone())).toInstant());
        log.info("Demo contracts loaded for {}: {}", access.slug(), made);
    }

    /** After drafting: stay a draft, activate, renew with a new price, or terminate. */
    private void then(ContractView c, Spec s, LocalDate today) {
        switch (s.then()) {
            case "draft" -> {}
            case "active" -> contracts.activate(c.id(), "Signed", null);
            case "signed" -> {
                contracts.activate(c.id(), "Signed", null);
                attach(c, "Signed agreement – " + s.reference() + ".pdf");
            }
            case "renewed" -> {
                // The first term, a year earlier, renewed at a new price into the current one.
                ContractView first = contracts.activate(c.id(), "Signed", null);
                ContractView current = contracts.renew(first.id(), new RenewContract("Renegotiated: list price increase", null, null,
                        first.totalValue().multiply(new BigDecimal("1.065")).setScale(0, java.math.RoundingMode.HALF_EVEN), null, null, null, null,
                        null, null, null, null, null, null), null);
                attach(current, "Renewal offer – " + s.reference() + ".pdf");
            }
            case "terminated" -> {
                contracts.activate(c.id(), "Signed", null);
                contracts.terminate(c.id(), new TerminateContract("Consolidated with another provider", null), null);
            }
            default -> throw new IllegalArgumentException(s.then());
        }
    }

    /** A one-page PDF, so the documents list has something to open. */
    private void attach(ContractView c, String name) {
        byte[] pdf = DemoPdf.of(18, List.of(c.title()));
        documents.upload(c.id(), name, pdf.length, new ByteArrayInputStream(pdf));
    }

    /** The vendor whose name contains the hint, or else the next one in turn. */
    private static Vendor pick(List<Vendor> vendors, String hint, int turn) {
        String h = hint.toLowerCase(Locale.ROOT);
        return vendors.stream()
                .filter(v -> v.displayName().toLowerCase(Locale.ROOT).contains(h) || v.legalName().toLowerCase(Locale.ROOT).contains(h))
                .findFirst()
                .orElse(vendors.get(turn % vendors.size()));
    }

    private static int fiscalStart(OrgAccess access) {
        return access.slug().equals("northwind") ? 7 : 1;
    }

    private static <T> T as(AccountPrincipal person, OrgAccess access, Supplier<T> work) {
        return RunAs.member(person, access, work);
    }

    private static Spec spec(String vendor, String title, ContractType type, String ref, @Nullable String owner, int termMonths, int endInDays,
            boolean autoRenew, @Nullable Integer notice, @Nullable NoticeUnit unit, long annual, BillingFrequency billing, @Nullable String line,
            String then, @Nullable String sla) {
        return new Spec(vendor, title, type, ref, owner, termMonths, endInDays, autoRenew, notice, unit, annual, billing, line, then, sla);
    }

    static List<Spec> acme() {
        String marco = "marco.rossi@acme.example";
        String priya = "priya.natarajan@acme.example";
        var M = NoticeUnit.MONTHS;
        var D = NoticeUnit.DAYS;
        return List.of(
                spec("microsoft", "Microsoft 365 E3, 450 users", ContractType.SAAS_SUBSCRIPTION, "EA-8841-2231", marco, 12, 100, true, 3, M,
                        194_400, BillingFrequency.ANNUALLY, null, "signed", "99.9 % monthly availability; service credits per the Microsoft SLA."),
                spec("sap", "SAP S/4HANA support and maintenance", ContractType.SUPPORT_MAINTENANCE, "SAP-ES-2019-114", marco, 12, 210, true, 6, M,
                        145_000, BillingFrequency.QUARTERLY, null, "renewed", "Priority 1: response within 1 hour, 24/7.\nPriority 2: 4 hours on business days."),
                spec("salesforce", "Salesforce Sales Cloud, 80 seats", ContractType.SAAS_SUBSCRIPTION, "SF-00349812", null, 36, 700, true, 60, D,
                        96_000, BillingFrequency.ANNUALLY, null, "active", null),
                spec("microsoft", "Azure hosting, enterprise agreement", ContractType.FRAMEWORK_AGREEMENT, "MS-EA-AZ-77", priya, 12, 45, true, 30, D,
                        216_000, BillingFrequency.MONTHLY, null, "active", null),
                spec("cisco", "Network maintenance, switches and firewalls", ContractType.SUPPORT_MAINTENANCE, "CSCO-SNT-5521", priya, 12, 55, false,
                        null, null, 42_000, BillingFrequency.ANNUALLY, null, "signed", "Next-business-day hardware replacement; TAC access."),
                spec("dell", "Laptop lease, 120 devices", ContractType.LEASE, "DFS-LSE-2291", marco, 36, 540, false, 3, M, 60_000,
                        BillingFrequency.QUARTERLY, null, "active", null),
                spec("sentinel", "Managed SOC and SIEM service", ContractType.SERVICES, "SOC-2024-07", priya, 12, 270, true, 3, M, 120_000,
                        BillingFrequency.MONTHLY, null, "renewed", "Incident triage within 15 minutes; monthly threat report."),
                spec("equinix", "Data centre colocation, Frankfurt", ContractType.SERVICES, "FR5-COLO-118", priya, 24, 75, true, 6, M, 72_000,
                        BillingFrequency.MONTHLY, null, "terminated", null),
                spec("redline", "External penetration test", ContractType.SERVICES, "PT-2025-A", null, 3, -40, false, null, null, 30_000,
                        BillingFrequency.ONE_TIME, null, "active", null),
                spec("nimbus", "Mutual non-disclosure agreement", ContractType.NDA, "NDA-0192", null, 0, 0, false, null, null, 0,
                        BillingFrequency.ONE_TIME, null, "active", null),
                spec("kestrel", "ERP consulting framework agreement", ContractType.FRAMEWORK_AGREEMENT, "FA-ERP-2026", marco, 24, 400, false, 3, M,
                        80_000, BillingFrequency.MONTHLY, null, "active", null),
                spec("dell", "Server warranty extension, virtualisation hosts", ContractType.HARDWARE_WARRANTY, "HPE-CP-99812", priya, 12, 20, false,
                        null, null, 8_400, BillingFrequency.ANNUALLY, null, "active", null),
                spec("vantage", "IT service management tool (proposal)", ContractType.SAAS_SUBSCRIPTION, "Q-2026-ITSM", marco, 36, 1095, true, 90,
                        D, 21_600, BillingFrequency.ANNUALLY, "SD-02", "draft", null),
                spec("atlassian", "Jira and Confluence Cloud", ContractType.SAAS_SUBSCRIPTION, "AT-E-55120", marco, 12, 200, true, 30, D, 12_000,
                        BillingFrequency.ANNUALLY, "LIC-03", "active", null),
                spec("adobe", "Adobe Creative Cloud for marketing", ContractType.LICENCE, "ADB-VIP-3321", null, 12, -3, true, 30, D, 14_400,
                        BillingFrequency.ANNUALLY, null, "active", null),
                spec("awarenow", "Security awareness training", ContractType.SAAS_SUBSCRIPTION, "KB4-7781", null, 12, 35, true, 30, D, 4_800,
                        BillingFrequency.ANNUALLY, "SEC-03", "active", null));
    }

    static List<Spec> northwind() {
        String grace = "grace.liu@northwind.example";
        var M = NoticeUnit.MONTHS;
        var D = NoticeUnit.DAYS;
        return List.of(
                spec("medchart", "EHR hosting and application support", ContractType.SERVICES, "EHR-HOST-2023", grace, 36, 160, true, 6, M, 420_000,
                        BillingFrequency.MONTHLY, null, "signed", "99.95 % availability of the clinical systems; RPO 15 minutes."),
                spec("microsoft", "Microsoft 365 E3, 220 users", ContractType.SAAS_SUBSCRIPTION, "EA-NW-1180", grace, 12, 52, true, 30, D, 95_040,
                        BillingFrequency.ANNUALLY, null, "active", null),
                spec("aws", "AWS enterprise support", ContractType.SUPPORT_MAINTENANCE, "AWS-ES-4471", grace, 12, 230, true, 60, D, 24_000,
                        BillingFrequency.MONTHLY, null, "renewed", null),
                spec("caredesk", "Managed service desk", ContractType.SERVICES, "MSD-2025-02", null, 24, 33, false, 2, M, 120_000,
                        BillingFrequency.MONTHLY, null, "active", null),
                spec("healthguard", "HIPAA risk assessment", ContractType.SERVICES, "HRA-2025", null, 4, -25, false, null, null, 45_000,
                        BillingFrequency.ONE_TIME, null, "active", null),
                spec("lakeshore", "Clinic network maintenance", ContractType.SUPPORT_MAINTENANCE, "CSCO-NW-31", null, 12, 300, true, 90, D, 18_000,
                        BillingFrequency.ANNUALLY, null, "terminated", null),
                spec("medchart", "Telehealth platform pilot", ContractType.SAAS_SUBSCRIPTION, "TH-PILOT", grace, 6, 140, false, null, null, 30_000,
                        BillingFrequency.QUARTERLY, null, "draft", null));
    }
}

package org.opencio.vendor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetView;
import org.opencio.budget.GridFilter;
import org.opencio.budget.SaveBudgetLine;
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
 * Demo mode's vendor register: for Acme 26 vendors across every category, tier and status (one archived) with their
 * contacts, quarterly reviews of the main vendors over the last five quarters (so trends show), intelligence from
 * briefings and roadmap sessions, and the budget lines that pay them named; for Northwind a smaller register. Runs after
 * the budget (order 30) and before contracts, which name these vendors.
 */
@Component
class VendorDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(VendorDemoData.class);

    static final String CIO = "dana.fischer@fractional-cio.example";

    /** A vendor of the demo; {@code lines} are the budget line codes that pay it; {@code review} a score pattern or null. */
    record Spec(String legal, @Nullable String trading, VendorCategory category, String website, VendorStatus status, StrategicTier tier,
            RiskTier risk, List<String> tags, @Nullable String owner, @Nullable String notes, List<String> lines, @Nullable Pattern review,
            List<Person> contacts) {}

    /** A contact at a vendor. */
    record Person(String name, ContactKind kind, @Nullable String title, @Nullable String email, @Nullable String phone) {}

    /** Scores of the oldest reviewed quarter and how each dimension moves per quarter (in tenths), as quality … innovation. */
    record Pattern(int[] start, int[] drift) {}

    /** An intelligence note; {@code daysAgo} before today. */
    record Note(String vendor, int daysAgo, NoteKind kind, String title, String body, String relevance, List<String> tags) {}

    private final VendorManagement vendors;
    private final VendorContactManagement contacts;
    private final VendorNoteManagement notes;
    private final VendorReviewManagement reviews;
    private final BudgetManagement budgets;
    private final IdentityDirectory identities;

    VendorDemoData(
            VendorManagement vendors,
            VendorContactManagement contacts,
            VendorNoteManagement notes,
            VendorReviewManagement reviews,
            BudgetManagement budgets,
            IdentityDirectory identities) {
        this.vendors = vendors;
        this.contacts = contacts;
        this.notes = notes;
        this.reviews = reviews;
        this.budgets = budgets;
        this.identities = identities;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load(DemoSettings settings) {
        Optional<AccountPrincipal> cio = identities.findByEmail(CIO);
        if (cio.isEmpty()) {
            return;
        }
        identities.membership(cio.get().accountId(), "acme").ifPresent(access -> load(cio.get(), access, acme(), acmeNotes(),
                List.of("marco.rossi@acme.example", "priya.natarajan@acme.example"), "Legacy Fax Solutions GmbH"));
        identities.membership(cio.get().accountId(), "northwind").ifPresent(access -> load(cio.get(), access, northwind(), northwindNotes(),
                List.of("grace.liu@northwind.example"), null));
    }

    private void load(AccountPrincipal cio, OrgAccess access, List<Spec> specs, List<Note> intelligence, List<String> managers,
            @Nullable String archive) {
        if (as(cio, access, () -> !vendors.list(new VendorFilter(null, null, null, null, null, null, null, null), 1, null, null).items().isEmpty()
                || !vendors.list(new VendorFilter(null, null, null, null, null, null, null, true), 1, null, null).items().isEmpty())) {
            return;
        }
        Map<String, UUID> ids = new HashMap<>();
        Map<String, UUID> byLine = new HashMap<>();
        for (Spec s : specs) {
            UUID owner = s.owner() == null ? null : identities.findByEmail(s.owner()).map(AccountPrincipal::accountId).orElse(null);
            VendorView v = as(cio, access, () -> vendors.create(new SaveVendor(s.legal(), s.trading(), s.category(), s.website(), s.status(),
                    s.tier(), s.risk(), s.tags(), s.notes(), owner), true));
            ids.put(s.legal(), v.id());
            s.lines().forEach(code -> byLine.put(code, v.id()));
            as(cio, access, () -> {
                s.contacts().forEach(p -> contacts.create(v.id(), new SaveContact(p.name(), p.kind(), p.title(), p.email(), p.phone())));
                return null;
            });
        }
        LocalDate today = LocalDate.now(ZoneId.of(access.timeZone()));
        for (Note n : intelligence) {
            UUID vendor = ids.get(n.vendor());
            as(cio, access, () -> notes.create(vendor, new SaveVendorNote(today.minusDays(n.daysAgo()), n.kind(), n.title(), n.body(),
                    n.relevance(), n.tags())));
        }
        reviewAll(cio, access, specs, ids, managers, today);
        nameVendorsOnBudgetLines(cio, access, byLine);
        if (archive != null && ids.containsKey(archive)) {
            as(cio, access, () -> vendors.archive(ids.get(archive), "Fax servers were switched off; the contract has ended.", null));
        }
        log.info("Demo vendors loaded for {}: {} vendors", access.slug(), specs.size());
    }

    /**
     * The last five quarters before the current one: the CIO reviews every vendor with a pattern each quarter, the IT
     * managers the strategic ones in alternate quarters.
     */
    private void reviewAll(AccountPrincipal cio, OrgAccess access, List<Spec> specs, Map<String, UUID> ids, List<String> managers,
            LocalDate today) {
        List<OrgAccess> managerAccess = new ArrayList<>();
        List<AccountPrincipal> managerPeople = new ArrayList<>();
        for (String email : managers) {
            identities.findByEmail(email).ifPresent(p -> identities.membership(p.accountId(), access.slug()).ifPresent(a -> {
                managerPeople.add(p);
                managerAccess.add(a);
            }));
        }
        int index = 0;
        for (Spec s : specs) {
            if (s.review() == null) {
                continue;
            }
            UUID vendor = ids.get(s.legal());
            for (int q = 5; q >= 1; q--) {
                ReviewPeriod period = ReviewPeriod.quarterOf(today.minusMonths(3L * q));
                int step = 5 - q;
                int[] scores = scores(s.review(), step, 0);
                String comment = comment(s, scores, step);
                as(cio, access, () -> reviews.create(review(vendor, period, scores, comment)));
                if (s.tier() == StrategicTier.STRATEGIC && !managerPeople.isEmpty() && q % 2 == 1) {
                    int m = (index + q) % managerPeople.size();
                    int[] second = scores(s.review(), step, (index + q) % 3 - 1);
                    RunAs.member(managerPeople.get(m), managerAccess.get(m), () -> reviews.create(review(vendor, period, second, null)));
                }
            }
            index++;
        }
    }

    private static int[] scores(Pattern p, int step, int nudge) {
        int[] out = new int[6];
        for (int d = 0; d < 6; d++) {
            double value = p.start()[d] + p.drift()[d] * step / 10.0 + (d == (step + nudge + 6) % 6 ? nudge : 0);
            out[d] = (int) Math.max(1, Math.min(5, Math.round(value)));
        }
        return out;
    }

    private static String comment(Spec s, int[] scores, int step) {
        int worst = 0;
        int best = 0;
        for (int d = 1; d < 6; d++) {
            worst = scores[d] < scores[worst] ? d : worst;
            best = scores[d] > scores[best] ? d : best;
        }
        String name = s.trading() == null ? s.legal() : s.trading();
        return "Quarterly review with " + name + ": strongest in " + Scores.DIMENSIONS.get(best) + ", weakest in "
                + Scores.DIMENSIONS.get(worst) + (step == 4 ? ". Agreed actions are in the minutes of the service review." : ".");
    }

    private static SaveVendorReview review(UUID vendor, ReviewPeriod period, int[] s, @Nullable String comment) {
        return new SaveVendorReview(vendor, period.label(), s[0], s[1], s[2], s[3], s[4], s[5], comment);
    }

    /** Names the vendor on the budget lines that pay it, in every budget the organization has, through the budget's own service. */
    private void nameVendorsOnBudgetLines(AccountPrincipal cio, OrgAccess access, Map<String, UUID> byLine) {
        if (byLine.isEmpty()) {
            return;
        }
        as(cio, access, () -> {
            for (BudgetView budget : budgets.budgets()) {
                for (BudgetLineView line : budgets.grid(budget.fiscalYear(), GridFilter.none())) {
                    UUID vendor = byLine.get(line.code());
                    if (vendor == null || vendor.equals(line.vendorId()) || line.unallocated()) {
                        continue;
                    }
                    budgets.updateLine(line.id(), new SaveBudgetLine(line.code(), line.description(), line.departmentId(), line.costPoolId(),
                            line.towerId(), line.expenseType(), vendor, line.ownerId(), line.policy(), line.forecastMethod(), null, null),
                            line.version());
                }
            }
            return null;
        });
    }

    private static <T> T as(AccountPrincipal person, OrgAccess access, Supplier<T> work) {
        return RunAs.member(person, access, work);
    }

    // ---- the demo's vendors

    private static Pattern pattern(int q, int d, int s, int c, int r, int i, int dq, int dd, int ds, int dc, int dr, int di) {
        return new Pattern(new int[] {q, d, s, c, r, i}, new int[] {dq, dd, ds, dc, dr, di});
    }

    private static List<Spec> acme() {
        String marco = "marco.rossi@acme.example";
        String priya = "priya.natarajan@acme.example";
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec("Microsoft Ireland Operations Ltd", "Microsoft", VendorCategory.SOFTWARE, "https://www.microsoft.com", VendorStatus.ACTIVE,
                StrategicTier.STRATEGIC, RiskTier.HIGH, List.of("m365", "azure", "licensing"), marco,
                "Enterprise agreement for Microsoft 365 E3, Azure and Power BI; renewal negotiated through the reseller.",
                List.of("LIC-01", "CLD-01", "CLD-02", "DAT-01", "TEL-01"), pattern(4, 4, 3, 2, 3, 4, 0, 0, 3, 2, 2, 2),
                List.of(new Person("Katrin Vogel", ContactKind.ACCOUNT_MANAGER, "Enterprise account executive", "katrin.vogel@microsoft.example",
                                "+49 89 3176 4410"),
                        new Person("Premier support", ContactKind.SUPPORT, null, "premier-support@microsoft.example", "+49 89 3176 0000"))));
        specs.add(new Spec("Dell Technologies Deutschland GmbH", "Dell Technologies", VendorCategory.HARDWARE, "https://www.dell.com",
                VendorStatus.ACTIVE, StrategicTier.PREFERRED, RiskTier.MEDIUM, List.of("laptops", "servers"), marco,
                "Laptops, monitors and virtualisation hosts under the framework agreement; three-year ProSupport on all devices.",
                List.of("EUS-01", "EUS-02", "DC-02"), pattern(4, 3, 4, 3, 4, 3, 0, 3, 0, 2, 0, 0),
                List.of(new Person("Jens Hartmann", ContactKind.ACCOUNT_MANAGER, "Account manager Mittelstand", "jens.hartmann@dell.example",
                                "+49 69 9792 3100"),
                        new Person("ProSupport", ContactKind.SUPPORT, null, "prosupport@dell.example", "+49 69 9792 0000"),
                        new Person("Order desk", ContactKind.BILLING, null, "orders.de@dell.example", null))));
        specs.add(new Spec("Cisco Systems GmbH", "Cisco", VendorCategory.HARDWARE, "https://www.cisco.com", VendorStatus.ACTIVE,
                StrategicTier.PREFERRED, RiskTier.MEDIUM, List.of("network", "wifi"), priya, null, List.of("NET-03"),
                pattern(5, 3, 3, 2, 3, 4, 0, 2, 2, 0, 3, 0),
                List.of(new Person("Miriam Koch", ContactKind.ACCOUNT_MANAGER, "Partner account manager", "miriam.koch@cisco.example",
                        "+49 811 5543 210"))));
        specs.add(new Spec("SAP Deutschland SE & Co. KG", "SAP", VendorCategory.SOFTWARE, "https://www.sap.com", VendorStatus.ACTIVE,
                StrategicTier.STRATEGIC, RiskTier.CRITICAL, List.of("erp", "s4hana"), marco,
                "S/4HANA on premises; support and maintenance at 22 % of licence value. RISE migration under evaluation.",
                List.of("ERP-01"), pattern(4, 3, 3, 2, 3, 3, 0, -2, -3, 0, -2, 2),
                List.of(new Person("Thomas Brandt", ContactKind.ACCOUNT_MANAGER, "Client partner", "thomas.brandt@sap.example", "+49 6227 747474"),
                        new Person("SAP for Me support", ContactKind.SUPPORT, null, "support@sap.example", null))));
        specs.add(new Spec("Salesforce.com Germany GmbH", "Salesforce", VendorCategory.SAAS, "https://www.salesforce.com", VendorStatus.ACTIVE,
                StrategicTier.PREFERRED, RiskTier.MEDIUM, List.of("crm", "sales"), null, null, List.of("CLD-03"),
                pattern(4, 4, 3, 2, 4, 5, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Laura Schmitt", ContactKind.ACCOUNT_MANAGER, "Account executive", "laura.schmitt@salesforce.example",
                        "+49 89 2000 1234"))));
        specs.add(new Spec("Adobe Systems Software Ireland Ltd", "Adobe", VendorCategory.SAAS, "https://www.adobe.com", VendorStatus.ACTIVE,
                StrategicTier.APPROVED, RiskTier.LOW, List.of("creative", "marketing"), null, null, List.of("LIC-02"),
                pattern(4, 4, 3, 3, 3, 4, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Adobe VIP team", ContactKind.BILLING, null, "vip-emea@adobe.example", null))));
        specs.add(new Spec("Atlassian Pty Ltd", "Atlassian", VendorCategory.SAAS, "https://www.atlassian.com", VendorStatus.ACTIVE,
                StrategicTier.APPROVED, RiskTier.LOW, List.of("devops", "collaboration"), null, null, List.of("LIC-03"),
                pattern(4, 4, 2, 3, 2, 4, 0, 0, 2, -2, 0, 0),
                List.of(new Person("Atlassian support", ContactKind.SUPPORT, null, "support@atlassian.example", null))));
        specs.add(new Spec("Deutsche Telekom Business Solutions GmbH", "Telekom", VendorCategory.TELECOM, "https://geschaeftskunden.telekom.de",
                VendorStatus.ACTIVE, StrategicTier.PREFERRED, RiskTier.HIGH, List.of("wan", "mobile"), priya,
                "WAN lines for three sites and 160 mobile contracts; the WAN was renegotiated this year.", List.of("NET-02", "EUS-03"),
                pattern(3, 3, 2, 3, 3, 2, 2, 2, 3, 3, 0, 0),
                List.of(new Person("Sabine Krüger", ContactKind.ACCOUNT_MANAGER, "Key account manager", "sabine.krueger@telekom.example",
                                "+49 711 2222 4567"),
                        new Person("Business service line", ContactKind.SUPPORT, null, null, "+49 800 330 1300"))));
        specs.add(new Spec("Northbridge Networks GmbH", "Northbridge", VendorCategory.SERVICES, "https://northbridge-networks.example",
                VendorStatus.ACTIVE, StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("network", "maintenance"), priya, null, List.of("NET-01"),
                pattern(4, 4, 4, 3, 4, 2, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Ole Petersen", ContactKind.ACCOUNT_MANAGER, "Managing director", "ole.petersen@northbridge-networks.example",
                                "+49 40 8833 120"),
                        new Person("NOC", ContactKind.TECHNICAL, "24/7 network operations", "noc@northbridge-networks.example",
                                "+49 40 8833 199"))));
        specs.add(new Spec("Helix Service Partners GmbH", "Helix", VendorCategory.SERVICES, "https://helix-service.example", VendorStatus.ACTIVE,
                StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("service desk", "staffing"), marco,
                "Two service desk contractors on a time-and-material contract.", List.of("SD-01"), pattern(3, 4, 3, 3, 4, 2, 3, 0, 2, 0, 0, 0),
                List.of(new Person("Nina Albers", ContactKind.ACCOUNT_MANAGER, "Delivery manager", "nina.albers@helix-service.example",
                        "+49 711 4455 660"))));
        specs.add(new Spec("Vantage ITSM Ltd", "Vantage ITSM", VendorCategory.SAAS, "https://vantage-itsm.example", VendorStatus.ACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("itsm"), null, null, List.of("SD-02"), pattern(3, 3, 3, 4, 3, 3, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Customer success", ContactKind.ACCOUNT_MANAGER, null, "success@vantage-itsm.example", null))));
        specs.add(new Spec("Sentinel Shield Security GmbH", "SentinelShield", VendorCategory.SERVICES, "https://sentinelshield.example",
                VendorStatus.ACTIVE, StrategicTier.STRATEGIC, RiskTier.CRITICAL, List.of("soc", "siem", "security"), priya,
                "Managed SOC and SIEM, 24/7; escalations to the IT infrastructure on-call phone.", List.of("SEC-04"),
                pattern(3, 3, 4, 2, 3, 3, 3, 3, 2, 0, 3, 3),
                List.of(new Person("Dr. Anja Weiss", ContactKind.ACCOUNT_MANAGER, "Head of customer security", "anja.weiss@sentinelshield.example",
                                "+49 30 5566 7700"),
                        new Person("SOC hotline", ContactKind.TECHNICAL, null, "soc@sentinelshield.example", "+49 30 5566 7799"))));
        specs.add(new Spec("CrowdStrike GmbH", "CrowdStrike", VendorCategory.SAAS, "https://www.crowdstrike.com", VendorStatus.ACTIVE,
                StrategicTier.PREFERRED, RiskTier.HIGH, List.of("edr", "security"), priya, null, List.of("SEC-01"),
                pattern(5, 4, 4, 2, 3, 5, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Falcon support", ContactKind.SUPPORT, null, "support@crowdstrike.example", null))));
        specs.add(new Spec("Redline Pentest GmbH", null, VendorCategory.CONSULTING, "https://redline-pentest.example", VendorStatus.ACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("security", "pentest"), null, null, List.of("SEC-02"), null,
                List.of(new Person("Felix Baumann", ContactKind.ACCOUNT_MANAGER, "Partner", "felix.baumann@redline-pentest.example", null))));
        specs.add(new Spec("AwareNow Training Ltd", "AwareNow", VendorCategory.SERVICES, "https://awarenow.example", VendorStatus.ACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("security", "training"), null, null, List.of("SEC-03"), null, List.of()));
        specs.add(new Spec("Kestrel Consulting AG", "Kestrel", VendorCategory.CONSULTING, "https://kestrel-consulting.example",
                VendorStatus.ACTIVE, StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("erp", "finance"), marco,
                "SAP finance consultants for the faster month-end close.", List.of("ERP-02"), pattern(4, 2, 3, 2, 4, 3, 0, 2, 0, 0, 0, 0),
                List.of(new Person("Marc Lehner", ContactKind.ACCOUNT_MANAGER, "Engagement lead", "marc.lehner@kestrel-consulting.example",
                        "+41 44 555 8800"))));
        specs.add(new Spec("Personio SE & Co. KG", "Personio", VendorCategory.SAAS, "https://www.personio.com", VendorStatus.ACTIVE,
                StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("hr"), null, null, List.of("APP-01"), pattern(4, 4, 4, 3, 4, 3, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Customer success", ContactKind.ACCOUNT_MANAGER, null, "success@personio.example", null))));
        specs.add(new Spec("Fertigwerk MES Solutions GmbH", "Fertigwerk", VendorCategory.SOFTWARE, "https://fertigwerk-mes.example",
                VendorStatus.ACTIVE, StrategicTier.PREFERRED, RiskTier.HIGH, List.of("mes", "plant", "ot"), priya,
                "The manufacturing execution system of Plant Stuttgart; only two engineers know our installation.", List.of("APP-02"),
                pattern(4, 3, 2, 3, 3, 2, 0, 0, -2, 0, 0, 0),
                List.of(new Person("Heiko Brenner", ContactKind.TECHNICAL, "Lead engineer", "heiko.brenner@fertigwerk-mes.example",
                        "+49 7141 909 30"))));
        specs.add(new Spec("Equinix (Germany) GmbH", "Equinix", VendorCategory.SERVICES, "https://www.equinix.com", VendorStatus.ACTIVE,
                StrategicTier.PREFERRED, RiskTier.HIGH, List.of("colocation", "datacentre"), priya, null, List.of("DC-01"),
                pattern(5, 5, 4, 3, 4, 3, 0, 0, 0, 0, 0, 0),
                List.of(new Person("Service desk", ContactKind.SUPPORT, null, "servicedesk.de@equinix.example", "+49 69 9078 0000"))));
        specs.add(new Spec("Lernpfad Academy GmbH", "Lernpfad", VendorCategory.SERVICES, "https://lernpfad.example", VendorStatus.ACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("training"), null, null, List.of("MGT-01"), null, List.of()));
        specs.add(new Spec("Amazon Web Services EMEA SARL", "AWS", VendorCategory.CLOUD, "https://aws.amazon.com", VendorStatus.PROSPECT,
                StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("iaas", "data platform"), priya,
                "Evaluated for the data platform; the sovereign cloud region is a requirement.", List.of(), null,
                List.of(new Person("Elena Ruiz", ContactKind.ACCOUNT_MANAGER, "Account manager", "elena.ruiz@aws.example", null))));
        specs.add(new Spec("Lenovo (Deutschland) GmbH", "Lenovo", VendorCategory.HARDWARE, "https://www.lenovo.com", VendorStatus.PROSPECT,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("laptops"), marco, "Second source for laptops, quoted for the next refresh.",
                List.of(), null, List.of()));
        specs.add(new Spec("Brightdesk Software Inc.", "Brightdesk", VendorCategory.SAAS, "https://brightdesk.example", VendorStatus.INACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of("itsm"), null, "The former service desk tool; replaced by Vantage ITSM.", List.of(),
                null, List.of()));
        specs.add(new Spec("Nimbus AI Labs Ltd", "Nimbus AI", VendorCategory.SAAS, "https://nimbus-ai.example", VendorStatus.PROSPECT,
                StrategicTier.TACTICAL, RiskTier.HIGH, List.of("ai", "pilot"), marco,
                "Pilot of an AI assistant for the service desk; data protection impact assessment pending.", List.of(), null,
                List.of(new Person("Sam Whitaker", ContactKind.ACCOUNT_MANAGER, "Founder", "sam@nimbus-ai.example", "+44 20 7946 0321"))));
        specs.add(new Spec("Vodafone GmbH", "Vodafone", VendorCategory.TELECOM, "https://www.vodafone.de", VendorStatus.ACTIVE,
                StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("mobile", "backup line"), null, "LTE backup lines for the three sites.", List.of(),
                pattern(3, 3, 3, 4, 3, 2, 0, 0, 0, 0, 0, 0), List.of()));
        specs.add(new Spec("Legacy Fax Solutions GmbH", null, VendorCategory.OTHER, "https://legacy-fax.example", VendorStatus.INACTIVE,
                StrategicTier.TACTICAL, RiskTier.LOW, List.of(), null, null, List.of(), null, List.of()));
        return specs;
    }

    private static List<Note> acmeNotes() {
        return List.of(
                new Note("Microsoft Ireland Operations Ltd", 12, NoteKind.BRIEFING, "Copilot for Microsoft 365 in the E5 bundle",
                        "Copilot becomes part of the E5 bundle next year; E3 customers pay per seat. Data stays in the EU data boundary.",
                        "Knowledge work in sales and finance; licence budget for next year.", List.of("ai", "m365", "licensing")),
                new Note("SAP Deutschland SE & Co. KG", 40, NoteKind.ROADMAP, "End of mainstream maintenance and RISE timeline",
                        "Mainstream maintenance for our release ends in 2027; conversion credits for RISE are offered until the end of next year.",
                        "ERP strategy and the five-year budget.", List.of("erp", "s4hana", "cloud")),
                new Note("Dell Technologies Deutschland GmbH", 65, NoteKind.BRIEFING, "AI PCs with neural processors",
                        "The next laptop generation ships with NPUs for local AI features; prices about 8 % above the current models.",
                        "Laptop refresh next year.", List.of("laptops", "ai")),
                new Note("Cisco Systems GmbH", 90, NoteKind.ROADMAP, "Wi-Fi 7 access points and cloud management",
                        "Wi-Fi 7 access points are available; the on-premises controller is superseded by cloud management.",
                        "Wi-Fi upgrade at Plant Stuttgart and the warehouse.", List.of("wifi", "network")),
                new Note("Salesforce.com Germany GmbH", 25, NoteKind.MEETING, "Agent features in Sales Cloud",
                        "Account team presented AI agents for lead qualification; priced per conversation.",
                        "Sales productivity; to be weighed against Copilot.", List.of("ai", "crm")),
                new Note("CrowdStrike GmbH", 50, NoteKind.BRIEFING, "Platform consolidation offer",
                        "Offer to add identity protection and log management to the Falcon contract at a discount.",
                        "Could replace part of the SIEM scope of the managed SOC.", List.of("security", "siem")),
                new Note("Sentinel Shield Security GmbH", 8, NoteKind.MEETING, "OT monitoring for the plant network",
                        "Passive monitoring of the production network with sensors at the plant; a three-month proof of concept is proposed.",
                        "NIS2 obligations and the MES network at Plant Stuttgart.", List.of("ot", "security", "nis2")),
                new Note("Equinix (Germany) GmbH", 120, NoteKind.BRIEFING, "New Frankfurt campus and power prices",
                        "A new campus opens next year; power is billed with a price adjustment every quarter from then on.",
                        "Colocation costs in the budget.", List.of("datacentre", "energy")),
                new Note("Amazon Web Services EMEA SARL", 30, NoteKind.ROADMAP, "European sovereign cloud region",
                        "The sovereign region operated by EU staff launches in Brandenburg; services at launch listed in the deck.",
                        "Data platform hosting decision.", List.of("cloud", "sovereignty", "data platform")),
                new Note("Nimbus AI Labs Ltd", 5, NoteKind.MEETING, "Pilot results after six weeks",
                        "The assistant answered 31 % of password and access tickets without an agent; two wrong answers escalated.",
                        "Service desk workload; the DPIA must be finished before a roll-out.", List.of("ai", "service desk", "pilot")));
    }

    private static List<Spec> northwind() {
        String grace = "grace.liu@northwind.example";
        return List.of(
                new Spec("MedChart Systems Inc.", "MedChart", VendorCategory.SOFTWARE, "https://medchart.example", VendorStatus.ACTIVE,
                        StrategicTier.STRATEGIC, RiskTier.CRITICAL, List.of("ehr", "clinical"), grace, "Hosted EHR with application support.",
                        List.of("EHR-01"), pattern(4, 3, 3, 2, 3, 3, 0, 0, 2, 0, 0, 2),
                        List.of(new Person("Dana Whitfield", ContactKind.ACCOUNT_MANAGER, "Client executive", "dana.whitfield@medchart.example",
                                "+1 608 555 0142"))),
                new Spec("Microsoft Corporation", "Microsoft", VendorCategory.SOFTWARE, "https://www.microsoft.com", VendorStatus.ACTIVE,
                        StrategicTier.STRATEGIC, RiskTier.HIGH, List.of("m365"), null, null, List.of("LIC-01"), pattern(4, 4, 3, 2, 3, 4, 0, 0, 0, 0, 0, 0),
                        List.of()),
                new Spec("Amazon Web Services, Inc.", "AWS", VendorCategory.CLOUD, "https://aws.amazon.com", VendorStatus.ACTIVE,
                        StrategicTier.PREFERRED, RiskTier.HIGH, List.of("iaas", "patient portal"), grace, null, List.of("CLD-01"),
                        pattern(5, 4, 3, 2, 3, 5, 0, 0, 0, -2, 0, 0), List.of()),
                new Spec("CareDesk Managed Services LLC", "CareDesk", VendorCategory.SERVICES, "https://caredesk.example", VendorStatus.ACTIVE,
                        StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("service desk"), null, null, List.of("SD-01"),
                        pattern(3, 3, 3, 4, 3, 2, 2, 0, 2, 0, 0, 0),
                        List.of(new Person("Help line", ContactKind.SUPPORT, null, "help@caredesk.example", "+1 312 555 0199"))),
                new Spec("Lakeshore Fiber Networks LLC", "Lakeshore Fiber", VendorCategory.TELECOM, "https://lakeshore-fiber.example",
                        VendorStatus.ACTIVE, StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("network"), null, null, List.of("NET-01"), null,
                        List.of()),
                new Spec("HealthGuard Compliance LLC", "HealthGuard", VendorCategory.CONSULTING, "https://healthguard.example", VendorStatus.ACTIVE,
                        StrategicTier.TACTICAL, RiskTier.LOW, List.of("hipaa", "audit"), null, null, List.of("SEC-01"), null, List.of()),
                new Spec("MailVault Security Inc.", "MailVault", VendorCategory.SAAS, "https://mailvault.example", VendorStatus.ACTIVE,
                        StrategicTier.APPROVED, RiskTier.MEDIUM, List.of("email", "backup"), null, null, List.of("SEC-02"), null, List.of()),
                new Spec("Dell Technologies Inc.", "Dell Technologies", VendorCategory.HARDWARE, "https://www.dell.com", VendorStatus.ACTIVE,
                        StrategicTier.PREFERRED, RiskTier.LOW, List.of("tablets"), null, null, List.of("EUS-01"), null, List.of()),
                new Spec("FinSuite Software Inc.", "FinSuite", VendorCategory.SOFTWARE, "https://finsuite.example", VendorStatus.ACTIVE,
                        StrategicTier.TACTICAL, RiskTier.MEDIUM, List.of("finance"), null, null, List.of("FIN-01"), null, List.of()));
    }

    private static List<Note> northwindNotes() {
        return List.of(
                new Note("MedChart Systems Inc.", 20, NoteKind.ROADMAP, "Ambient clinical documentation",
                        "Speech-based note drafting inside the EHR, in limited release next year.",
                        "Clinician documentation time at both clinics.", List.of("ai", "ehr")),
                new Note("Amazon Web Services, Inc.", 45, NoteKind.BRIEFING, "HIPAA-eligible services update",
                        "More managed services joined the HIPAA-eligible list, including the vector database.",
                        "Patient portal search.", List.of("hipaa", "cloud")));
    }
}

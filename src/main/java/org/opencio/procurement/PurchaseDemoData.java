package org.opencio.procurement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
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
 * Demo mode's purchases, on the demo budget of the current fiscal year and the demo vendors: requests in every state
 * (a draft with its quote, waiting on the IT manager or the CIO, returned for changes, rejected, withdrawn, approved
 * and waiting for a buyer, cancelled, ordered), orders open, partly received, received, closed and cancelled, and
 * invoices matched three-way and two-way, one waiting for a decision, one accepted and one rejected. Each step is taken
 * by the person who would take it, through the same services as the pages: employees and IT staff request, the
 * approvers the policy names decide (never the requester), an IT manager buys and records invoices, the CIO decides
 * mismatches. Nothing is added to an organization that has purchase requests already.
 */
@Component
class PurchaseDemoData implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(PurchaseDemoData.class);

    static final String CIO = "dana.fischer@fractional-cio.example";

    /** How far a demo request goes once drafted. */
    enum Then {
        DRAFT_WITH_QUOTE,
        WAITING_ON_IT_MANAGER,
        WAITING_ON_CIO,
        CHANGES_REQUESTED,
        REJECTED,
        WITHDRAWN,
        APPROVED,
        CANCELLED,
        ORDERED,
        PARTLY_RECEIVED,
        RECEIVED_INVOICE_WAITING,
        INVOICED_IN_FULL,
        INVOICE_ACCEPTED,
        INVOICE_REJECTED,
        SERVICE_PARTLY_INVOICED,
        ORDER_CANCELLED
    }

    /** A line of a demo request: the cost category by code, the price in the base currency. */
    record Item(String description, String category, int quantity, String unitPrice, LineKind kind, @Nullable String catalogItem) {}

    /** A demo request: who asks, for what, on which budget line (by code) and vendor (a hint of its name; null: none yet). */
    record Spec(
            String requester,
            String department,
            String title,
            String justification,
            String lineCode,
            @Nullable String vendor,
            ExpenseType type,
            int neededInDays,
            List<Item> items,
            Then then,
            @Nullable String comment) {}

    /** Who does what in an organization: the buyer places, receives and records invoices; the approvers in order of preference. */
    record Cast(String buyer, String receiver, List<String> approvers) {}

    private record Actor(AccountPrincipal principal, OrgAccess access) {
        UUID id() {
            return principal.accountId();
        }
    }

    private final PurchaseRequestManagement requests;
    private final PurchaseRequestAttachmentManagement attachments;
    private final PurchaseOrderManagement orders;
    private final InvoiceManagement invoices;
    private final PurchaseBudget budget;
    private final BudgetLedger ledger;
    private final VendorDirectory vendors;
    private final DepartmentManagement departments;
    private final IdentityDirectory identities;

    PurchaseDemoData(
            PurchaseRequestManagement requests,
            PurchaseRequestAttachmentManagement attachments,
            PurchaseOrderManagement orders,
            InvoiceManagement invoices,
            PurchaseBudget budget,
            BudgetLedger ledger,
            VendorDirectory vendors,
            DepartmentManagement departments,
            IdentityDirectory identities) {
        this.requests = requests;
        this.attachments = attachments;
        this.orders = orders;
        this.invoices = invoices;
        this.budget = budget;
        this.ledger = ledger;
        this.vendors = vendors;
        this.departments = departments;
        this.identities = identities;
    }

    @Override
    public int order() {
        // After the budget (30), the vendors (40) and the contracts (50).
        return 60;
    }

    @Override
    public void load(DemoSettings settings) {
        Optional<AccountPrincipal> cio = identities.findByEmail(CIO);
        if (cio.isEmpty()) {
            return;
        }
        identities.membership(cio.get().accountId(), "acme").ifPresent(access -> load(new Actor(cio.get(), access), acme(), acmeCast()));
        identities.membership(cio.get().accountId(), "northwind")
                .ifPresent(access -> load(new Actor(cio.get(), access), northwind(), northwindCast()));
    }

    private void load(Actor cio, List<Spec> specs, Cast cast) {
        String slug = cio.access().slug();
        if (as(cio, () -> !requests.list(PurchaseRequestFilter.none(), 1, null, null).items().isEmpty())) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of(cio.access().timeZone()));
        Map<String, PurchaseBudget.LineFacts> lines = new HashMap<>();
        as(cio, () -> budget.openLines(today)).forEach(l -> lines.put(l.code(), l));
        if (lines.isEmpty()) {
            log.info("No demo purchases for {}: it has no budget for today", slug);
            return;
        }
        Map<String, UUID> categories = new HashMap<>();
        as(cio, () -> budget.categories()).forEach((CostCategoryView c) -> categories.put(c.code(), c.id()));
        Map<String, UUID> depts = new HashMap<>();
        as(cio, () -> departments.tree()).forEach(e -> depts.put(e.department().code(), e.department().id()));
        List<VendorDirectory.Option> known = as(cio, () -> vendors.options());
        Map<String, Actor> people = new HashMap<>();
        people.put(CIO, cio);
        int made = 0;
        for (Spec s : specs) {
            try {
                Actor requester = person(people, slug, s.requester());
                if (requester == null) {
                    continue;
                }
                BigDecimal total = s.items().stream()
                        .map(i -> new BigDecimal(i.unitPrice()).multiply(BigDecimal.valueOf(i.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                PurchaseBudget.LineFacts line = lineWithRoom(cio, lines, s, total);
                if (line == null) {
                    log.info("Demo purchase '{}' was skipped: no budget line has room for it", s.title());
                    continue;
                }
                UUID vendor = s.vendor() == null ? null : vendor(known, s.vendor());
                var save = new SavePurchaseRequest(s.title(), s.justification(), today.plusDays(s.neededInDays()), depts.get(s.department()),
                        line.id(), vendor, s.type(), s.items().stream()
                                .map(i -> new SavePurchaseRequest.Line(i.description(), categories.get(i.category()), BigDecimal.valueOf(i.quantity()),
                                        new BigDecimal(i.unitPrice()), null, null, i.catalogItem(), i.kind()))
                                .toList());
                PurchaseRequestView draft = as(requester, () -> requests.create(save));
                then(s, draft, requester, people, slug, cast, vendor != null);
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo purchase '{}' stopped short: {}", s.title(), e.getMessage());
            }
        }
        log.info("Demo purchases loaded for {}: {}", slug, made);
    }

    /** Takes the drafted request as far as the spec says, each step by whoever takes it in the office. */
    private void then(Spec s, PurchaseRequestView draft, Actor requester, Map<String, Actor> people, String slug, Cast cast, boolean hasVendor) {
        if (s.then() == Then.DRAFT_WITH_QUOTE || s.then() == Then.WAITING_ON_CIO) {
            attachQuote(requester, draft, s);
        }
        if (s.then() == Then.DRAFT_WITH_QUOTE) {
            return;
        }
        PurchaseRequestView request = as(requester, () -> requests.submit(draft.id(), null, null));
        Actor cio = people.get(CIO);
        Actor buyer = Optional.ofNullable(person(people, slug, cast.buyer())).orElse(cio);
        switch (s.then()) {
            case DRAFT_WITH_QUOTE, WAITING_ON_IT_MANAGER -> {}
            case WAITING_ON_CIO -> approveUntilWaitingOn(request, cio.id(), people, slug, cast);
            case CHANGES_REQUESTED -> {
                Actor approver = approverOf(request, people, slug, cast);
                as(approver, () -> requests.requestChanges(request.id(), null, s.comment()));
            }
            case REJECTED -> {
                PurchaseRequestView waiting = approveUntilWaitingOn(request, cio.id(), people, slug, cast);
                as(cio, () -> requests.reject(waiting.id(), null, s.comment()));
            }
            case WITHDRAWN -> as(requester, () -> requests.withdraw(request.id(), s.comment(), null));
            case APPROVED -> approveAll(request, people, slug, cast);
            case CANCELLED -> {
                approveAll(request, people, slug, cast);
                as(buyer, () -> {
                    orders.cancelApproved(request.id(), s.comment());
                    return null;
                });
            }
            case ORDERED, PARTLY_RECEIVED, RECEIVED_INVOICE_WAITING, INVOICED_IN_FULL, INVOICE_ACCEPTED, INVOICE_REJECTED,
                    SERVICE_PARTLY_INVOICED, ORDER_CANCELLED -> {
                if (!hasVendor || approveAll(request, people, slug, cast).status() != PurchaseRequestStatus.ORDERED) {
                    log.info("Demo purchase '{}' was approved but not ordered (no vendor)", s.title());
                    return;
                }
                PurchaseOrderView order = as(buyer, () -> orders.ofRequest(request.id())).orElseThrow();
                Actor receiver = Optional.ofNullable(person(people, slug, cast.receiver())).orElse(requester);
                afterOrder(s, order, buyer, receiver, cio);
            }
        }
    }

    /** Receipts and invoices of an order, as the spec says. */
    private void afterOrder(Spec s, PurchaseOrderView order, Actor buyer, Actor receiver, Actor cio) {
        String ref = invoiceReference(order);
        switch (s.then()) {
            case ORDERED -> {}
            case PARTLY_RECEIVED -> {
                // The first line arrives in part (60 %), the others in full; the vendor bills what arrived.
                Map<UUID, BigDecimal> arrived = new HashMap<>();
                for (PurchaseOrderView.Line l : order.lines()) {
                    if (l.kind() == LineKind.GOODS) {
                        arrived.put(l.id(), l.position() == 1
                                ? l.quantity().multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE)
                                : l.quantity());
                    }
                }
                receive(receiver, order, arrived, "First delivery; the rest is back-ordered.");
                invoice(buyer, order, ref, arrived, BigDecimal.ONE);
            }
            case RECEIVED_INVOICE_WAITING -> {
                receiveAll(receiver, order);
                invoice(buyer, order, ref, all(order), new BigDecimal("1.10"));
            }
            case INVOICED_IN_FULL -> {
                receiveAll(receiver, order);
                invoice(buyer, order, ref, all(order), BigDecimal.ONE);
            }
            case INVOICE_ACCEPTED -> {
                receiveAll(receiver, order);
                InvoiceView over = invoice(buyer, order, ref, all(order), new BigDecimal("1.065"));
                if (over.status() == InvoiceStatus.MISMATCH) {
                    as(cio, () -> invoices.accept(over.id(), s.comment(), null));
                }
            }
            case INVOICE_REJECTED -> {
                receiveAll(receiver, order);
                InvoiceView over = invoice(buyer, order, ref, all(order), new BigDecimal("1.10"));
                if (over.status() == InvoiceStatus.MISMATCH) {
                    as(cio, () -> invoices.reject(over.id(), s.comment(), null));
                    // The vendor's corrected invoice, at the ordered price, matches and closes the order.
                    invoice(buyer, order, ref + "-C", all(order), BigDecimal.ONE);
                }
            }
            case SERVICE_PARTLY_INVOICED -> {
                // Services are not received: the first days worked are billed against the order (two-way).
                Map<UUID, BigDecimal> worked = new HashMap<>();
                order.lines().forEach(l -> worked.put(l.id(), l.quantity().multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN)
                        .max(BigDecimal.ONE)));
                invoice(buyer, order, ref, worked, BigDecimal.ONE);
            }
            case ORDER_CANCELLED -> as(buyer, () -> orders.cancel(order.id(), s.comment(), null));
            default -> throw new IllegalArgumentException(s.then().name());
        }
    }

    // ---- deciding

    /** Approves the pending steps one after the other until the request waits on {@code person} (or is decided). */
    private PurchaseRequestView approveUntilWaitingOn(PurchaseRequestView request, UUID person, Map<String, Actor> people, String slug, Cast cast) {
        PurchaseRequestView current = request;
        for (int i = 0; i < 10 && current.status() == PurchaseRequestStatus.SUBMITTED; i++) {
            boolean waitsOnPerson = current.waitingOn().stream().anyMatch(st -> st.approvers().stream().anyMatch(p -> p.id().equals(person)));
            if (waitsOnPerson) {
                return current;
            }
            current = approveNext(current, people, slug, cast);
        }
        return current;
    }

    private PurchaseRequestView approveAll(PurchaseRequestView request, Map<String, Actor> people, String slug, Cast cast) {
        PurchaseRequestView current = request;
        for (int i = 0; i < 10 && current.status() == PurchaseRequestStatus.SUBMITTED; i++) {
            current = approveNext(current, people, slug, cast);
        }
        return current;
    }

    private PurchaseRequestView approveNext(PurchaseRequestView request, Map<String, Actor> people, String slug, Cast cast) {
        Actor approver = approverOf(request, people, slug, cast);
        as(approver, () -> requests.approve(request.id(), null, null));
        // Read again as the CIO, who sees every request whoever decides next.
        return as(people.get(CIO), () -> requests.get(request.id()));
    }

    /**
     * An approver of the first step the request waits on: the first of the cast's approvers who is one, else whoever
     * the step names. Never the requester, whom the planner leaves out of every step anyway.
     */
    private Actor approverOf(PurchaseRequestView request, Map<String, Actor> people, String slug, Cast cast) {
        PurchaseRequestView.StepView step = request.waitingOn().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(request.number() + " waits on nobody"));
        List<UUID> ids = step.approvers().stream().map(PurchaseRequestView.Person::id).filter(id -> !id.equals(request.requesterId())).toList();
        for (String email : cast.approvers()) {
            Actor a = person(people, slug, email);
            if (a != null && ids.contains(a.id())) {
                return a;
            }
        }
        for (UUID id : ids) {
            Optional<Actor> a = identities.findById(id)
                    .flatMap(p -> identities.membership(id, slug).map(access -> new Actor(p, access)));
            if (a.isPresent()) {
                return a.get();
            }
        }
        throw new IllegalStateException("nobody but the requester may approve " + request.number());
    }

    // ---- receiving and invoicing

    private void receiveAll(Actor receiver, PurchaseOrderView order) {
        Map<UUID, BigDecimal> all = new HashMap<>();
        order.lines().stream().filter(l -> l.kind() == LineKind.GOODS).forEach(l -> all.put(l.id(), l.quantity()));
        receive(receiver, order, all, "Delivered complete, checked against the delivery note.");
    }

    private void receive(Actor receiver, PurchaseOrderView order, Map<UUID, BigDecimal> quantities, String note) {
        if (quantities.isEmpty()) {
            return;
        }
        List<ReceiveGoods.Line> lines = order.lines().stream()
                .filter(l -> quantities.containsKey(l.id()))
                .map(l -> new ReceiveGoods.Line(l.id(), quantities.get(l.id())))
                .toList();
        as(receiver, () -> orders.receive(order.id(), new ReceiveGoods(null, note, lines)));
    }

    private static Map<UUID, BigDecimal> all(PurchaseOrderView order) {
        Map<UUID, BigDecimal> all = new HashMap<>();
        order.lines().forEach(l -> all.put(l.id(), l.quantity()));
        return all;
    }

    /** The vendor's invoice for {@code quantities} of the order's lines, at the ordered prices times {@code priceFactor}. */
    private InvoiceView invoice(Actor buyer, PurchaseOrderView order, String vendorNumber, Map<UUID, BigDecimal> quantities, BigDecimal priceFactor) {
        List<RecordInvoice.Line> lines = order.lines().stream()
                .filter(l -> quantities.containsKey(l.id()))
                .map(l -> new RecordInvoice.Line(l.id(), quantities.get(l.id()), l.unitPrice().multiply(priceFactor).setScale(2, RoundingMode.HALF_EVEN)))
                .toList();
        LocalDate today = LocalDate.now(ZoneId.of(buyer.access().timeZone()));
        String currency = order.lines().getFirst().currency();
        return as(buyer, () -> invoices.record(new RecordInvoice(order.id(), vendorNumber, today, today.plusDays(30), currency, lines)));
    }

    /** A vendor's invoice number of its own style, unique to the order. */
    private static String invoiceReference(PurchaseOrderView order) {
        String vendor = order.vendorName() == null ? "V" : order.vendorName().replaceAll("[^A-Za-z]", "");
        String prefix = vendor.substring(0, Math.min(4, vendor.length())).toUpperCase(Locale.ROOT);
        return prefix + "-" + order.number().replaceAll("[^0-9]", "");
    }

    // ---- the quote

    private void attachQuote(Actor requester, PurchaseRequestView draft, Spec s) {
        List<String> text = new ArrayList<>();
        text.add("Quotation " + quoteNumber(draft));
        text.add("For: " + requester.access().orgName());
        text.add("Re: " + s.title());
        text.add("");
        BigDecimal total = BigDecimal.ZERO;
        for (Item i : s.items()) {
            BigDecimal amount = new BigDecimal(i.unitPrice()).multiply(BigDecimal.valueOf(i.quantity()));
            total = total.add(amount);
            text.add(i.quantity() + " x " + i.description() + " at " + i.unitPrice() + " = " + amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        text.add("");
        text.add("Total net: " + total.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + requester.access().baseCurrency());
        text.add("Valid for 30 days. Prices net of tax.");
        // A quote that opens as the one it stands for.
        byte[] pdf = DemoPdf.of(12, text);
        String vendor = s.vendor() == null ? "vendor" : s.vendor();
        as(requester, () -> attachments.add(draft.id(), "Quote " + quoteNumber(draft) + " " + vendor + ".pdf", "application/pdf", pdf.length,
                new ByteArrayInputStream(pdf)));
    }

    private static String quoteNumber(PurchaseRequestView draft) {
        return "Q-" + draft.number().replaceAll("[^0-9]", "");
    }

    // ---- budget, vendors, people

    /**
     * The spec's budget line if it takes the amount, else another line of the same expense type that does (a line that
     * blocks overspending would refuse the submission); null when none does.
     */
    private PurchaseBudget.@Nullable LineFacts lineWithRoom(Actor cio, Map<String, PurchaseBudget.LineFacts> lines, Spec s, BigDecimal total) {
        PurchaseBudget.LineFacts wanted = lines.get(s.lineCode());
        if (wanted != null && takes(cio, wanted, total)) {
            return wanted;
        }
        return lines.values().stream()
                .filter(l -> l.expenseType() == s.type() && l.currency().equals(cio.access().baseCurrency()))
                .sorted(Comparator.comparing(PurchaseBudget.LineFacts::code))
                .filter(l -> takes(cio, l, total))
                .findFirst()
                .orElse(null);
    }

    private boolean takes(Actor cio, PurchaseBudget.LineFacts line, BigDecimal amount) {
        if (line.archived() || !line.currency().equals(cio.access().baseCurrency())) {
            return false;
        }
        BudgetCheck check = as(cio, () -> ledger.check(line.id(), amount));
        return check.allowed();
    }

    /** The vendor whose name contains the hint; null when the register has none such. */
    private static @Nullable UUID vendor(List<VendorDirectory.Option> vendors, String hint) {
        String h = hint.toLowerCase(Locale.ROOT);
        return vendors.stream().filter(v -> v.name().toLowerCase(Locale.ROOT).contains(h)).map(VendorDirectory.Option::id).findFirst().orElse(null);
    }

    private @Nullable Actor person(Map<String, Actor> people, String slug, String email) {
        if (people.containsKey(email)) {
            return people.get(email);
        }
        Actor actor = identities.findByEmail(email)
                .flatMap(p -> identities.membership(p.accountId(), slug).map(access -> new Actor(p, access)))
                .orElse(null);
        if (actor != null) {
            people.put(email, actor);
        }
        return actor;
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        return RunAs.member(actor.principal(), actor.access(), work);
    }

    // ---- the demo's purchases

    private static Item goods(String description, String category, int quantity, String unitPrice, @Nullable String catalogItem) {
        return new Item(description, category, quantity, unitPrice, LineKind.GOODS, catalogItem);
    }

    private static Item service(String description, String category, int quantity, String unitPrice) {
        return new Item(description, category, quantity, unitPrice, LineKind.SERVICE, null);
    }

    static Cast acmeCast() {
        return new Cast("marco.rossi@acme.example", "tom.becker@acme.example",
                List.of("marco.rossi@acme.example", CIO, "claire.dubois@acme.example", "priya.natarajan@acme.example", "henrik.larsen@acme.example"));
    }

    static Cast northwindCast() {
        return new Cast("grace.liu@northwind.example", "sam.okafor@northwind.example",
                List.of("grace.liu@northwind.example", CIO, "rachel.adams@northwind.example"));
    }

    static List<Spec> acme() {
        String sofia = "sofia.martins@acme.example";
        String tom = "tom.becker@acme.example";
        String lea = "lea.wagner@acme.example";
        String jonas = "jonas.weber@acme.example";
        String aylin = "aylin.demir@acme.example";
        String oliver = "oliver.grant@acme.example";
        String priya = "priya.natarajan@acme.example";
        var capex = ExpenseType.CAPEX;
        var opex = ExpenseType.OPEX;
        return List.of(
                new Spec(lea, "IT-APP", "Jira Service Management, 25 agent licences", "Service desk and application support move their "
                        + "tickets into one tool; the quote from Atlassian is attached.", "LIC-03", "Atlassian", opex, 30,
                        List.of(service("Jira Service Management Standard, agent licence, 12 months", "P-SW", 25, "240.00")),
                        Then.DRAFT_WITH_QUOTE, null),
                new Spec(sofia, "SAL", "Monitors and docking station for the sales office", "Two screens and a dock for the new hot desk "
                        + "in the sales office.", "EUS-02", "Dell", capex, 14,
                        List.of(goods("Dell P2725H 27-inch monitor", "P-HW", 2, "289.00", "DELL-P2725H"),
                                goods("Dell WD22TB4 Thunderbolt dock", "P-HW", 1, "219.00", "DELL-WD22TB4")),
                        Then.WAITING_ON_IT_MANAGER, null),
                new Spec(tom, "IT-SD", "Laptops for the new starters in the third quarter", "Twelve people join in sales and operations; "
                        + "standard laptop image, three-year warranty. Dell's quote is attached.", "EUS-01", "Dell", capex, 45,
                        List.of(goods("Dell Latitude 5450, i7, 32 GB, 512 GB SSD", "P-HW", 12, "1349.00", "DELL-LAT5450-I7"),
                                service("ProSupport Plus, 3 years", "P-SVC", 12, "129.00")),
                        Then.WAITING_ON_CIO, null),
                new Spec(jonas, "OPS-PLT", "Rugged tablets for the shop floor", "Shift leaders record downtimes on the line instead of on paper.",
                        "EUS-01", "Dell", capex, 60,
                        List.of(goods("Dell Latitude 7230 Rugged Extreme tablet", "P-HW", 6, "1890.00", "DELL-LAT7230")),
                        Then.CHANGES_REQUESTED, "Please add protective cases and the device management licences, and check whether our framework "
                                + "price with Dell applies to rugged devices."),
                new Spec(aylin, "HR", "Second 34-inch monitors for the HR team", "The team works with two applications side by side all day.",
                        "EUS-02", "Dell", capex, 30,
                        List.of(goods("Dell U3425WE 34-inch curved monitor", "P-HW", 5, "749.00", "DELL-U3425WE")),
                        Then.REJECTED, "Our standard is one 27-inch monitor per desk and the ergonomic assessment does not call for a second "
                                + "screen. Please ask the service desk for the standard set."),
                new Spec(oliver, "FIN", "Power BI Pro licences for the controlling team", "Ten controllers publish reports to the finance "
                        + "workspace.", "DAT-01", "Microsoft", opex, 10,
                        List.of(service("Power BI Pro, user licence, 12 months", "P-SW", 10, "168.00")),
                        Then.WITHDRAWN, "Covered by the Power BI Premium capacity we already pay for; no separate licences needed."),
                new Spec(tom, "IT-INF", "Network switches for the warehouse extension", "Four 48-port PoE access switches for the new warehouse "
                        + "hall; the buyer chooses between Cisco and Northbridge.", "NET-03", null, capex, 40,
                        List.of(goods("48-port PoE+ access switch, 4 x 10G uplinks", "P-HW", 4, "2450.00", null)),
                        Then.APPROVED, null),
                new Spec(lea, "IT-APP", "Display and camera for meeting room 2", "A 75-inch display with a video bar for hybrid meetings.",
                        "EUS-02", null, capex, 30,
                        List.of(goods("75-inch meeting room display", "P-HW", 1, "2600.00", null),
                                goods("Video conferencing bar with microphones", "P-HW", 1, "1300.00", null)),
                        Then.CANCELLED, "Meeting room 2 is refurbished next year and facilities pay for its equipment."),
                new Spec(priya, "IT-INF", "Two virtualisation hosts for the server refresh", "Replaces the two hosts whose warranty ends this year; "
                        + "sized for five years of growth.", "DC-02", "Dell", capex, 50,
                        List.of(goods("Dell PowerEdge R760, 2 x Xeon Gold, 1 TB RAM", "P-HW", 2, "34500.00", "DELL-R760"),
                                service("Installation and migration, days", "P-SVC", 4, "1450.00")),
                        Then.ORDERED, null),
                new Spec(tom, "IT-SD", "Laptop refresh for finance and HR", "Twenty laptops reach five years; docking stations for every desk.",
                        "EUS-01", "Dell", capex, 21,
                        List.of(goods("Dell Latitude 7450, i7, 32 GB, 1 TB SSD", "P-HW", 20, "1520.00", "DELL-LAT7450-I7"),
                                goods("Dell WD22TB4 Thunderbolt dock", "P-HW", 20, "215.00", "DELL-WD22TB4")),
                        Then.PARTLY_RECEIVED, null),
                new Spec(tom, "IT-INF", "Access switches for hall 3, Plant Stuttgart", "Replaces switches out of support; needed before the "
                        + "line automation goes live.", "NET-03", "Cisco", capex, 20,
                        List.of(goods("Cisco Catalyst 9200L 48-port PoE+", "P-HW", 6, "3150.00", "C9200L-48P-4X")),
                        Then.RECEIVED_INVOICE_WAITING, null),
                new Spec(jonas, "OPS-PLT", "Monitors for the plant office", "Eight desks in the new plant office.", "EUS-02", "Dell", capex, 14,
                        List.of(goods("Dell P2725H 27-inch monitor", "P-HW", 8, "289.00", "DELL-P2725H")),
                        Then.INVOICED_IN_FULL, null),
                new Spec(lea, "IT-APP", "Docking stations for the business applications team", "One dock per desk after the move to the "
                        + "second floor.", "EUS-02", "Dell", capex, 14,
                        List.of(goods("Dell WD22TB4 Thunderbolt dock", "P-HW", 10, "215.00", "DELL-WD22TB4")),
                        Then.INVOICE_ACCEPTED, "Dell raised the list price on the first of the month; the new price is within our framework "
                                + "agreement. Accepted."),
                new Spec(tom, "IT-INF", "Wi-Fi access points for the warehouse", "Coverage for the handheld scanners in the warehouse.", "NET-03",
                        "Cisco", capex, 20,
                        List.of(goods("Cisco Catalyst 9136I access point", "P-HW", 12, "640.00", "C9136I-E")),
                        Then.INVOICE_REJECTED, "Invoiced 10 % over the quoted 640.00 a unit; asked Cisco for a corrected invoice."),
                new Spec(oliver, "FIN", "ERP consulting: automating the month-end close", "Ten consulting days to automate the accruals and "
                        + "intercompany postings in SAP.", "ERP-02", "Kestrel", opex, 60,
                        List.of(service("SAP FI consultant, day", "P-LAB-EXT", 10, "1200.00")),
                        Then.SERVICE_PARTLY_INVOICED, null),
                new Spec(lea, "IT-APP", "Adobe Acrobat Pro licences, 15 users", "Signing and editing PDFs in purchasing and HR.", "LIC-02", "Adobe",
                        opex, 14,
                        List.of(service("Adobe Acrobat Pro, user licence, 12 months", "P-SW", 15, "239.88")),
                        Then.ORDER_CANCELLED, "Acrobat is part of the Microsoft 365 upgrade after all; no separate licences needed."));
    }

    static List<Spec> northwind() {
        String sam = "sam.okafor@northwind.example";
        String ben = "ben.carter@northwind.example";
        var capex = ExpenseType.CAPEX;
        var opex = ExpenseType.OPEX;
        return List.of(
                new Spec(sam, "CLIN", "Clinical tablets for the new ward", "Bedside charting on the ward that opens next month.", "EUS-01", "Dell",
                        capex, 21,
                        List.of(goods("Dell Latitude 7350 Detachable", "P-HW", 10, "1650.00", "DELL-LAT7350D")),
                        Then.INVOICED_IN_FULL, null),
                new Spec(ben, "CLIN", "Barcode scanners for medication rounds", "Nurses scan wristbands and medication at the bedside.", "EUS-01",
                        null, capex, 30,
                        List.of(goods("Wireless 2D barcode scanner with cradle", "P-HW", 8, "420.00", null)),
                        Then.WAITING_ON_IT_MANAGER, null),
                new Spec(sam, "IT", "Advanced threat protection for email, 220 mailboxes", "Phishing attempts doubled this quarter; MailVault's "
                        + "add-on sandboxes attachments. The quote is attached.", "SEC-02", "MailVault", opex, 30,
                        List.of(service("MailVault advanced threat protection, mailbox, 12 months", "P-SW", 220, "18.00")),
                        Then.WAITING_ON_CIO, null),
                new Spec(ben, "CLIN", "Docking stations for the clinic front desks", "Front desk staff share laptops between the two clinics.",
                        "EUS-01", null, capex, 21,
                        List.of(goods("USB-C docking station", "P-HW", 6, "235.00", null)),
                        Then.APPROVED, null));
    }
}

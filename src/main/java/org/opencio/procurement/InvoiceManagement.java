package org.opencio.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.ForeignAmount;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.SourceDocument;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.persistence.DocumentNumbers;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices against purchase orders. Each line is matched against its order line: services against what was ordered
 * (two-way), goods against what was received (three-way), and the price against the ordered price within the
 * organization's tolerance. A matched invoice becomes an actual in the budget and settles the commitment in proportion
 * to the quantities it bills; a mismatch waits until someone accepts or rejects it (or, when goods it bills arrive
 * later, until a receipt makes it match). The order closes once every line is invoiced in full.
 */
@Service
public class InvoiceManagement {

    static final String SOURCE_TYPE = "invoice";
    static final int MAX_LINES = 100;
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("10000000000000");
    static final Map<String, String> SORTS = Map.of("createdAt", "i.created_at", "invoiceDate", "i.invoice_date", "number", "i.number", "id", "i.id");

    private final Invoices invoices;
    private final PurchaseOrderManagement orders;
    private final PurchaseOrderStore store;
    private final BudgetLedger ledger;
    private final PurchaseBudget budget;
    private final VendorDirectory vendors;
    private final MemberManagement members;
    private final DocumentNumbers numbers;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    InvoiceManagement(
            Invoices invoices,
            PurchaseOrderManagement orders,
            PurchaseOrderStore store,
            BudgetLedger ledger,
            PurchaseBudget budget,
            VendorDirectory vendors,
            MemberManagement members,
            DocumentNumbers numbers,
            AuditTrail audit,
            Notifications notifications,
            MessageSource messages,
            JdbcClient jdbc) {
        this.invoices = invoices;
        this.orders = orders;
        this.store = store;
        this.ledger = ledger;
        this.budget = budget;
        this.vendors = vendors;
        this.members = members;
        this.numbers = numbers;
        this.audit = audit;
        this.notifications = notifications;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    // ---- recording and matching

    @Transactional
    public InvoiceView record(RecordInvoice command) {
        OrgAccess caller = Access.require(Permission.INVOICES_MANAGE);
        new Checks().required("orderId", command.orderId()).throwIfAny();
        PurchaseOrder order = orders.lock(Objects.requireNonNull(command.orderId()));
        LocalDate today = PurchaseOrderManagement.today();
        var checks = new Checks()
                .text("vendorInvoiceNumber", command.vendorInvoiceNumber(), 60, true)
                .required("invoiceDate", command.invoiceDate())
                .currency("currency", command.currency());
        if (command.invoiceDate() != null && command.invoiceDate().isAfter(today)) {
            checks.rule(false, "invoiceDate", "future", "an invoice is not dated in the future");
        }
        if (command.dueDate() != null && command.invoiceDate() != null && command.dueDate().isBefore(command.invoiceDate())) {
            checks.rule(false, "dueDate", "before-invoice", "the due date comes before the invoice date");
        }
        List<RecordInvoice.Line> input = command.lines() == null ? List.of() : command.lines();
        checks.rule(!input.isEmpty(), "lines", "required", "an invoice bills at least one line of the order");
        checks.rule(input.size() <= MAX_LINES, "lines", "too-many", "at most " + MAX_LINES + " lines");
        Map<UUID, PurchaseOrderView.Line> orderLines = store.linesById(order.getId());
        List<PurchaseOrderStore.StoredInvoiceLine> lines = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < input.size() && i < MAX_LINES; i++) {
            RecordInvoice.Line in = input.get(i);
            String field = "lines[" + i + "]";
            PurchaseOrderView.Line line = in.orderLineId() == null ? null : orderLines.get(in.orderLineId());
            if (line == null) {
                checks.rule(false, field + ".orderLineId", in.orderLineId() == null ? "required" : "unknown", "name a line of order " + order.number());
                continue;
            }
            if (!seen.add(line.id())) {
                checks.rule(false, field + ".orderLineId", "duplicate", "each order line once an invoice");
                continue;
            }
            if (command.currency() != null && !line.currency().equals(command.currency())) {
                checks.rule(false, field + ".orderLineId", "currency", "\"" + line.description() + "\" was ordered in " + line.currency()
                        + ", the invoice is in " + command.currency() + "; record one invoice per currency");
            }
            BigDecimal q = in.quantity();
            BigDecimal p = in.unitPrice();
            if (q == null || q.signum() <= 0 || q.scale() > 4 || q.precision() - q.scale() > 15) {
                checks.rule(false, field + ".quantity", "positive", "a quantity above zero, at most four decimals");
            }
            checks.required(field + ".unitPrice", p).money(field + ".unitPrice", p);
            if (p != null && p.compareTo(MAX_UNIT_PRICE) >= 0) {
                checks.rule(false, field + ".unitPrice", "absurd", "a unit price below " + MAX_UNIT_PRICE.toPlainString());
            }
            if (q != null && p != null && q.signum() > 0 && p.signum() >= 0) {
                lines.add(new PurchaseOrderStore.StoredInvoiceLine(null, line.id(), i + 1, q, p, q.multiply(p).setScale(4, RoundingMode.HALF_EVEN)));
            }
        }
        checks.throwIfAny();
        order.requireOpen();
        String vendorNumber = Objects.requireNonNull(command.vendorInvoiceNumber()).strip();
        if (invoices.existsByVendorIdAndVendorInvoiceNumber(order.vendorId(), vendorNumber)) {
            throw new ConflictException("vendorInvoiceNumber", "invoice " + vendorNumber + " of this vendor is recorded already");
        }
        String currency = Objects.requireNonNull(command.currency());
        LocalDate invoiceDate = Objects.requireNonNull(command.invoiceDate());
        BigDecimal rate = currency.equals(order.baseCurrency()) ? BigDecimal.ONE : budget.rateToBase(currency, invoiceDate);
        if (rate == null) {
            throw org.opencio.shared.InvalidInputException.of("currency", "no-rate", "there is no exchange rate from " + currency + " into "
                    + order.baseCurrency() + " on " + invoiceDate + "; a budget manager records one first");
        }
        BigDecimal total = lines.stream().map(PurchaseOrderStore.StoredInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalBase = total.multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
        boolean goods = lines.stream().anyMatch(l -> orderLines.get(l.orderLineId()).kind() == LineKind.GOODS);
        var invoice = new Invoice(numbers.nextInYear("INV", invoiceDate.getYear()), vendorNumber, order.getId(), order.vendorId(), invoiceDate,
                command.dueDate(), currency, total, rate, totalBase, goods ? MatchKind.THREE_WAY : MatchKind.TWO_WAY, caller.accountId());
        invoices.saveAndFlush(invoice);
        store.addInvoiceLines(invoice.getId(), lines);
        List<String> mismatches = mismatches(order, invoice, lines, orderLines);
        invoice.matched(mismatches.isEmpty() ? null : String.join("\n", mismatches));
        invoices.saveAndFlush(invoice);
        audit.record("invoice.recorded", "Invoice", invoice.getId(), null, snapshot(invoice));
        if (invoice.status() == InvoiceStatus.MATCHED) {
            settle(order, invoice, lines, orderLines);
        } else {
            tellDeciders(invoice, order);
        }
        return view(invoice);
    }

    /** Why the invoice does not match its order and receipts; empty when it matches. */
    private List<String> mismatches(
            PurchaseOrder order, Invoice invoice, List<PurchaseOrderStore.StoredInvoiceLine> lines, Map<UUID, PurchaseOrderView.Line> orderLines) {
        PurchaseOrderStore.Tolerance tolerance = store.tolerance();
        List<String> out = new ArrayList<>();
        BigDecimal overBase = BigDecimal.ZERO;
        BigDecimal orderedValue = BigDecimal.ZERO;
        for (PurchaseOrderStore.StoredInvoiceLine l : lines) {
            PurchaseOrderView.Line ordered = orderLines.get(l.orderLineId());
            BigDecimal after = ordered.invoicedQuantity().add(l.quantity());
            String name = "line " + ordered.position() + " (" + ordered.description() + ")";
            if (ordered.kind() == LineKind.GOODS && after.compareTo(ordered.receivedQuantity()) > 0) {
                out.add(name + ": bills " + plain(after) + " in all, " + plain(ordered.receivedQuantity()) + " received");
            } else if (after.compareTo(ordered.quantity()) > 0) {
                out.add(name + ": bills " + plain(after) + " in all, " + plain(ordered.quantity()) + " ordered");
            }
            BigDecimal over = l.unitPrice().subtract(ordered.unitPrice()).multiply(l.quantity());
            orderedValue = orderedValue.add(ordered.unitPrice().multiply(l.quantity()));
            if (over.signum() > 0) {
                BigDecimal allowed = ordered.unitPrice().multiply(l.quantity()).multiply(tolerance.pricePercent()).movePointLeft(2);
                if (over.compareTo(allowed) > 0) {
                    out.add(name + ": unit price " + money(l.unitPrice()) + " " + invoice.currency() + " against " + money(ordered.unitPrice()) + " ordered ("
                            + percent(l.unitPrice(), ordered.unitPrice()) + "), over the " + plain(tolerance.pricePercent()) + "% tolerance");
                }
                overBase = overBase.add(over.multiply(invoice.rateToBase()));
            }
        }
        if (tolerance.maxAmount() != null && overBase.compareTo(tolerance.maxAmount()) > 0) {
            out.add("the invoice is " + money(overBase) + " " + order.baseCurrency() + " over the ordered prices, above the "
                    + money(tolerance.maxAmount()) + " " + order.baseCurrency() + " tolerance");
        }
        return out;
    }

    /**
     * Counts a matched or accepted invoice against its order: the lines' invoiced quantities grow, the money becomes an
     * actual on the budget line and settles what the billed quantities were ordered for; the order closes once every
     * line is invoiced in full, giving back what it still committed.
     */
    private void settle(PurchaseOrder order, Invoice invoice, List<PurchaseOrderStore.StoredInvoiceLine> lines, Map<UUID, PurchaseOrderView.Line> orderLines) {
        BigDecimal settles = BigDecimal.ZERO;
        for (PurchaseOrderStore.StoredInvoiceLine l : lines) {
            PurchaseOrderView.Line ordered = orderLines.get(l.orderLineId());
            store.addInvoiced(ordered.id(), l.quantity());
            BigDecimal billable = l.quantity().min(ordered.quantity().subtract(ordered.invoicedQuantity()).max(BigDecimal.ZERO));
            settles = settles.add(ordered.baseAmount().multiply(billable).divide(ordered.quantity(), 4, RoundingMode.HALF_EVEN));
        }
        ForeignAmount original = invoice.currency().equals(order.baseCurrency()) ? null
                : new ForeignAmount(invoice.total(), invoice.currency(), invoice.rateToBase());
        if (invoice.totalBase().signum() > 0) {
            ledger.recordActual(order.budgetLineId(), invoice.totalBase(), invoice.invoiceDate(), source(invoice.getId()),
                    PurchaseOrderManagement.source(order.getId()), settles, order.number() + " invoice " + invoice.vendorInvoiceNumber(), original);
        }
        boolean complete = store.lines(order.getId()).stream().allMatch(l -> l.invoicedQuantity().compareTo(l.quantity()) >= 0);
        if (complete) {
            Map<String, Object> before = PurchaseOrderManagement.snapshot(order);
            orders.closeAndRelease(order, "invoiced in full");
            audit.record("purchase-order.closed", "PurchaseOrder", order.getId(), before,
                    AuditTrail.withReason(PurchaseOrderManagement.snapshot(order), "invoiced in full by " + invoice.number()));
        }
    }

    /** Goods arrived: an invoice that waited for them may match now. Runs in the receipt's transaction, the order locked. */
    @EventListener
    void onGoodsReceived(GoodsReceived event) {
        PurchaseOrder order = orders.find(event.orderId());
        for (Invoice invoice : invoices.findByOrderIdOrderByCreatedAt(order.getId())) {
            if (invoice.status() != InvoiceStatus.MISMATCH || !order.status().open()) {
                continue;
            }
            Map<UUID, PurchaseOrderView.Line> orderLines = store.linesById(order.getId());
            List<PurchaseOrderStore.StoredInvoiceLine> lines = store.invoiceLines(List.of(invoice.getId()));
            if (mismatches(order, invoice, lines, orderLines).isEmpty()) {
                Map<String, Object> before = snapshot(invoice);
                invoice.matched(null);
                invoices.saveAndFlush(invoice);
                audit.record("invoice.matched", "Invoice", invoice.getId(), before,
                        AuditTrail.withReason(snapshot(invoice), "goods received on " + event.receiptNumber()));
                settle(order, invoice, lines, orderLines);
            }
        }
    }

    /** Accepts a mismatched invoice with a reason: it counts as if it had matched. */
    @Transactional
    public InvoiceView accept(UUID id, @Nullable String comment, @Nullable Long expectedVersion) {
        return decide(id, true, comment, expectedVersion);
    }

    /** Rejects a mismatched invoice with a reason: it is not paid and not in the budget. */
    @Transactional
    public InvoiceView reject(UUID id, @Nullable String comment, @Nullable Long expectedVersion) {
        return decide(id, false, comment, expectedVersion);
    }

    private InvoiceView decide(UUID id, boolean accept, @Nullable String comment, @Nullable Long expectedVersion) {
        OrgAccess caller = Access.require(Permission.INVOICES_MANAGE);
        Invoice found = invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice"));
        // The order first, then the invoice: the same order as recording, so that two decisions cannot cross.
        PurchaseOrder order = orders.lock(found.orderId());
        Invoice invoice = invoices.findById(id).orElseThrow();
        if (expectedVersion != null && invoice.version() != expectedVersion) {
            throw new StaleVersionException(invoice.version());
        }
        new Checks().text("comment", comment, 2000, true).throwIfAny();
        if (accept) {
            order.requireOpen();
        }
        Map<String, Object> before = snapshot(invoice);
        invoice.decide(accept, caller.accountId(), Objects.requireNonNull(comment).strip(), Instant.now());
        invoices.saveAndFlush(invoice);
        audit.record(accept ? "invoice.accepted" : "invoice.rejected", "Invoice", id, before, AuditTrail.withReason(snapshot(invoice), comment));
        if (accept) {
            Map<UUID, PurchaseOrderView.Line> orderLines = store.linesById(order.getId());
            settle(order, invoice, store.invoiceLines(List.of(id)), orderLines);
        }
        return view(invoice);
    }

    // ---- tolerance

    @Transactional(readOnly = true)
    public InvoiceTolerance tolerance() {
        OrgAccess caller = TenantContext.requireAccess();
        if (!caller.can(Permission.PURCHASE_ORDERS_VIEW)) {
            Access.require(Permission.INVOICES_MANAGE);
        }
        PurchaseOrderStore.Tolerance t = store.tolerance();
        return new InvoiceTolerance(t.pricePercent(), t.maxAmount(), caller.baseCurrency(), t.version());
    }

    @Transactional
    public InvoiceTolerance updateTolerance(@Nullable BigDecimal pricePercent, @Nullable BigDecimal maxAmount, long expectedVersion) {
        Access.require(Permission.INVOICES_MANAGE);
        var checks = new Checks().required("pricePercent", pricePercent).money("maxAmount", maxAmount);
        if (pricePercent != null && (pricePercent.signum() < 0 || pricePercent.compareTo(new BigDecimal("100")) > 0 || pricePercent.scale() > 4)) {
            checks.rule(false, "pricePercent", "range", "pricePercent must be between 0 and 100, at most four decimals");
        }
        checks.throwIfAny();
        PurchaseOrderStore.Tolerance before = store.tolerance();
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(before.version());
        }
        if (!store.saveTolerance(Objects.requireNonNull(pricePercent), maxAmount, expectedVersion)) {
            throw new StaleVersionException(store.tolerance().version());
        }
        InvoiceTolerance after = tolerance();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("pricePercent", before.pricePercent());
        was.put("maxAmount", before.maxAmount());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("pricePercent", after.pricePercent());
        now.put("maxAmount", after.maxAmount());
        audit.record("invoice.tolerance-changed", "Organization", TenantContext.requireOrgId(), was, now);
        return after;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public InvoiceView get(UUID id) {
        Access.require(Permission.PURCHASE_ORDERS_VIEW);
        return view(invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice")));
    }

    @Transactional(readOnly = true)
    public CursorPage<InvoiceSummary> list(InvoiceFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        OrgAccess caller = Access.require(Permission.PURCHASE_ORDERS_VIEW);
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("createdAt", "invoiceDate", "number"), "-createdAt");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", caller.orgId());
        StringBuilder sql = new StringBuilder("select i.*, o.number as order_number from invoices i join purchase_orders o on o.org_id = i.org_id "
                + "and o.id = i.order_id where i.org_id = :org");
        if (filter.status() != null) {
            sql.append(" and i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.orderId() != null) {
            sql.append(" and i.order_id = :order");
            params.put("order", filter.orderId());
        }
        if (filter.vendorId() != null) {
            sql.append(" and i.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<InvoiceSummary> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, n) -> new InvoiceSummary(
                rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("vendor_invoice_number"), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getObject("vendor_id", UUID.class), null, rs.getObject("invoice_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getString("currency"), rs.getBigDecimal("total"), rs.getBigDecimal("total_base"),
                InvoiceStatus.valueOf(rs.getString("status")), MatchKind.valueOf(rs.getString("match_kind")),
                Objects.requireNonNull(PurchaseRequestStore.instant(rs, "created_at")))).list());
        Map<UUID, String> names = vendors.names(rows.stream().map(InvoiceSummary::vendorId).collect(Collectors.toSet()));
        rows.replaceAll(i -> new InvoiceSummary(i.id(), i.number(), i.vendorInvoiceNumber(), i.orderId(), i.orderNumber(), i.vendorId(),
                names.get(i.vendorId()), i.invoiceDate(), i.dueDate(), i.currency(), i.total(), i.totalBase(), i.status(), i.matchKind(), i.createdAt()));
        return keyset.page(rows, request, i -> {
            Map<String, Object> keys = new HashMap<>();
            keys.put("id", i.id());
            switch (request.sortParam().replace("-", "")) {
                case "invoiceDate" -> keys.put("invoiceDate", i.invoiceDate());
                case "number" -> keys.put("number", i.number());
                default -> keys.put("createdAt", i.createdAt());
            }
            return keys;
        });
    }

    private InvoiceView view(Invoice i) {
        PurchaseOrder order = orders.find(i.orderId());
        Map<UUID, PurchaseOrderView.Line> orderLines = store.linesById(order.getId());
        Set<UUID> people = new LinkedHashSet<>();
        people.add(i.recordedBy());
        if (i.decidedBy() != null) {
            people.add(i.decidedBy());
        }
        Map<UUID, String> names = members.displayNames(people);
        List<InvoiceView.Line> lines = store.invoiceLines(List.of(i.getId())).stream()
                .map(l -> {
                    PurchaseOrderView.Line o = orderLines.get(l.orderLineId());
                    return new InvoiceView.Line(l.orderLineId(), l.position(), o == null ? "?" : o.description(), l.quantity(), l.unitPrice(), l.amount(),
                            o == null ? BigDecimal.ZERO : o.unitPrice());
                })
                .toList();
        return new InvoiceView(i.getId(), i.number(), i.vendorInvoiceNumber(), order.getId(), order.number(), i.vendorId(),
                vendors.names(List.of(i.vendorId())).get(i.vendorId()), i.invoiceDate(), i.dueDate(), i.currency(), i.total(), i.rateToBase(),
                i.totalBase(), i.status(), i.matchKind(), i.mismatches() == null ? List.of() : List.of(i.mismatches().split("\n")), i.recordedBy(),
                names.get(i.recordedBy()), i.decidedBy(), i.decidedBy() == null ? null : names.get(i.decidedBy()), i.decidedAt(), i.decisionComment(),
                lines, i.createdAt(), i.version());
    }

    private void tellDeciders(Invoice invoice, PurchaseOrder order) {
        OrgAccess caller = TenantContext.requireAccess();
        Set<UUID> to = new LinkedHashSet<>(members.activeAccounts(Role.CIO));
        to.addAll(members.activeAccounts(Role.IT_MANAGER));
        to.remove(caller.accountId());
        if (to.isEmpty()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(caller.locale());
        notifications.notify(to, new Notice("invoice.mismatch",
                messages.getMessage("notice.invoice.mismatch", new Object[] {invoice.number(), order.number()}, "{0} on {1} waits for a decision", locale),
                invoice.mismatches(), "/o/" + caller.slug() + "/invoices/" + invoice.getId()));
    }

    static SourceDocument source(UUID invoiceId) {
        return new SourceDocument(SOURCE_TYPE, invoiceId.toString());
    }

    private static Map<String, Object> snapshot(Invoice i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", i.number());
        s.put("vendorInvoiceNumber", i.vendorInvoiceNumber());
        s.put("orderId", i.orderId().toString());
        s.put("status", i.status().name());
        s.put("matchKind", i.matchKind().name());
        s.put("currency", i.currency());
        s.put("total", i.total());
        s.put("totalBase", i.totalBase());
        s.put("mismatches", i.mismatches());
        return s;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal n) {
        return n.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String percent(BigDecimal price, BigDecimal ordered) {
        if (ordered.signum() == 0) {
            return "ordered at no cost";
        }
        BigDecimal p = price.subtract(ordered).multiply(BigDecimal.valueOf(100)).divide(ordered, 1, RoundingMode.HALF_EVEN);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }
}

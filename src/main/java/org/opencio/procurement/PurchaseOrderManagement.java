package org.opencio.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.SourceDocument;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.mail.Mailer;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.persistence.DocumentNumbers;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.opencio.vendor.ContactView;
import org.opencio.vendor.VendorContactManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders from placing to closing. An approved request becomes exactly one order (the request row is locked
 * and the order table holds one row a request), and the reservation its submission made turns into a commitment.
 * Goods are received by line; a receipt announces the goods that arrived ({@link GoodsReceived}). Cancelling an
 * order, or closing it before it was invoiced in full, gives back to the budget what it still committed.
 */
@Service
public class PurchaseOrderManagement {

    static final String SOURCE_TYPE = "purchase-order";
    static final Map<String, String> SORTS = Map.of("createdAt", "o.created_at", "number", "o.number", "orderDate", "o.order_date", "id", "o.id");

    private final PurchaseOrders orders;
    private final PurchaseOrderStore store;
    private final PurchaseRequests requests;
    private final PurchaseRequestStore requestStore;
    private final Invoices invoices;
    private final BudgetLedger ledger;
    private final VendorDirectory vendors;
    private final VendorContactManagement contacts;
    private final MemberManagement members;
    private final DocumentNumbers numbers;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final PurchaseOrderPdf pdf;
    private final Mailer mailer;
    private final JdbcClient jdbc;

    PurchaseOrderManagement(
            PurchaseOrders orders,
            PurchaseOrderStore store,
            PurchaseRequests requests,
            PurchaseRequestStore requestStore,
            Invoices invoices,
            BudgetLedger ledger,
            VendorDirectory vendors,
            VendorContactManagement contacts,
            MemberManagement members,
            DocumentNumbers numbers,
            AuditTrail audit,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PurchaseOrderPdf pdf,
            Mailer mailer,
            JdbcClient jdbc) {
        this.orders = orders;
        this.store = store;
        this.requests = requests;
        this.requestStore = requestStore;
        this.invoices = invoices;
        this.ledger = ledger;
        this.vendors = vendors;
        this.contacts = contacts;
        this.members = members;
        this.numbers = numbers;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
        this.pdf = pdf;
        this.mailer = mailer;
        this.jdbc = jdbc;
    }

    static SourceDocument source(UUID orderId) {
        return new SourceDocument(SOURCE_TYPE, orderId.toString());
    }

    // ---- placing

    /**
     * Called by the last approval of a request, with the request locked: when the request names its vendor (or all its
     * lines name the same one), the order is placed at once; otherwise the request waits, approved, for a buyer to
     * choose the vendor.
     */
    void placeOnApproval(PurchaseRequest request) {
        UUID vendor = vendorOf(request);
        if (vendor != null && vendors.exists(vendor)) {
            place(request, vendor, null, request.neededBy(), null);
        }
    }

    /** A buyer places the order of an approved request. */
    @Transactional
    public PurchaseOrderView place(UUID requestId, PlaceOrder command) {
        Access.require(Permission.PURCHASE_ORDERS_MANAGE);
        PurchaseRequest request = requests.lockById(requestId).orElseThrow(() -> new NotFoundException("Purchase request"));
        if (orders.findByRequestId(requestId).isPresent()) {
            throw new ConflictException("requestId", "request " + request.number() + " has its purchase order already");
        }
        if (request.status() != PurchaseRequestStatus.APPROVED) {
            throw new ConflictException("status", "only an approved request is ordered; request " + request.number() + " is " + request.status());
        }
        UUID vendor = command.vendorId() != null ? command.vendorId() : vendorOf(request);
        var checks = new Checks()
                .required("vendorId", vendor)
                .text("notes", command.notes(), 2000, false);
        if (vendor != null && !vendors.exists(vendor)) {
            checks.rule(false, "vendorId", "unknown", "no such vendor in this organization");
        }
        if (command.expectedOn() != null && command.expectedOn().isBefore(today())) {
            checks.rule(false, "expectedOn", "past", "the expected delivery date lies in the past");
        }
        checks.throwIfAny();
        UUID vendorId = Objects.requireNonNull(vendor);
        if (command.contactId() != null) {
            contactOf(vendorId, command.contactId());
        }
        PurchaseOrder order = place(request, vendorId, command.contactId(), command.expectedOn() != null ? command.expectedOn() : request.neededBy(),
                clean(command.notes()));
        requests.saveAndFlush(request);
        return view(order);
    }

    private PurchaseOrder place(PurchaseRequest request, UUID vendorId, @Nullable UUID contactId, @Nullable LocalDate expectedOn, @Nullable String notes) {
        OrgAccess caller = TenantContext.requireAccess();
        LocalDate today = today();
        BigDecimal total = Objects.requireNonNull(request.totalBase());
        UUID lineId = Objects.requireNonNull(request.budgetLineId());
        var order = new PurchaseOrder(numbers.nextInYear("PO", today.getYear()), request.getId(), vendorId, contactId, lineId, request.baseCurrency(),
                total, today, expectedOn, notes, caller.accountId());
        orders.saveAndFlush(order);
        for (PurchaseRequestView.LineView l : requestStore.lines(request.getId())) {
            store.addLine(order.getId(), new PurchaseOrderView.Line(Ids.newId(), l.position(), l.id(), l.description(), l.categoryId(), l.catalogItem(),
                    l.kind(), l.quantity(), l.unitPrice(), l.currency(), Objects.requireNonNull(l.rateToBase()), Objects.requireNonNull(l.baseAmount()),
                    BigDecimal.ZERO, BigDecimal.ZERO));
        }
        // The reservation of the request's last submission becomes the order's commitment: no new money is asked for.
        ledger.commit(lineId, total, source(order.getId()), PurchaseRequestManagement.source(request.getId(), request.round()),
                order.number() + " " + request.title());
        request.ordered();
        request.touched();
        audit.record("purchase-order.placed", "PurchaseOrder", order.getId(), null, snapshot(order));
        events.publishEvent(new PurchaseOrderPlaced(order.orgId(), order.getId(), order.number(), request.getId(), vendorId, lineId, total,
                order.baseCurrency()));
        tell(List.of(request.requesterId()), "purchase-order.placed", order, request.title(), null);
        return order;
    }

    /** An approved request that will not be ordered after all: its reservation goes back to the budget. */
    @Transactional
    public void cancelApproved(UUID requestId, @Nullable String reason) {
        Access.require(Permission.PURCHASE_ORDERS_MANAGE);
        PurchaseRequest request = requests.lockById(requestId).orElseThrow(() -> new NotFoundException("Purchase request"));
        new Checks().text("reason", reason, 1000, true).throwIfAny();
        if (request.status() != PurchaseRequestStatus.APPROVED) {
            throw new ConflictException("status", request.status() == PurchaseRequestStatus.ORDERED
                    ? "request " + request.number() + " is ordered; cancel its purchase order instead"
                    : "only an approved request is cancelled here; request " + request.number() + " is " + request.status());
        }
        Map<String, Object> before = Map.of("status", request.status().name());
        request.cancelled();
        request.touched();
        requests.saveAndFlush(request);
        if (request.budgetLineId() != null) {
            ledger.release(request.budgetLineId(), PurchaseRequestManagement.source(request.getId(), request.round()));
        }
        audit.record("purchase-request.cancelled", "PurchaseRequest", requestId, before,
                AuditTrail.withReason(Map.of("status", request.status().name()), reason));
    }

    // ---- reading

    @Transactional(readOnly = true)
    public PurchaseOrderView get(UUID id) {
        return view(visible(find(id)));
    }

    /** The order of a request, if it has one and the caller may see it. */
    @Transactional(readOnly = true)
    public java.util.Optional<PurchaseOrderView> ofRequest(UUID requestId) {
        OrgAccess caller = TenantContext.requireAccess();
        return orders.findByRequestId(requestId)
                .filter(o -> caller.can(Permission.PURCHASE_ORDERS_VIEW) || isRequester(o, caller.accountId()))
                .map(this::view);
    }

    @Transactional(readOnly = true)
    public CursorPage<PurchaseOrderSummary> list(PurchaseOrderFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        OrgAccess caller = TenantContext.requireAccess();
        boolean all = caller.can(Permission.PURCHASE_ORDERS_VIEW);
        if (!all && !caller.can(Permission.PURCHASE_REQUESTS_CREATE)) {
            throw new ForbiddenException("your role (" + caller.role() + ") does not see purchase orders");
        }
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("createdAt", "number", "orderDate"), "-createdAt");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", caller.orgId());
        StringBuilder sql = new StringBuilder("select o.*, r.number as request_number, r.title, "
                + "(select coalesce(sum(i.total_base), 0) from invoices i where i.org_id = :org and i.order_id = o.id and i.status in ('MATCHED', 'ACCEPTED')) "
                + "as invoiced_base from purchase_orders o join purchase_requests r on r.org_id = o.org_id and r.id = o.request_id where o.org_id = :org");
        if (!all) {
            sql.append(" and r.requester_id = :me");
            params.put("me", caller.accountId());
        }
        if (filter.status() != null) {
            sql.append(" and o.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.vendorId() != null) {
            sql.append(" and o.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        if (filter.requestId() != null) {
            sql.append(" and o.request_id = :request");
            params.put("request", filter.requestId());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<PurchaseOrderSummary> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, n) -> new PurchaseOrderSummary(
                rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("request_id", UUID.class), rs.getString("request_number"),
                rs.getString("title"), rs.getObject("vendor_id", UUID.class), null, PurchaseOrderStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("total_base"), rs.getBigDecimal("invoiced_base"), rs.getString("base_currency"),
                rs.getObject("order_date", LocalDate.class), rs.getObject("expected_on", LocalDate.class),
                Objects.requireNonNull(PurchaseRequestStore.instant(rs, "created_at")))).list());
        Map<UUID, String> names = vendors.names(rows.stream().map(PurchaseOrderSummary::vendorId).collect(Collectors.toSet()));
        rows.replaceAll(o -> new PurchaseOrderSummary(o.id(), o.number(), o.requestId(), o.requestNumber(), o.title(), o.vendorId(),
                names.get(o.vendorId()), o.status(), o.totalBase(), o.invoicedBase(), o.baseCurrency(), o.orderDate(), o.expectedOn(), o.createdAt()));
        return keyset.page(rows, request, o -> {
            Map<String, Object> keys = new HashMap<>();
            keys.put("id", o.id());
            switch (request.sortParam().replace("-", "")) {
                case "number" -> keys.put("number", o.number());
                case "orderDate" -> keys.put("orderDate", o.orderDate());
                default -> keys.put("createdAt", o.createdAt());
            }
            return keys;
        });
    }

    /** The order as a PDF to send to the vendor. */
    @Transactional(readOnly = true)
    public PurchaseOrderPdf.Document pdf(UUID id) {
        PurchaseOrderView order = view(visible(find(id)));
        return pdf.render(order, contactName(order), TenantContext.requireAccess().orgName());
    }

    // ---- sending, cancelling, closing

    /**
     * Emails the order's PDF to the vendor contact named (or the order's contact, or the address given), and records
     * when and to whom. Refused (409) when no mail server is configured: the PDF can still be downloaded.
     */
    @Transactional
    public PurchaseOrderView send(UUID id, @Nullable UUID contactId, @Nullable String to, @Nullable String message) {
        Access.require(Permission.PURCHASE_ORDERS_MANAGE);
        PurchaseOrder order = lock(id);
        order.requireOpen();
        var checks = new Checks().text("message", message, 4000, false);
        if (to != null && !to.isBlank()) {
            checks.email("to", to);
        }
        checks.throwIfAny();
        String address = to != null && !to.isBlank() ? to.strip() : null;
        UUID contact = contactId != null ? contactId : order.contactId();
        if (address == null) {
            if (contact == null) {
                throw InvalidInputException.of("contactId", "required", "name the vendor contact (or an address) to send the order to");
            }
            ContactView c = contactOf(order.vendorId(), contact);
            if (c.email() == null || c.email().isBlank()) {
                throw InvalidInputException.of("contactId", "no-email", c.name() + " has no email address");
            }
            address = c.email();
        }
        if (!mailer.enabled()) {
            throw new ConflictException("mail", "no mail server is configured; download the PDF and send it yourself");
        }
        Map<String, Object> before = snapshot(order);
        // The contact the order goes to becomes its contact; the PDF names them.
        order.sent(to != null && !to.isBlank() ? order.contactId() : contact, address, Instant.now());
        PurchaseOrderView view = view(order);
        OrgAccess caller = TenantContext.requireAccess();
        PurchaseOrderPdf.Document document = pdf.render(view, contactName(view), caller.orgName());
        String subject = messages.getMessage("mail.purchaseOrder.subject", new Object[] {view.number(), caller.orgName()},
                "Purchase order {0} from {1}", Locale.forLanguageTag(caller.locale()));
        String body = (message == null || message.isBlank() ? "" : message.strip() + "\n\n")
                + messages.getMessage("mail.purchaseOrder.body", new Object[] {view.number(), caller.orgName(), view.totalBase().setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString(), view.baseCurrency()}, "Please find attached purchase order {0} from {1}, for {2} {3}.",
                        Locale.forLanguageTag(caller.locale()));
        if (!mailer.send(address, subject, body, document.filename(), document.content(), "application/pdf")) {
            throw new ConflictException("mail", "the mail server did not take the message; try again later or download the PDF");
        }
        orders.saveAndFlush(order);
        audit.record("purchase-order.sent", "PurchaseOrder", id, before, snapshot(order));
        return view(order);
    }

    /** Cancels an order on which nothing was received or invoiced; its commitment goes back to the budget. */
    @Transactional
    public PurchaseOrderView cancel(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.PURCHASE_ORDERS_MANAGE);
        PurchaseOrder order = lock(id);
        requireVersion(order, expectedVersion);
        new Checks().text("reason", reason, 1000, true).throwIfAny();
        order.requireOpen();
        List<PurchaseOrderView.Line> lines = store.lines(id);
        if (lines.stream().anyMatch(l -> l.receivedQuantity().signum() > 0)) {
            throw new ConflictException("status", "goods were received on " + order.number() + "; close the order instead of cancelling it");
        }
        if (invoices.findByOrderIdOrderByCreatedAt(id).stream().anyMatch(i -> i.status() != InvoiceStatus.REJECTED)) {
            throw new ConflictException("status", "invoices were recorded on " + order.number() + "; close the order instead of cancelling it");
        }
        Map<String, Object> before = snapshot(order);
        order.cancel(Objects.requireNonNull(clean(reason)), Instant.now());
        orders.saveAndFlush(order);
        ledger.releaseCommitment(order.budgetLineId(), source(id));
        PurchaseRequest request = requests.lockById(order.requestId()).orElseThrow();
        request.cancelled();
        request.touched();
        requests.saveAndFlush(request);
        audit.record("purchase-order.cancelled", "PurchaseOrder", id, before, AuditTrail.withReason(snapshot(order), reason));
        events.publishEvent(new PurchaseOrderCancelled(order.orgId(), id, order.number(), order.requestId(), Objects.requireNonNull(clean(reason))));
        tell(List.of(request.requesterId()), "purchase-order.cancelled", order, request.title(), reason);
        return view(order);
    }

    /**
     * Closes an order by hand (the rest will never come): what it still commits goes back to the budget. Refused while
     * an invoice waits for a decision.
     */
    @Transactional
    public PurchaseOrderView close(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.PURCHASE_ORDERS_MANAGE);
        PurchaseOrder order = lock(id);
        requireVersion(order, expectedVersion);
        new Checks().text("reason", reason, 1000, true).throwIfAny();
        order.requireOpen();
        if (invoices.findByOrderIdOrderByCreatedAt(id).stream().anyMatch(i -> i.status() == InvoiceStatus.MISMATCH)) {
            throw new ConflictException("status", "an invoice on " + order.number() + " waits for a decision; decide it first");
        }
        Map<String, Object> before = snapshot(order);
        closeAndRelease(order, clean(reason));
        audit.record("purchase-order.closed", "PurchaseOrder", id, before, AuditTrail.withReason(snapshot(order), reason));
        return view(order);
    }

    /** Closes an order and gives back what it still commits (called as well when the last invoice settles it). */
    void closeAndRelease(PurchaseOrder order, @Nullable String reason) {
        order.close(reason, Instant.now());
        orders.saveAndFlush(order);
        ledger.releaseCommitment(order.budgetLineId(), source(order.getId()));
    }

    // ---- receiving

    /**
     * Records goods received on an order, by line (part or all of what is still to come); services are not received.
     * Anyone holding GOODS_RECEIVE records receipts, and so does the requester of the order.
     */
    @Transactional
    public PurchaseOrderView receive(UUID id, ReceiveGoods command) {
        OrgAccess caller = TenantContext.requireAccess();
        PurchaseOrder order = lock(id);
        visible(order);
        if (!caller.can(Permission.GOODS_RECEIVE) && !isRequester(order, caller.accountId())) {
            throw new ForbiddenException("only the requester or someone who receives goods records a receipt");
        }
        order.requireOpen();
        LocalDate today = today();
        var checks = new Checks().text("note", command.note(), 2000, false);
        LocalDate on = command.receivedOn() != null ? command.receivedOn() : today;
        if (on.isAfter(today)) {
            checks.rule(false, "receivedOn", "future", "goods cannot be received on a day still to come");
        }
        if (on.isBefore(order.orderDate())) {
            checks.rule(false, "receivedOn", "before-order", "goods cannot arrive before the order was placed (" + order.orderDate() + ")");
        }
        List<ReceiveGoods.Line> input = command.lines() == null ? List.of() : command.lines();
        checks.rule(!input.isEmpty(), "lines", "required", "name at least one line and how many arrived");
        Map<UUID, PurchaseOrderView.Line> lines = store.linesById(id);
        Map<UUID, BigDecimal> quantities = new LinkedHashMap<>();
        for (int i = 0; i < input.size(); i++) {
            ReceiveGoods.Line in = input.get(i);
            String field = "lines[" + i + "]";
            PurchaseOrderView.Line line = in.orderLineId() == null ? null : lines.get(in.orderLineId());
            if (line == null) {
                checks.rule(false, field + ".orderLineId", in.orderLineId() == null ? "required" : "unknown", "name a line of this order");
                continue;
            }
            if (line.kind() != LineKind.GOODS) {
                checks.rule(false, field + ".orderLineId", "service", "\"" + line.description() + "\" is a service: services are not received, their invoices match the order");
                continue;
            }
            if (quantities.containsKey(line.id())) {
                checks.rule(false, field + ".orderLineId", "duplicate", "each line once a receipt");
                continue;
            }
            BigDecimal q = in.quantity();
            if (q == null || q.signum() <= 0 || q.scale() > 4) {
                checks.rule(false, field + ".quantity", "positive", "a quantity above zero, at most four decimals");
                continue;
            }
            if (q.compareTo(line.openToReceive()) > 0) {
                checks.rule(false, field + ".quantity", "over", "only " + line.openToReceive().stripTrailingZeros().toPlainString() + " of \""
                        + line.description() + "\" are still to come");
                continue;
            }
            quantities.put(line.id(), q);
        }
        checks.throwIfAny();
        Map<String, Object> before = snapshot(order);
        Instant now = Instant.now();
        UUID receiptId = Ids.newId();
        String number = numbers.nextInYear("GR", today.getYear());
        store.addReceipt(receiptId, number, id, on, caller.accountId(), clean(command.note()), now, quantities);
        quantities.forEach(store::addReceived);
        List<PurchaseOrderView.Line> after = store.lines(id);
        boolean any = after.stream().anyMatch(l -> l.receivedQuantity().signum() > 0);
        boolean all = after.stream().allMatch(l -> l.openToReceive().signum() == 0);
        order.received(any, all);
        orders.saveAndFlush(order);
        Map<String, Object> snapshot = snapshot(order);
        snapshot.put("receipt", number);
        snapshot.put("received", quantities.entrySet().stream()
                .map(e -> e.getValue().stripTrailingZeros().toPlainString() + " x " + lines.get(e.getKey()).description()).toList());
        audit.record("purchase-order.received", "PurchaseOrder", id, before, snapshot);
        events.publishEvent(new GoodsReceived(order.orgId(), receiptId, number, id, order.number(), order.vendorId(), on, caller.accountId(),
                quantities.entrySet().stream().map(e -> item(lines.get(e.getKey()), e.getValue(), order.baseCurrency())).toList()));
        return view(order);
    }

    static GoodsReceived.Item item(PurchaseOrderView.Line line, BigDecimal quantity, String baseCurrency) {
        BigDecimal unitBase = line.baseAmount().divide(line.quantity(), 4, RoundingMode.HALF_EVEN);
        return new GoodsReceived.Item(line.id(), line.description(), line.categoryId(), line.catalogItem(), quantity, unitBase, baseCurrency);
    }

    // ---- helpers

    PurchaseOrder find(UUID id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("Purchase order"));
    }

    PurchaseOrder lock(UUID id) {
        return orders.lockById(id).orElseThrow(() -> new NotFoundException("Purchase order"));
    }

    /** An order is seen by the roles that read orders and by the requester of its request; to others it does not exist. */
    PurchaseOrder visible(PurchaseOrder order) {
        OrgAccess caller = TenantContext.requireAccess();
        if (caller.can(Permission.PURCHASE_ORDERS_VIEW) || isRequester(order, caller.accountId())) {
            return order;
        }
        throw new NotFoundException("Purchase order");
    }

    private boolean isRequester(PurchaseOrder order, UUID account) {
        return requests.findById(order.requestId()).map(r -> r.requesterId().equals(account)).orElse(false);
    }

    private ContactView contactOf(UUID vendorId, UUID contactId) {
        return contacts.list(vendorId).stream()
                .filter(c -> c.id().equals(contactId))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("contactId", "unknown", "no such contact at this vendor"));
    }

    private @Nullable String contactName(PurchaseOrderView order) {
        if (order.contactId() == null || !TenantContext.requireAccess().can(Permission.VENDORS_VIEW)) {
            return null;
        }
        return contacts.list(order.vendorId()).stream().filter(c -> c.id().equals(order.contactId())).map(ContactView::name).findFirst().orElse(null);
    }

    private static @Nullable UUID vendorOf(PurchaseRequest request) {
        return request.vendorId();
    }

    private static void requireVersion(PurchaseOrder order, @Nullable Long expected) {
        if (expected != null && order.version() != expected) {
            throw new StaleVersionException(order.version());
        }
    }

    private void tell(List<UUID> to, String kind, PurchaseOrder order, String title, @Nullable String comment) {
        OrgAccess caller = TenantContext.requireAccess();
        Locale locale = Locale.forLanguageTag(caller.locale());
        Object[] args = {order.number(), title};
        String key = "notice." + kind.replace("purchase-order.", "purchaseOrder.");
        notifications.notify(to, new Notice(kind, messages.getMessage(key, args, "{0}: {1}", locale), clean(comment),
                "/o/" + caller.slug() + "/purchase-orders/" + order.getId()));
    }

    PurchaseOrderView view(PurchaseOrder o) {
        PurchaseRequest request = requests.findById(o.requestId()).orElseThrow();
        List<PurchaseOrderView.Line> lines = store.lines(o.getId());
        Map<UUID, String> descriptions = new HashMap<>();
        lines.forEach(l -> descriptions.put(l.id(), l.description()));
        List<PurchaseOrderStore.StoredReceipt> receipts = store.receipts(o.getId());
        List<Invoice> invoiceRows = invoices.findByOrderIdOrderByCreatedAt(o.getId());
        Set<UUID> people = new HashSet<>();
        people.add(o.orderedBy());
        receipts.forEach(r -> people.add(r.receivedBy()));
        Map<UUID, String> names = members.displayNames(people);
        BigDecimal invoiced = invoiceRows.stream().filter(i -> i.status().counts()).map(Invoice::totalBase).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PurchaseOrderView(o.getId(), o.number(), o.requestId(), request.number(), request.title(), o.vendorId(),
                vendors.names(List.of(o.vendorId())).get(o.vendorId()), o.contactId(), o.budgetLineId(), o.status(), o.baseCurrency(), o.totalBase(),
                invoiced, o.orderDate(), o.expectedOn(), o.notes(), o.orderedBy(), names.get(o.orderedBy()), request.requesterId(), o.sentAt(), o.sentTo(),
                o.closedAt(), o.closeReason(), lines,
                receipts.stream().map(r -> new PurchaseOrderView.ReceiptView(r.id(), r.number(), r.receivedOn(), r.receivedBy(), names.get(r.receivedBy()),
                        r.note(), r.quantities().entrySet().stream()
                                .map(e -> new PurchaseOrderView.ReceiptLine(e.getKey(), descriptions.getOrDefault(e.getKey(), "?"), e.getValue()))
                                .toList(), r.createdAt())).toList(),
                invoiceRows.stream().map(i -> new PurchaseOrderView.InvoiceSummary(i.getId(), i.number(), i.vendorInvoiceNumber(), i.invoiceDate(),
                        i.currency(), i.total(), i.totalBase(), i.status())).toList(),
                o.createdAt(), o.version());
    }

    static Map<String, Object> snapshot(PurchaseOrder o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", o.number());
        s.put("status", o.status().name());
        s.put("requestId", o.requestId().toString());
        s.put("vendorId", o.vendorId().toString());
        s.put("totalBase", o.totalBase());
        s.put("expectedOn", o.expectedOn() == null ? null : o.expectedOn().toString());
        s.put("sentTo", o.sentTo());
        return s;
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of(TenantContext.requireAccess().timeZone()));
    }
}

package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.files.Downloads;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.PlaceOrder;
import org.opencio.procurement.PurchaseOrderFilter;
import org.opencio.procurement.PurchaseOrderManagement;
import org.opencio.procurement.PurchaseOrderPdf;
import org.opencio.procurement.PurchaseOrderStatus;
import org.opencio.procurement.PurchaseOrderSummary;
import org.opencio.procurement.PurchaseOrderView;
import org.opencio.procurement.PurchaseSpend;
import org.opencio.procurement.ReceiveGoods;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Purchase orders: placing one for an approved request, its PDF, sending, goods receipts, cancelling and closing. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/purchase-orders")
@Tag(name = "Procurement")
class PurchaseOrderApiController {

    /** Placing the order of an approved request. */
    record PlaceBody(@Nullable UUID requestId, @Nullable UUID vendorId, @Nullable UUID contactId, @Nullable LocalDate expectedOn, @Nullable String notes) {}

    /** Whom to email the order to: a contact of the vendor, or an address; and a message above the attachment. */
    record SendBody(@Nullable UUID contactId, @Nullable String to, @Nullable String message) {}

    record Reason(@Nullable String reason) {}

    private final PurchaseOrderManagement orders;
    private final PurchaseSpend spend;

    PurchaseOrderApiController(PurchaseOrderManagement orders, PurchaseSpend spend) {
        this.orders = orders;
        this.spend = spend;
    }

    @GetMapping("/spend")
    @Operation(summary = "What was ordered and invoiced from..to (default: the last twelve months) by vendor, cost category and department")
    PurchaseSpend.Report spend(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return spend.report(from, to);
    }

    @GetMapping
    @Operation(summary = "Purchase orders (the requester sees the orders of their own requests), filtered, newest first")
    CursorPage<PurchaseOrderSummary> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable PurchaseOrderStatus status,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable UUID requestId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return orders.list(new PurchaseOrderFilter(status, vendorId, requestId), limit, cursor, sort);
    }

    @PostMapping
    @Operation(summary = "Place the order of an approved request (one order a request, 409 for a second): the reservation becomes a commitment")
    ResponseEntity<PurchaseOrderView> place(@PathVariable String orgSlug, @RequestBody(required = false) @Nullable PlaceBody body) {
        if (body == null || body.requestId() == null) {
            throw InvalidInputException.of("requestId", "required", "requestId is required");
        }
        PurchaseOrderView o = orders.place(body.requestId(), new PlaceOrder(body.vendorId(), body.contactId(), body.expectedOn(), body.notes()));
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/purchase-orders/" + o.id())).eTag(ETags.of(o.version())).body(o);
    }

    @GetMapping("/{id}")
    ResponseEntity<PurchaseOrderView> get(@PathVariable String orgSlug, @PathVariable String id) {
        PurchaseOrderView o = orders.get(Ids.parse(id, "Purchase order"));
        return ETags.ok(o, o.version());
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "The order as a PDF document for the vendor")
    ResponseEntity<byte[]> pdf(@PathVariable String orgSlug, @PathVariable String id) {
        UUID orderId = Ids.parse(id, "Purchase order");
        PurchaseOrderPdf.Document doc = orders.pdf(orderId);
        return Downloads.attachment(doc.filename(), MediaType.APPLICATION_PDF_VALUE, doc.content(), orders.get(orderId).version());
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Email the order's PDF to a vendor contact (or an address); 409 when no mail server is configured")
    ResponseEntity<PurchaseOrderView> send(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable SendBody body) {
        PurchaseOrderView o = orders.send(Ids.parse(id, "Purchase order"), body == null ? null : body.contactId(), body == null ? null : body.to(),
                body == null ? null : body.message());
        return ETags.ok(o, o.version());
    }

    @PostMapping("/{id}/receipts")
    @Operation(summary = "Record goods received, by line (partial or complete); services are not received")
    ResponseEntity<PurchaseOrderView> receive(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable ReceiveGoods body) {
        PurchaseOrderView o = orders.receive(Ids.parse(id, "Purchase order"), body == null ? new ReceiveGoods(null, null, null) : body);
        return ResponseEntity.status(201).eTag(ETags.of(o.version())).body(o);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order on which nothing was received or invoiced (reason required); its commitment goes back to the budget")
    ResponseEntity<PurchaseOrderView> cancel(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        PurchaseOrderView o = orders.cancel(Ids.parse(id, "Purchase order"), body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(o, o.version());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an order by hand (reason required): what it still commits goes back to the budget")
    ResponseEntity<PurchaseOrderView> close(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        PurchaseOrderView o = orders.close(Ids.parse(id, "Purchase order"), body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(o, o.version());
    }

    static @Nullable Long version(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }
}

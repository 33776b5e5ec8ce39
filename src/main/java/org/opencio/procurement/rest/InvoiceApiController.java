package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.InvoiceFilter;
import org.opencio.procurement.InvoiceManagement;
import org.opencio.procurement.InvoiceStatus;
import org.opencio.procurement.InvoiceSummary;
import org.opencio.procurement.InvoiceTolerance;
import org.opencio.procurement.InvoiceView;
import org.opencio.procurement.RecordInvoice;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vendor invoices against purchase orders, matched two- or three-way, and the organization's match tolerance. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Procurement")
class InvoiceApiController {

    record Comment(@Nullable String comment) {}

    record ToleranceBody(@Nullable BigDecimal pricePercent, @Nullable BigDecimal maxAmount) {}

    private final InvoiceManagement invoices;

    InvoiceApiController(InvoiceManagement invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/invoices")
    CursorPage<InvoiceSummary> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return invoices.list(new InvoiceFilter(status, orderId, vendorId), limit, cursor, sort);
    }

    @PostMapping("/invoices")
    @Operation(summary = "Record an invoice against an order: matched at once (an actual in the budget) or left waiting as a mismatch")
    ResponseEntity<InvoiceView> record(@PathVariable String orgSlug, @RequestBody(required = false) @Nullable RecordInvoice body) {
        InvoiceView i = invoices.record(body == null ? new RecordInvoice(null, null, null, null, null, null) : body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/invoices/" + i.id())).eTag(ETags.of(i.version())).body(i);
    }

    @GetMapping("/invoices/{id}")
    ResponseEntity<InvoiceView> get(@PathVariable String orgSlug, @PathVariable String id) {
        InvoiceView i = invoices.get(Ids.parse(id, "Invoice"));
        return ETags.ok(i, i.version());
    }

    @PostMapping("/invoices/{id}/accept")
    @Operation(summary = "Accept a mismatched invoice (comment required): it becomes an actual in the budget")
    ResponseEntity<InvoiceView> accept(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Comment body) {
        InvoiceView i = invoices.accept(Ids.parse(id, "Invoice"), body == null ? null : body.comment(), PurchaseOrderApiController.version(ifMatch));
        return ETags.ok(i, i.version());
    }

    @PostMapping("/invoices/{id}/reject")
    @Operation(summary = "Reject a mismatched invoice (comment required): not paid, not in the budget")
    ResponseEntity<InvoiceView> reject(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Comment body) {
        InvoiceView i = invoices.reject(Ids.parse(id, "Invoice"), body == null ? null : body.comment(), PurchaseOrderApiController.version(ifMatch));
        return ETags.ok(i, i.version());
    }

    @GetMapping("/invoice-tolerance")
    @Operation(summary = "How far invoice prices may exceed the order's before the invoice waits for a decision")
    ResponseEntity<InvoiceTolerance> tolerance(@PathVariable String orgSlug) {
        InvoiceTolerance t = invoices.tolerance();
        return ETags.ok(t, t.version());
    }

    @PutMapping("/invoice-tolerance")
    @Operation(summary = "Set the match tolerance (If-Match required)")
    ResponseEntity<InvoiceTolerance> updateTolerance(
            @PathVariable String orgSlug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable ToleranceBody body) {
        long version = ETags.requireIfMatch(ifMatch);
        InvoiceTolerance t = invoices.updateTolerance(body == null ? null : body.pricePercent(), body == null ? null : body.maxAmount(), version);
        return ETags.ok(t, t.version());
    }
}

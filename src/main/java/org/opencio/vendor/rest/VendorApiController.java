package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.platform.web.ProblemWriter;
import org.opencio.shared.Ids;
import org.opencio.vendor.DuplicateCandidate;
import org.opencio.vendor.PossibleDuplicatesException;
import org.opencio.vendor.RiskTier;
import org.opencio.vendor.SaveVendor;
import org.opencio.vendor.StrategicTier;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorFilter;
import org.opencio.vendor.VendorManagement;
import org.opencio.vendor.VendorStatus;
import org.opencio.vendor.VendorView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/vendors")
@Tag(name = "Vendors")
class VendorApiController {

    /** A new vendor; {@code allowDuplicate} adds it although the register has a vendor of the same name or domain. */
    record NewVendor(
            @Nullable String legalName,
            @Nullable String tradingName,
            @Nullable VendorCategory category,
            @Nullable String website,
            @Nullable VendorStatus status,
            @Nullable StrategicTier strategicTier,
            @Nullable RiskTier riskTier,
            @Nullable List<String> tags,
            @Nullable String notes,
            @Nullable UUID ownerId,
            @Nullable Boolean allowDuplicate) {

        SaveVendor command() {
            return new SaveVendor(legalName, tradingName, category, website, status, strategicTier, riskTier, tags, notes, ownerId);
        }
    }

    /** The fields a PATCH may name. */
    record VendorChanges(
            @Nullable String legalName,
            @Nullable String tradingName,
            @Nullable VendorCategory category,
            @Nullable String website,
            @Nullable VendorStatus status,
            @Nullable StrategicTier strategicTier,
            @Nullable RiskTier riskTier,
            @Nullable List<String> tags,
            @Nullable String notes,
            @Nullable UUID ownerId) {}

    private final VendorManagement vendors;
    private final JsonMapper json;

    VendorApiController(VendorManagement vendors, JsonMapper json) {
        this.vendors = vendors;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The vendor register, filtered, sorted (name, category, status, strategicTier, riskTier, createdAt, updatedAt) and paged")
    CursorPage<VendorView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable VendorStatus status,
            @RequestParam(required = false) @Nullable StrategicTier strategicTier,
            @RequestParam(required = false) @Nullable RiskTier riskTier,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable Boolean archived,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return vendors.list(new VendorFilter(q, category, status, strategicTier, riskTier, tag, ownerId, archived), limit, cursor, sort);
    }

    @PostMapping
    @Operation(summary = "Add a vendor; 409 with the possible duplicates unless allowDuplicate is true")
    ResponseEntity<VendorView> create(@PathVariable String orgSlug, @RequestBody NewVendor body) {
        VendorView v = vendors.create(body.command(), Boolean.TRUE.equals(body.allowDuplicate()));
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/vendors/" + v.id()))
                .eTag(ETags.of(v.version()))
                .body(v);
    }

    @GetMapping("/duplicates")
    @Operation(summary = "Vendors that a new one with this name, trading name or website could duplicate")
    List<DuplicateCandidate> duplicates(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String legalName,
            @RequestParam(required = false) @Nullable String tradingName,
            @RequestParam(required = false) @Nullable String website) {
        return vendors.duplicates(legalName, tradingName, website);
    }

    @GetMapping("/{id}")
    ResponseEntity<VendorView> get(@PathVariable String orgSlug, @PathVariable String id) {
        VendorView v = vendors.get(Ids.parse(id, "Vendor"));
        return ETags.ok(v, v.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a vendor (merge patch: named fields change, null clears, others stay); needs If-Match")
    ResponseEntity<VendorView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable JsonNode body,
            HttpServletRequest request) {
        VendorView current = vendors.get(Ids.parse(id, "Vendor"));
        long version = ETags.requireIfMatch(ifMatch);
        PatchBody<VendorChanges> patch = PatchBody.read(body, VendorChanges.class, json, request);
        VendorChanges c = patch.value();
        var command = new SaveVendor(
                patch.or("legalName", c.legalName(), current.legalName()),
                patch.or("tradingName", c.tradingName(), current.tradingName()),
                patch.or("category", c.category(), current.category()),
                patch.or("website", c.website(), current.website()),
                patch.or("status", c.status(), current.status()),
                patch.or("strategicTier", c.strategicTier(), current.strategicTier()),
                patch.or("riskTier", c.riskTier(), current.riskTier()),
                patch.or("tags", c.tags(), current.tags()),
                patch.or("notes", c.notes(), current.notes()),
                patch.or("ownerId", c.ownerId(), current.ownerId()));
        VendorView v = vendors.update(current.id(), command, version);
        return ETags.ok(v, v.version());
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a vendor (with a reason); checks If-Match when sent")
    ResponseEntity<VendorView> archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        UUID vendorId = Ids.parse(id, "Vendor");
        VendorView v = vendors.archive(vendorId, Reason.of(body), IfMatch.optional(ifMatch));
        return ETags.ok(v, v.version());
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Bring an archived vendor back into the register; checks If-Match when sent")
    ResponseEntity<VendorView> restore(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        UUID vendorId = Ids.parse(id, "Vendor");
        VendorView v = vendors.restore(vendorId, Reason.of(body), IfMatch.optional(ifMatch));
        return ETags.ok(v, v.version());
    }

    @ExceptionHandler(PossibleDuplicatesException.class)
    ResponseEntity<ProblemDetail> possibleDuplicates(PossibleDuplicatesException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.CONFLICT, "possible-duplicates", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "code", "duplicate", "detail", e.getMessage())));
        problem.setProperty("duplicates", e.candidates());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.opencio.vendor.ReviewComparison;
import org.opencio.vendor.ReviewFilter;
import org.opencio.vendor.ReviewTrend;
import org.opencio.vendor.SaveVendorReview;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorReviewManagement;
import org.opencio.vendor.VendorReviewView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/orgs/{orgSlug}/vendor-reviews")
@Tag(name = "Vendors")
class VendorReviewApiController {

    /** The fields a PATCH may name; the vendor of a review does not change. */
    record ReviewChanges(
            @Nullable String period,
            @Nullable Integer quality,
            @Nullable Integer delivery,
            @Nullable Integer support,
            @Nullable Integer cost,
            @Nullable Integer relationship,
            @Nullable Integer innovation,
            @Nullable String comments) {}

    private final VendorReviewManagement reviews;
    private final JsonMapper json;

    VendorReviewApiController(VendorReviewManagement reviews, JsonMapper json) {
        this.reviews = reviews;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Vendor scorecards, newest period first; filter by vendor, category, period (within: 2026 keeps 2026-Q3) or reviewer")
    CursorPage<VendorReviewView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable UUID reviewerId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return reviews.list(new ReviewFilter(vendorId, category, period, reviewerId), limit, cursor, sort);
    }

    @PostMapping
    @Operation(summary = "Record a scorecard: six scores from 1 to 5 for a period; the reviewer is the caller")
    ResponseEntity<VendorReviewView> create(@PathVariable String orgSlug, @RequestBody SaveVendorReview body) {
        VendorReviewView r = reviews.create(body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/vendor-reviews/" + r.id()))
                .eTag(ETags.of(r.version()))
                .body(r);
    }

    @GetMapping("/comparison")
    @Operation(summary = "The current vendors of a category side by side with their latest scores (or those within a period) and the mean")
    ReviewComparison comparison(
            @PathVariable String orgSlug,
            @RequestParam VendorCategory category,
            @RequestParam(required = false) @Nullable String period) {
        return reviews.compare(category, period);
    }

    @GetMapping("/trend")
    @Operation(summary = "A vendor's mean scores period by period, oldest first")
    ReviewTrend trend(@PathVariable String orgSlug, @RequestParam UUID vendorId) {
        return reviews.trend(vendorId);
    }

    @GetMapping("/{id}")
    ResponseEntity<VendorReviewView> get(@PathVariable String orgSlug, @PathVariable String id) {
        VendorReviewView r = reviews.get(Ids.parse(id, "Review"));
        return ETags.ok(r, r.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change your review (merge patch); needs If-Match")
    ResponseEntity<VendorReviewView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable JsonNode body,
            HttpServletRequest request) {
        VendorReviewView current = reviews.get(Ids.parse(id, "Review"));
        long version = ETags.requireIfMatch(ifMatch);
        PatchBody<ReviewChanges> patch = PatchBody.read(body, ReviewChanges.class, json, request);
        ReviewChanges c = patch.value();
        var command = new SaveVendorReview(
                current.vendorId(),
                patch.or("period", c.period(), current.period()),
                patch.or("quality", c.quality(), current.quality()),
                patch.or("delivery", c.delivery(), current.delivery()),
                patch.or("support", c.support(), current.support()),
                patch.or("cost", c.cost(), current.cost()),
                patch.or("relationship", c.relationship(), current.relationship()),
                patch.or("innovation", c.innovation(), current.innovation()),
                patch.or("comments", c.comments(), current.comments()));
        VendorReviewView updated = reviews.update(current.id(), command, version);
        return ETags.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw a review (its reviewer or a CIO); checks If-Match when sent")
    ResponseEntity<Void> delete(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        reviews.withdraw(Ids.parse(id, "Review"), IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }
}

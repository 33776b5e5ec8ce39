package org.opencio.asset.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.asset.AssetFilter;
import org.opencio.asset.AssetHistoryEntry;
import org.opencio.asset.AssetManagement;
import org.opencio.asset.AssetStatus;
import org.opencio.asset.AssetType;
import org.opencio.asset.AssetView;
import org.opencio.asset.SaveAsset;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/assets")
@Tag(name = "Assets")
class AssetApiController {

    private final AssetManagement assets;
    private final JsonMapper json;

    AssetApiController(AssetManagement assets, JsonMapper json) {
        this.assets = assets;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The asset register, filtered, searched (q: tag, name, serial, model), sorted (tag, name, status, createdAt, updatedAt) and paged")
    CursorPage<AssetView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable AssetType type,
            @RequestParam(required = false) @Nullable AssetStatus status,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID assigneeId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return assets.list(new AssetFilter(type, status, departmentId, assigneeId, q), limit, cursor, sort);
    }

    @PostMapping
    ResponseEntity<AssetView> create(@PathVariable String orgSlug, @RequestBody SaveAsset body) {
        AssetView a = assets.create(body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/assets/" + a.id())).eTag(ETags.of(a.version())).body(a);
    }

    @GetMapping("/{id}")
    ResponseEntity<AssetView> get(@PathVariable String orgSlug, @PathVariable String id) {
        AssetView a = assets.get(Ids.parse(id, "Asset"));
        return ETags.ok(a, a.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an asset's facts (merge patch: named fields change, null clears, others stay); needs If-Match")
    ResponseEntity<AssetView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable JsonNode body) {
        AssetView current = assets.get(Ids.parse(id, "Asset"));
        long version = ETags.requireIfMatch(ifMatch);
        SaveAsset merged = merge(current, body);
        AssetView updated = assets.update(current.id(), merged, version);
        return ETags.ok(updated, updated.version());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move an asset to another status of its lifecycle, with a reason; checks If-Match when sent")
    ResponseEntity<AssetView> status(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable StatusChange body) {
        UUID asset = Ids.parse(id, "Asset");
        AssetView a = assets.changeStatus(asset, body == null ? null : body.status(), body == null ? null : body.reason(), optional(ifMatch));
        return ETags.ok(a, a.version());
    }

    @PostMapping("/{id}/check-out")
    @Operation(summary = "Hand an asset in stock to a member (and their or the given department); checks If-Match when sent")
    ResponseEntity<AssetView> checkOut(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable CheckOut body) {
        AssetView a = assets.checkOut(Ids.parse(id, "Asset"), body == null ? null : body.assigneeId(), body == null ? null : body.departmentId(),
                optional(ifMatch));
        return ETags.ok(a, a.version());
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "Take a checked-out asset back into stock; checks If-Match when sent")
    ResponseEntity<AssetView> checkIn(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        AssetView a = assets.checkIn(Ids.parse(id, "Asset"), body == null ? null : body.reason(), optional(ifMatch));
        return ETags.ok(a, a.version());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "What happened to an asset, oldest first: created or received, status changes, check-outs and check-ins")
    List<AssetHistoryEntry> history(@PathVariable String orgSlug, @PathVariable String id) {
        return assets.history(Ids.parse(id, "Asset"));
    }

    record StatusChange(@Nullable AssetStatus status, @Nullable String reason) {}

    record CheckOut(@Nullable UUID assigneeId, @Nullable UUID departmentId) {}

    record Reason(@Nullable String reason) {}

    private SaveAsset merge(AssetView current, @Nullable JsonNode body) {
        var base = new SaveAsset(current.name(), current.type(), current.modelId(), current.serial(), null, current.location(), current.purchasedOn(),
                current.cost(), current.currency(), current.orderReference(), current.vendorId(), current.warrantyEnd(), current.endOfLife(),
                current.notes());
        if (body == null || body.isNull()) {
            return base;
        }
        if (!(body instanceof ObjectNode changes)) {
            throw InvalidInputException.of("body", "object", "The body must be a JSON object");
        }
        if (changes.has("status")) {
            throw InvalidInputException.of("status", "read-only", "status changes through POST …/status, check-out and check-in");
        }
        ObjectNode merged = json.valueToTree(base);
        merged.setAll(changes);
        try {
            return json.treeToValue(merged, SaveAsset.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "unreadable", "The body does not match the asset's fields and their types");
        }
    }

    private static @Nullable Long optional(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }
}

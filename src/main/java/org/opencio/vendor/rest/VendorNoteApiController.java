package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.opencio.vendor.NoteKind;
import org.opencio.vendor.SaveVendorNote;
import org.opencio.vendor.VendorNoteManagement;
import org.opencio.vendor.VendorNoteView;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/vendors/{vendorId}/notes")
@Tag(name = "Vendors")
class VendorNoteApiController {

    private final VendorNoteManagement notes;
    private final JsonMapper json;

    VendorNoteApiController(VendorNoteManagement notes, JsonMapper json) {
        this.notes = notes;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Vendor intelligence: dated notes from briefings, roadmap sessions and meetings, newest first")
    List<VendorNoteView> list(@PathVariable String orgSlug, @PathVariable String vendorId) {
        return notes.list(Ids.parse(vendorId, "Vendor"));
    }

    @PostMapping
    ResponseEntity<VendorNoteView> create(@PathVariable String orgSlug, @PathVariable String vendorId, @RequestBody SaveVendorNote body) {
        UUID vendor = Ids.parse(vendorId, "Vendor");
        VendorNoteView n = notes.create(vendor, body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/vendors/" + vendor + "/notes/" + n.id()))
                .eTag(ETags.of(n.version()))
                .body(n);
    }

    @GetMapping("/{id}")
    ResponseEntity<VendorNoteView> get(@PathVariable String orgSlug, @PathVariable String vendorId, @PathVariable String id) {
        VendorNoteView n = notes.get(Ids.parse(vendorId, "Vendor"), Ids.parse(id, "Note"));
        return ETags.ok(n, n.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a note (merge patch); needs If-Match")
    ResponseEntity<VendorNoteView> update(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable JsonNode body,
            HttpServletRequest request) {
        UUID vendor = Ids.parse(vendorId, "Vendor");
        VendorNoteView current = notes.get(vendor, Ids.parse(id, "Note"));
        long version = ETags.requireIfMatch(ifMatch);
        PatchBody<SaveVendorNote> patch = PatchBody.read(body, SaveVendorNote.class, json, request);
        SaveVendorNote n = patch.value();
        var command = new SaveVendorNote(
                patch.<LocalDate>or("notedOn", n.notedOn(), current.notedOn()),
                patch.<NoteKind>or("kind", n.kind(), current.kind()),
                patch.or("title", n.title(), current.title()),
                patch.or("body", n.body(), current.body()),
                patch.or("relevance", n.relevance(), current.relevance()),
                patch.or("tags", n.tags(), current.tags()));
        VendorNoteView updated = notes.update(vendor, current.id(), command, version);
        return ETags.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a note; checks If-Match when sent")
    ResponseEntity<Void> delete(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        notes.remove(Ids.parse(vendorId, "Vendor"), Ids.parse(id, "Note"), IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }
}

package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.opencio.vendor.ContactKind;
import org.opencio.vendor.ContactView;
import org.opencio.vendor.SaveContact;
import org.opencio.vendor.VendorContactManagement;
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
@RequestMapping("/api/v1/orgs/{orgSlug}/vendors/{vendorId}/contacts")
@Tag(name = "Vendors")
class VendorContactApiController {

    private final VendorContactManagement contacts;
    private final JsonMapper json;

    VendorContactApiController(VendorContactManagement contacts, JsonMapper json) {
        this.contacts = contacts;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The vendor's contacts: account manager, support, billing …")
    List<ContactView> list(@PathVariable String orgSlug, @PathVariable String vendorId) {
        return contacts.list(Ids.parse(vendorId, "Vendor"));
    }

    @PostMapping
    ResponseEntity<ContactView> create(@PathVariable String orgSlug, @PathVariable String vendorId, @RequestBody SaveContact body) {
        UUID vendor = Ids.parse(vendorId, "Vendor");
        ContactView c = contacts.create(vendor, body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/vendors/" + vendor + "/contacts/" + c.id()))
                .eTag(ETags.of(c.version()))
                .body(c);
    }

    @GetMapping("/{id}")
    ResponseEntity<ContactView> get(@PathVariable String orgSlug, @PathVariable String vendorId, @PathVariable String id) {
        ContactView c = contacts.get(Ids.parse(vendorId, "Vendor"), Ids.parse(id, "Contact"));
        return ETags.ok(c, c.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a contact (merge patch); needs If-Match")
    ResponseEntity<ContactView> update(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable JsonNode body,
            HttpServletRequest request) {
        UUID vendor = Ids.parse(vendorId, "Vendor");
        ContactView current = contacts.get(vendor, Ids.parse(id, "Contact"));
        long version = ETags.requireIfMatch(ifMatch);
        PatchBody<SaveContact> patch = PatchBody.read(body, SaveContact.class, json, request);
        SaveContact c = patch.value();
        var command = new SaveContact(
                patch.or("name", c.name(), current.name()),
                patch.<ContactKind>or("kind", c.kind(), current.kind()),
                patch.or("jobTitle", c.jobTitle(), current.jobTitle()),
                patch.or("email", c.email(), current.email()),
                patch.or("phone", c.phone(), current.phone()));
        ContactView updated = contacts.update(vendor, current.id(), command, version);
        return ETags.ok(updated, updated.version());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a contact; checks If-Match when sent")
    ResponseEntity<Void> delete(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        contacts.remove(Ids.parse(vendorId, "Vendor"), Ids.parse(id, "Contact"), IfMatch.optional(ifMatch));
        return ResponseEntity.noContent().build();
    }
}

package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.files.Downloads;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.PurchaseRequestAttachmentManagement;
import org.opencio.procurement.PurchaseRequestAttachmentView;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files attached to a purchase request: upload, list, download and remove. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/purchase-requests/{id}/attachments")
@Tag(name = "Procurement")
class PurchaseRequestAttachmentApiController {

    private final PurchaseRequestAttachmentManagement attachments;

    PurchaseRequestAttachmentApiController(PurchaseRequestAttachmentManagement attachments) {
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "The request's attachments, oldest first")
    List<PurchaseRequestAttachmentView> list(@PathVariable String orgSlug, @PathVariable String id) {
        return attachments.list(Ids.parse(id, "Purchase request"));
    }

    @PostMapping
    @Operation(summary = "Attach a file (multipart: file): PDF, PNG, JPEG or WebP by its bytes, at most 20 MB (opencio.procurement."
            + "attachment-max-size) and 20 per request; 415 when the bytes are none of those or not what the name or type says, "
            + "413 when too large, 400 when empty, 409 when the request is decided or has 20 already")
    ResponseEntity<PurchaseRequestAttachmentView> upload(
            @PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        UUID requestId = Ids.parse(id, "Purchase request");
        // Without a file part the upload is empty: refused as such, after the request and the caller's rights are checked.
        PurchaseRequestAttachmentView a = file == null
                ? attachments.add(requestId, null, null, 0, InputStream.nullInputStream())
                : attachments.add(requestId, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/purchase-requests/" + requestId + "/attachments/" + a.id()))
                .eTag(ETags.of(a.version()))
                .body(a);
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "The file itself, as a download (never shown in place)")
    ResponseEntity<byte[]> download(@PathVariable String orgSlug, @PathVariable String id, @PathVariable String attachmentId) {
        PurchaseRequestAttachmentView.Content c = attachments.download(Ids.parse(id, "Purchase request"), Ids.parse(attachmentId, "Attachment"));
        return Downloads.attachment(c.attachment().fileName(), c.attachment().contentType(), c.bytes(), c.attachment().version());
    }

    @DeleteMapping("/{attachmentId}")
    @Operation(summary = "Remove the attachment from the request (kept on record, no longer listed); If-Match honoured")
    ResponseEntity<Void> remove(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String attachmentId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
        attachments.remove(Ids.parse(id, "Purchase request"), Ids.parse(attachmentId, "Attachment"), expected);
        return ResponseEntity.noContent().build();
    }
}

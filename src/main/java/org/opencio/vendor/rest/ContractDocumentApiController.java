package org.opencio.vendor.rest;

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
import org.opencio.shared.Ids;
import org.opencio.vendor.ContractDocumentManagement;
import org.opencio.vendor.ContractDocumentView;
import org.opencio.vendor.DocumentRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/contracts/{id}/documents")
@Tag(name = "Contracts")
class ContractDocumentApiController {

    private final ContractDocumentManagement documents;

    ContractDocumentApiController(ContractDocumentManagement documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "The contract's documents, newest first (archived ones with archived=true)")
    List<ContractDocumentView> list(@PathVariable String orgSlug, @PathVariable String id, @RequestParam(defaultValue = "false") boolean archived) {
        return documents.list(Ids.parse(id, "Contract"), archived);
    }

    @PostMapping
    @Operation(summary = "Attach a PDF (multipart: file), at most 20 MB; 415 when the file is not a PDF whatever its name or type says, "
            + "413 when too large, 400 when empty")
    ResponseEntity<ContractDocumentView> upload(
            @PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable MultipartFile file)
            throws IOException {
        UUID contractId = Ids.parse(id, "Contract");
        // Without a file part the upload is empty: refused as such, after the permission and the contract are checked.
        ContractDocumentView d = file == null
                ? documents.upload(contractId, null, 0, InputStream.nullInputStream())
                : documents.upload(contractId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/contracts/" + contractId + "/documents/" + d.id()))
                .eTag(ETags.of(d.version()))
                .body(d);
    }

    @GetMapping("/{documentId}")
    ResponseEntity<ContractDocumentView> get(@PathVariable String orgSlug, @PathVariable String id, @PathVariable String documentId) {
        ContractDocumentView d = documents.get(Ids.parse(id, "Contract"), Ids.parse(documentId, "Document"));
        return ETags.ok(d, d.version());
    }

    @GetMapping("/{documentId}/content")
    @Operation(summary = "The PDF itself, as an attachment")
    ResponseEntity<byte[]> content(@PathVariable String orgSlug, @PathVariable String id, @PathVariable String documentId) {
        ContractDocumentView.Content c = documents.download(Ids.parse(id, "Contract"), Ids.parse(documentId, "Document"));
        return download(c);
    }

    @DeleteMapping("/{documentId}")
    @Operation(summary = "Remove the document from the contract (it is archived, not erased); If-Match required")
    ResponseEntity<Void> archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String documentId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String reason) {
        UUID contractId = Ids.parse(id, "Contract");
        UUID docId = Ids.parse(documentId, "Document");
        documents.get(contractId, docId);
        documents.archive(contractId, docId, ETags.requireIfMatch(ifMatch), reason);
        return ResponseEntity.noContent().build();
    }

    /** The bytes as a download that no browser renders in place. */
    static ResponseEntity<byte[]> download(ContractDocumentView.Content c) {
        return Downloads.attachment(c.document().fileName(), c.document().contentType(), c.bytes(), c.document().version());
    }

    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        var response = ContractApiController.problem(status, "document-" + e.code(), e.getMessage());
        response.getBody().setProperty("errors", List.of(java.util.Map.of("field", "file", "code", e.code(), "detail", e.getMessage())));
        return response;
    }
}

package org.opencio.vendor;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A document attached to a contract term (a PDF), without its bytes. */
public record ContractDocumentView(
        UUID id,
        UUID contractId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        boolean archived,
        @Nullable UUID createdBy,
        @Nullable String createdByName,
        Instant createdAt,
        long version) {

    /** A document with its bytes, for downloading. */
    public record Content(ContractDocumentView document, byte[] bytes) {}
}

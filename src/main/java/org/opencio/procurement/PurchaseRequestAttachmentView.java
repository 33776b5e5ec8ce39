package org.opencio.procurement;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A file attached to a purchase request, without its bytes; {@code contentType} is what the bytes are, not what the upload said. */
public record PurchaseRequestAttachmentView(
        UUID id,
        UUID requestId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        UUID createdBy,
        @Nullable String createdByName,
        Instant createdAt,
        long version) {

    /** An attachment with its bytes, for downloading. */
    public record Content(PurchaseRequestAttachmentView attachment, byte[] bytes) {}

    /** What the caller may do with a request's attachments now, and the limits, for the request page. */
    public record Rights(boolean mayAdd, boolean mayRemove, long maxBytes, int maxCount) {}
}

package org.opencio.vendor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A piece of vendor intelligence: on {@code notedOn} the vendor presented {@code title} ({@code body}), which matters to
 * the organization because of {@code relevance}. Its id is stable, for the technology radar to link to.
 */
public record VendorNoteView(
        UUID id,
        UUID vendorId,
        String vendorName,
        LocalDate notedOn,
        NoteKind kind,
        String title,
        @Nullable String body,
        @Nullable String relevance,
        List<String> tags,
        UUID authorId,
        @Nullable String authorName,
        Instant createdAt,
        Instant updatedAt,
        long version) {}

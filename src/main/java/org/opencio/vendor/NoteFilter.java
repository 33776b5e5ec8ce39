package org.opencio.vendor;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of vendor intelligence across vendors; all optional. {@code from}/{@code to} bound the day of the note. */
public record NoteFilter(
        @Nullable UUID vendorId,
        @Nullable NoteKind kind,
        @Nullable String tag,
        @Nullable String query,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static NoteFilter none() {
        return new NoteFilter(null, null, null, null, null, null);
    }
}

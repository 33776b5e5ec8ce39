package org.opencio.vendor;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A vendor intelligence note as entered; {@code notedOn} defaults to today, {@code kind} to OTHER. */
public record SaveVendorNote(
        @Nullable LocalDate notedOn,
        @Nullable NoteKind kind,
        @Nullable String title,
        @Nullable String body,
        @Nullable String relevance,
        @Nullable List<String> tags) {}

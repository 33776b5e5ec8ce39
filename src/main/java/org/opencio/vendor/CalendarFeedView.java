package org.opencio.vendor;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whether the organization's calendar feed is on, since when and by whom, and when a calendar program last read it.
 * The secret address is shown once, when the feed is created or rotated ({@code url}); afterwards it is null.
 */
public record CalendarFeedView(
        boolean active,
        @Nullable Instant createdAt,
        @Nullable UUID createdBy,
        @Nullable String createdByName,
        @Nullable Instant lastUsedAt,
        @Nullable String url) {}

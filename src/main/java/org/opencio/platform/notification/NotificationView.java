package org.opencio.platform.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One notification in a person's inbox; {@code link} is a path inside the application. */
public record NotificationView(
        UUID id, String kind, String title, @Nullable String body, @Nullable String link, Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}

package org.opencio.platform.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.shared.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/notifications")
@Tag(name = "Notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications in this organization, newest first")
    CursorPage<NotificationView> inbox(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return notifications.inbox(unread, limit, cursor);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@PathVariable String orgSlug) {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    NotificationView read(@PathVariable String orgSlug, @PathVariable String id) {
        return notifications.markRead(Ids.parse(id, "Notification"));
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(@PathVariable String orgSlug) {
        return Map.of("marked", notifications.markAllRead());
    }
}

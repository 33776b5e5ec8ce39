package org.opencio.platform.notification;

import java.util.List;
import java.util.UUID;

/** Notifications were stored; their emails go out after the transaction commits (and again after a crash). */
public record NotificationsPublished(UUID orgId, List<UUID> notificationIds) {}

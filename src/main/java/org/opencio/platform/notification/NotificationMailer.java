package org.opencio.platform.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.opencio.platform.mail.Mailer;
import org.opencio.platform.security.IdentityDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails stored notifications once their transaction has committed. The event publication registry keeps the event
 * until this has run, so a crash delays emails but loses none; a notification is emailed at most once.
 */
@Component
class NotificationMailer {

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final IdentityDirectory directory;
    private final String baseUrl;

    NotificationMailer(JdbcClient jdbc, Mailer mailer, IdentityDirectory directory, @Value("${opencio.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.directory = directory;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void on(NotificationsPublished event) {
        if (!mailer.enabled()) {
            return;
        }
        for (UUID id : event.notificationIds()) {
            record Row(UUID accountId, String title, String body, String link) {}
            jdbc.sql("select account_id, title, body, link from notifications where id = ? and org_id = ? and emailed_at is null")
                    .params(id, event.orgId())
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .optional()
                    .ifPresent(row -> directory.findById(row.accountId()).ifPresent(person -> {
                        StringBuilder text = new StringBuilder(row.title()).append("\n\n");
                        if (row.body() != null) {
                            text.append(row.body()).append("\n\n");
                        }
                        if (row.link() != null) {
                            text.append(baseUrl).append(row.link()).append('\n');
                        }
                        if (mailer.send(person.email(), row.title(), text.toString())) {
                            jdbc.sql("update notifications set emailed_at = ? where id = ?")
                                    .params(Timestamp.from(Instant.now()), id)
                                    .update();
                        }
                    }));
        }
    }
}

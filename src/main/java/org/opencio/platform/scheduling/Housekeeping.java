package org.opencio.platform.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes stored idempotent responses after a day and completed event publications after a week. */
@Component
class Housekeeping {

    private final JdbcClient jdbc;

    Housekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "0 17 * * * *")
    @SchedulerLock(name = "housekeeping")
    void purge() {
        Instant now = Instant.now();
        jdbc.sql("delete from idempotency_keys where created_at < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("delete from event_publication where completion_date < ?")
                .param(Timestamp.from(now.minus(Duration.ofDays(7))))
                .update();
    }
}

package org.opencio.vendor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's contract settings row; an organization without one has the defaults. */
@Component
class ContractSettingsStore {

    static final int DEFAULT_WINDOW = 90;
    static final List<Integer> DEFAULT_REMINDERS = List.of(90, 60, 30);

    record Settings(int expiringWindowDays, List<Integer> reminderDays, @Nullable LocalDate lastRunOn, long version) {}

    private final JdbcClient jdbc;

    ContractSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings get() {
        return read(TenantContext.requireOrgId(), false);
    }

    /**
     * The settings row of the organization, locked until the transaction ends (made with the defaults when missing):
     * the daily job holds it while it works, so a second node waits and then finds the day done.
     */
    Settings lock(UUID orgId) {
        jdbc.sql("insert into contract_settings (org_id, expiring_window_days, reminder_days, updated_at, version) "
                        + "values (?, ?, ?, ?, 0) on conflict do nothing")
                .params(orgId, DEFAULT_WINDOW, join(DEFAULT_REMINDERS), Timestamp.from(Instant.now()))
                .update();
        return read(orgId, true);
    }

    /** Saves the settings if the stored version is still {@code expectedVersion}; answers the new version or -1. */
    long save(int expiringWindowDays, List<Integer> reminderDays, long expectedVersion) {
        UUID orgId = TenantContext.requireOrgId();
        Timestamp now = Timestamp.from(Instant.now());
        if (expectedVersion == 0) {
            int inserted = jdbc.sql("insert into contract_settings (org_id, expiring_window_days, reminder_days, updated_at, version) "
                            + "values (?, ?, ?, ?, 1) on conflict do nothing")
                    .params(orgId, expiringWindowDays, join(reminderDays), now)
                    .update();
            if (inserted == 1) {
                return 1;
            }
        }
        int updated = jdbc.sql("update contract_settings set expiring_window_days = ?, reminder_days = ?, updated_at = ?, version = version + 1 "
                        + "where org_id = ? and version = ?")
                .params(expiringWindowDays, join(reminderDays), now, orgId, expectedVersion)
                .update();
        return updated == 1 ? expectedVersion + 1 : -1;
    }

    void markRun(UUID orgId, LocalDate day) {
        jdbc.sql("update contract_settings set last_run_on = ? where org_id = ?").params(day, orgId).update();
    }

    private Settings read(UUID orgId, boolean forUpdate) {
        return jdbc.sql("select expiring_window_days, reminder_days, last_run_on, version from contract_settings where org_id = ?"
                        + (forUpdate ? " for update" : ""))
                .param(orgId)
                .query((rs, n) -> new Settings(rs.getInt(1), split(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getLong(4)))
                .optional()
                .orElse(new Settings(DEFAULT_WINDOW, DEFAULT_REMINDERS, null, 0));
    }

    static String join(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }

    static List<Integer> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}

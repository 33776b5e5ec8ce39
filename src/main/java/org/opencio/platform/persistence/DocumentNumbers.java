package org.opencio.platform.persistence;

import java.util.UUID;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human-friendly document numbers per organization, such as {@code PO-2026-0042} or {@code IT-1042} (DESIGN.md: ids
 * are UUIDs; these numbers are separate). A number is taken in the transaction that creates its document: if that
 * transaction rolls back, so does the number, and two creators at once wait for each other on the counter row.
 */
@Component
public class DocumentNumbers {

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of a yearly series: {@code PO-2026-0042}, restarting at 1 each year. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextInYear(String series, int year) {
        return "%s-%d-%04d".formatted(series, year, next(series, year));
    }

    /** The next number of a series that never restarts: {@code IT-1042}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextOf(String series) {
        return "%s-%d".formatted(series, next(series, 0));
    }

    long next(String series, int period) {
        UUID org = TenantContext.requireOrgId();
        // The first number of a series creates its counter; a creator at the same moment waits for it, then counts on.
        jdbc.sql("insert into document_counters (org_id, series, period, last_value) values (?, ?, ?, 0) on conflict do nothing")
                .params(org, series, period)
                .update();
        jdbc.sql("update document_counters set last_value = last_value + 1 where org_id = ? and series = ? and period = ?")
                .params(org, series, period)
                .update();
        return jdbc.sql("select last_value from document_counters where org_id = ? and series = ? and period = ?")
                .params(org, series, period)
                .query(Long.class)
                .single();
    }
}

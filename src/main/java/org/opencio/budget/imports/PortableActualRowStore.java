package org.opencio.budget.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A JDBC batch of {@code insert … on conflict do nothing}, where a count of 0 means the key was there already (H2).
 * H2 pays dearly for each conflict, so a batch first asks which of its days already hold rows: none (a new period,
 * the usual case) and every row is inserted at once; a few days' worth and the existing keys of those days are read
 * in one range scan and only new rows are sent; a batch spread over many days leaves it to the conflict clause.
 */
final class PortableActualRowStore implements ActualRowStore {

    private static final String INSERT = "insert into budget_actual_rows (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final long MAX_DAYS_TO_SCAN = 7;
    private static final int MAX_KEYS = 50_000;

    @Override
    public boolean[] insert(Connection connection, UUID orgId, UUID importId, List<PendingRow> batch) throws SQLException {
        LocalDate first = batch.getFirst().row().date();
        LocalDate last = first;
        for (PendingRow pending : batch) {
            LocalDate date = pending.row().date();
            if (date.isBefore(first)) {
                first = date;
            }
            if (date.isAfter(last)) {
                last = date;
            }
        }
        boolean[] inserted = new boolean[batch.size()];
        Set<String> existing = Set.of();
        if (any(connection, orgId, first, last) && ChronoUnit.DAYS.between(first, last) <= MAX_DAYS_TO_SCAN) {
            Set<String> found = keys(connection, orgId, first, last);
            existing = found == null ? Set.of() : found;
        }
        List<Integer> sent = new ArrayList<>(batch.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < batch.size(); i++) {
                PendingRow pending = batch.get(i);
                CostRow row = pending.row();
                if (existing.contains(row.dedupeKey())) {
                    continue;
                }
                sent.add(i);
                insert.setObject(1, orgId);
                insert.setString(2, row.dedupeKey());
                insert.setObject(3, importId);
                insert.setObject(4, pending.lineId());
                if (pending.ruleId() == null) {
                    insert.setNull(5, Types.OTHER);
                } else {
                    insert.setObject(5, pending.ruleId());
                }
                insert.setInt(6, pending.fiscalMonth());
                insert.setDate(7, Date.valueOf(row.date()));
                insert.setBigDecimal(8, ActualRowStore.stored(row.billed()));
                insert.setBigDecimal(9, ActualRowStore.stored(row.effective()));
                insert.setBigDecimal(10, ActualRowStore.stored(row.list()));
                insert.setString(11, ActualRowStore.cut(row.provider(), 200));
                insert.setString(12, ActualRowStore.cut(row.service(), 200));
                insert.setString(13, ActualRowStore.cut(row.subAccountName() != null ? row.subAccountName() : row.subAccountId(), 200));
                insert.setString(14, ActualRowStore.cut(row.chargeCategory(), 40));
                insert.setString(15, ActualRowStore.cut(row.account(), 100));
                insert.setLong(16, row.line());
                insert.setString(17, row.currency());
                insert.setBigDecimal(18, row.rate());
                insert.addBatch();
            }
            if (sent.isEmpty()) {
                return inserted;
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the database does not say which rows of a batch were inserted");
                }
                inserted[sent.get(i)] = counts[i] > 0;
            }
            return inserted;
        }
    }

    private static boolean any(Connection connection, UUID orgId, LocalDate first, LocalDate last) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from budget_actual_rows where org_id = ? and charge_date between ? and ? limit 1")) {
            query.setObject(1, orgId);
            query.setDate(2, Date.valueOf(first));
            query.setDate(3, Date.valueOf(last));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The keys those days hold; null when there are too many to keep in memory (then conflicts decide). */
    private static @org.jspecify.annotations.Nullable Set<String> keys(Connection connection, UUID orgId, LocalDate first, LocalDate last)
            throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select dedupe_key from budget_actual_rows where org_id = ? and charge_date between ? and ?")) {
            query.setObject(1, orgId);
            query.setDate(2, Date.valueOf(first));
            query.setDate(3, Date.valueOf(last));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (keys.size() == MAX_KEYS) {
                        return null;
                    }
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }
}

package org.opencio.budget.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/** A JDBC batch of {@code insert … on conflict do nothing}: a count of 0 for a row means its key was already there. */
final class PortableActualRowStore implements ActualRowStore {

    private static final String SQL = "insert into budget_actual_rows (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    @Override
    public boolean[] insert(Connection connection, UUID orgId, UUID importId, List<PendingRow> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            for (PendingRow pending : batch) {
                CostRow row = pending.row();
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
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            boolean[] inserted = new boolean[batch.size()];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the database does not say which rows of a batch were inserted");
                }
                inserted[i] = counts[i] > 0;
            }
            return inserted;
        }
    }
}

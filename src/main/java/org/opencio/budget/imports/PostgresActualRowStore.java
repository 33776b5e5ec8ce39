package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One statement per batch on PostgreSQL: the rows travel as arrays, {@code unnest} turns them into rows, and
 * {@code returning} names the keys that were new. Much faster than a statement per row.
 */
final class PostgresActualRowStore implements ActualRowStore {

    private static final String SQL = "insert into budget_actual_rows (" + COLUMNS + ") "
            + "select ?, k, ?, l, r, m, d, b, e, li, p, s, sa, c, a, n, cu, x from unnest(?::varchar[], ?::uuid[], ?::uuid[], "
            + "?::int4[], ?::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::varchar[], ?::varchar[], ?::varchar[], "
            + "?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::numeric[]) as t(k, l, r, m, d, b, e, li, p, s, sa, c, a, n, cu, x) "
            + "on conflict do nothing returning dedupe_key";

    @Override
    public boolean[] insert(Connection connection, UUID orgId, UUID importId, List<PendingRow> batch) throws SQLException {
        int n = batch.size();
        String[] keys = new String[n];
        UUID[] lines = new UUID[n];
        UUID[] rules = new UUID[n];
        Integer[] months = new Integer[n];
        Date[] dates = new Date[n];
        BigDecimal[] billed = new BigDecimal[n];
        BigDecimal[] effective = new BigDecimal[n];
        BigDecimal[] list = new BigDecimal[n];
        String[] providers = new String[n];
        String[] services = new String[n];
        String[] subAccounts = new String[n];
        String[] categories = new String[n];
        String[] accounts = new String[n];
        Long[] sourceLines = new Long[n];
        String[] currencies = new String[n];
        BigDecimal[] rates = new BigDecimal[n];
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            PendingRow pending = batch.get(i);
            CostRow row = pending.row();
            keys[i] = row.dedupeKey();
            index.put(row.dedupeKey(), i);
            lines[i] = pending.lineId();
            rules[i] = pending.ruleId();
            months[i] = pending.fiscalMonth();
            dates[i] = Date.valueOf(row.date());
            billed[i] = ActualRowStore.stored(row.billed());
            effective[i] = ActualRowStore.stored(row.effective());
            list[i] = ActualRowStore.stored(row.list());
            providers[i] = ActualRowStore.cut(row.provider(), 200);
            services[i] = ActualRowStore.cut(row.service(), 200);
            subAccounts[i] = ActualRowStore.cut(row.subAccountName() != null ? row.subAccountName() : row.subAccountId(), 200);
            categories[i] = ActualRowStore.cut(row.chargeCategory(), 40);
            accounts[i] = ActualRowStore.cut(row.account(), 100);
            sourceLines[i] = row.line();
            currencies[i] = row.currency();
            rates[i] = row.rate();
        }
        boolean[] inserted = new boolean[n];
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            insert.setObject(1, orgId);
            insert.setObject(2, importId);
            Array[] arrays = {
                connection.createArrayOf("varchar", keys),
                connection.createArrayOf("uuid", lines),
                connection.createArrayOf("uuid", rules),
                connection.createArrayOf("int4", months),
                connection.createArrayOf("date", dates),
                connection.createArrayOf("numeric", billed),
                connection.createArrayOf("numeric", effective),
                connection.createArrayOf("numeric", list),
                connection.createArrayOf("varchar", providers),
                connection.createArrayOf("varchar", services),
                connection.createArrayOf("varchar", subAccounts),
                connection.createArrayOf("varchar", categories),
                connection.createArrayOf("varchar", accounts),
                connection.createArrayOf("int8", sourceLines),
                connection.createArrayOf("varchar", currencies),
                connection.createArrayOf("numeric", rates)
            };
            for (int i = 0; i < arrays.length; i++) {
                insert.setArray(3 + i, arrays[i]);
            }
            try (ResultSet created = insert.executeQuery()) {
                while (created.next()) {
                    inserted[index.get(created.getString(1))] = true;
                }
            }
            for (Array array : arrays) {
                array.free();
            }
        }
        return inserted;
    }
}

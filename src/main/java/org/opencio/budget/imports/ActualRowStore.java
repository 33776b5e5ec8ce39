package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes imported rows in batches, skipping rows whose dedupe key the organization already has (from an earlier
 * import, or earlier in the same file). Answers, per row, whether it was new: only new rows count in the budget.
 * PostgreSQL gets one statement per batch; other databases (H2) a JDBC batch with per-row counts.
 */
interface ActualRowStore {

    String COLUMNS = "org_id, dedupe_key, import_id, line_id, rule_id, fiscal_month, charge_date, billed_cost, "
            + "effective_cost, list_cost, provider, service, sub_account, charge_category, account, source_line, currency, exchange_rate";

    /** Rows of one batch, none with the same key as another. */
    boolean[] insert(Connection connection, UUID orgId, UUID importId, List<PendingRow> batch) throws SQLException;

    /** Detail rows keep ten decimals: a cloud bill's rows are often fractions of a cent. */
    static @Nullable BigDecimal stored(@Nullable BigDecimal amount) {
        return amount == null || amount.scale() <= 10 ? amount : amount.setScale(10, RoundingMode.HALF_EVEN);
    }

    static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Configuration
    class Choice {
        @Bean
        ActualRowStore actualRowStore(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                return "PostgreSQL".equalsIgnoreCase(product) ? new PostgresActualRowStore() : new PortableActualRowStore();
            }
        }
    }
}

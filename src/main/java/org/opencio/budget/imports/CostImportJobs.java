package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The import jobs, their rejections and totals in the database. Every query names the organization. */
@Component
class CostImportJobs {

    static final String SELECT = "select * from cost_imports";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    CostImportJobs(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What a new job starts with. */
    record NewJob(
            UUID id,
            UUID orgId,
            UUID budgetId,
            int fiscalYear,
            CostImportFormat format,
            String fileName,
            long fileBytes,
            String currency,
            boolean strict,
            @Nullable GlMapping mapping,
            @Nullable String idempotencyKey,
            @Nullable UUID createdBy,
            String createdByName,
            CostMeasure measure) {}

    /** The counters of a running import. */
    static final class Progress {
        long bytesRead;
        long rowsRead;
        long rowsImported;
        long rowsDuplicate;
        long rowsRejected;
        long rowsUnallocated;
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal unallocated = BigDecimal.ZERO;
        BigDecimal effective = BigDecimal.ZERO;
        BigDecimal list = BigDecimal.ZERO;
    }

    void insert(NewJob job) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into cost_imports (id, org_id, budget_id, fiscal_year, format, file_name, file_bytes, currency, "
                        + "strict_mode, column_mapping, idempotency_key, status, created_by, created_by_name, created_at, heartbeat_at, measure) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)")
                .params(job.id(), job.orgId(), job.budgetId(), job.fiscalYear(), job.format().name(), job.fileName(), job.fileBytes(),
                        job.currency(), job.strict(), job.mapping() == null ? null : JSON.writeValueAsString(job.mapping()),
                        job.idempotencyKey(), job.createdBy(), job.createdByName(), now, now, job.measure().name())
                .update();
    }

    Optional<CostImportView> find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " where org_id = ? and id = ?").params(orgId, id).query(CostImportJobs::view).optional();
    }

    Optional<CostImportView> findByIdempotencyKey(UUID orgId, UUID accountId, String key) {
        return jdbc.sql(SELECT + " where org_id = ? and created_by = ? and idempotency_key = ?")
                .params(orgId, accountId, key)
                .query(CostImportJobs::view)
                .optional();
    }

    CursorPage<CostImportView> list(UUID orgId, @Nullable CostImportStatus status, Paging.Request request) {
        KeysetSql keyset = KeysetSql.of(request, Map.of("createdAt", "created_at", "id", "id"));
        var params = new java.util.HashMap<String, Object>(keyset.params());
        params.put("org", orgId);
        String filter = "";
        if (status != null) {
            filter = " and status = :status";
            params.put("status", status.name());
        }
        List<CostImportView> rows = jdbc.sql(SELECT + " where org_id = :org" + filter + keyset.condition() + keyset.orderBy()
                        + " limit " + keyset.fetch())
                .params(params)
                .query(CostImportJobs::view)
                .list();
        return keyset.page(rows, request, v -> Map.of("createdAt", v.createdAt(), "id", v.id()));
    }

    /** From QUEUED to RUNNING; false when the job is no longer queued (it failed meanwhile). */
    boolean start(UUID id) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("update cost_imports set status = 'RUNNING', started_at = ?, heartbeat_at = ? where id = ? and status = 'QUEUED'")
                        .params(now, now, id)
                        .update() == 1;
    }

    void progress(UUID id, Progress p) {
        jdbc.sql("update cost_imports set bytes_read = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_rejected = ?, "
                        + "rows_unallocated = ?, heartbeat_at = ? where id = ? and status = 'RUNNING'")
                .params(p.bytesRead, p.rowsRead, p.rowsImported, p.rowsDuplicate, p.rowsRejected, p.rowsUnallocated,
                        Timestamp.from(Instant.now()), id)
                .update();
    }

    void finish(UUID id, CostImportStatus status, Progress p, @Nullable String failure) {
        jdbc.sql("update cost_imports set status = ?, bytes_read = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, "
                        + "rows_rejected = ?, rows_unallocated = ?, billed_total = ?, unallocated_total = ?, effective_total = ?, "
                        + "list_total = ?, failure = ?, finished_at = ?, heartbeat_at = ? where id = ?")
                .params(status.name(), p.bytesRead, p.rowsRead, p.rowsImported, p.rowsDuplicate, p.rowsRejected, p.rowsUnallocated,
                        money(p.billed), money(p.unallocated), money(p.effective), money(p.list),
                        failure == null ? null : cut(failure, 1000), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), id)
                .update();
    }

    /** Marks a job failed whatever state it is in, short of done. */
    void fail(UUID id, String failure) {
        jdbc.sql("update cost_imports set status = 'FAILED', failure = ?, finished_at = ? where id = ? and status <> 'DONE'")
                .params(cut(failure, 1000), Timestamp.from(Instant.now()), id)
                .update();
    }

    void heartbeat(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update cost_imports set heartbeat_at = :now where id in (:ids) and status in ('QUEUED', 'RUNNING')")
                .param("now", Timestamp.from(Instant.now()))
                .param("ids", ids)
                .update();
    }

    /** Jobs no node has shown a sign of life for: the node stopped while they waited or ran. */
    int failStale(Instant before, String failure) {
        return jdbc.sql("update cost_imports set status = 'FAILED', failure = ?, finished_at = ? "
                        + "where status in ('QUEUED', 'RUNNING') and heartbeat_at < ?")
                .params(failure, Timestamp.from(Instant.now()), Timestamp.from(before))
                .update();
    }

    void reject(UUID orgId, UUID importId, List<RejectionView> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into cost_import_rejections (org_id, import_id, line_number, reason, content) values (?, ?, ?, ?, ?)",
                rejections.stream()
                        .map(r -> new Object[] {orgId, importId, r.lineNumber(), cut(r.reason(), 1000),
                            r.content() == null ? null : cut(r.content(), 500)})
                        .toList());
    }

    CursorPage<RejectionView> rejections(UUID orgId, UUID importId, Paging.Request request) {
        KeysetSql keyset = KeysetSql.of(request, Map.of("lineNumber", "line_number", "id", "line_number"));
        var params = new java.util.HashMap<String, Object>(keyset.params());
        params.put("org", orgId);
        params.put("import", importId);
        List<RejectionView> rows = jdbc.sql("select line_number, reason, content from cost_import_rejections "
                        + "where org_id = :org and import_id = :import" + keyset.condition() + keyset.orderBy() + " limit " + keyset.fetch())
                .params(params)
                .query((rs, n) -> new RejectionView(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        return keyset.page(rows, request, r -> Map.of("lineNumber", r.lineNumber(), "id", r.lineNumber()));
    }

    /** Every stored rejection of an import, in file order, one at a time (for the CSV download). */
    void eachRejection(UUID orgId, UUID importId, java.util.function.Consumer<RejectionView> consumer) {
        jdbc.sql("select line_number, reason, content from cost_import_rejections where org_id = ? and import_id = ? order by line_number")
                .params(orgId, importId)
                .query(rs -> {
                    consumer.accept(new RejectionView(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
    }

    void total(UUID orgId, UUID importId, UUID lineId, String lineCode, int month, BigDecimal amount, long rows) {
        jdbc.sql("insert into cost_import_totals (org_id, import_id, line_id, line_code, fiscal_month, amount, row_count) values (?, ?, ?, ?, ?, ?, ?)")
                .params(orgId, importId, lineId, lineCode, month, amount.setScale(4, RoundingMode.HALF_EVEN), rows)
                .update();
    }

    List<ImportLineTotal> lineTotals(UUID orgId, UUID importId, UUID unallocatedLineId) {
        return jdbc.sql("select line_id, line_code, sum(amount), sum(row_count) from cost_import_totals where org_id = ? and import_id = ? "
                        + "group by line_id, line_code order by line_code")
                .params(orgId, importId)
                .query((rs, n) -> new ImportLineTotal(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(1, UUID.class).equals(unallocatedLineId), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** Where an import's unallocated cost came from, largest first: the amounts it recorded, in the budget's currency. */
    List<UnallocatedGroup> unallocated(UUID orgId, UUID importId, UUID unallocatedLineId, CostMeasure measure, int limit) {
        String amount = (measure == CostMeasure.EFFECTIVE ? "coalesce(effective_cost, 0)" : "billed_cost") + " * coalesce(exchange_rate, 1)";
        return jdbc.sql("select provider, service, sub_account, account, count(*), sum(" + amount + ") from budget_actual_rows "
                        + "where org_id = ? and import_id = ? and line_id = ? group by provider, service, sub_account, account "
                        + "order by sum(" + amount + ") desc limit " + limit)
                .params(orgId, importId, unallocatedLineId)
                .query((rs, n) -> new UnallocatedGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBigDecimal(6).setScale(4, RoundingMode.HALF_EVEN)))
                .list();
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_EVEN);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static CostImportView view(ResultSet rs, int n) throws SQLException {
        long bytes = rs.getLong("file_bytes");
        CostImportStatus status = CostImportStatus.valueOf(rs.getString("status"));
        int percent = status == CostImportStatus.DONE
                ? 100
                : bytes <= 0 ? 0 : (int) Math.min(99, rs.getLong("bytes_read") * 100 / bytes);
        String mapping = rs.getString("column_mapping");
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CostImportView(
                rs.getObject("id", UUID.class),
                CostImportFormat.valueOf(rs.getString("format")),
                rs.getString("file_name"),
                bytes,
                rs.getInt("fiscal_year"),
                rs.getString("currency"),
                rs.getBoolean("strict_mode"),
                status,
                percent,
                rs.getLong("rows_read"),
                rs.getLong("rows_imported"),
                rs.getLong("rows_duplicate"),
                rs.getLong("rows_rejected"),
                rs.getLong("rows_unallocated"),
                rs.getBigDecimal("billed_total"),
                rs.getBigDecimal("unallocated_total"),
                rs.getBigDecimal("effective_total"),
                rs.getBigDecimal("list_total"),
                rs.getString("failure"),
                mapping == null ? null : JSON.readValue(mapping, GlMapping.class),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(),
                finished == null ? null : finished.toInstant(),
                CostMeasure.valueOf(rs.getString("measure")));
    }
}

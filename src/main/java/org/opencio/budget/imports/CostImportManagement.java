package org.opencio.budget.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.BudgetLedger.ImportTarget;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploading cost files and reading their imports. An upload is checked, saved to the node's staging folder, recorded
 * as a queued job and handed to the {@link CostImportWorker}; the caller gets the job at once and polls it.
 */
@Service
class CostImportManagement {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CostImportJobs jobs;
    private final CostImportWorker worker;
    private final BudgetLedger ledger;
    private final CostImportSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CostImportManagement(
            CostImportJobs jobs,
            CostImportWorker worker,
            BudgetLedger ledger,
            CostImportSettings settings,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.worker = worker;
        this.ledger = ledger;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What to import: the format, the fiscal year whose budget receives it, all-or-nothing, and for GL its columns. */
    record Upload(@Nullable CostImportFormat format, @Nullable Integer fiscalYear, boolean strict, @Nullable GlMapping mapping) {}

    /** The job an upload made, or the one a repeated Idempotency-Key names. */
    record Uploaded(CostImportView job, boolean replayed) {}

    /** What an import recorded on each line, and where its unallocated cost came from. */
    record Report(List<ImportLineTotal> lines, List<UnallocatedGroup> unallocated) {}

    Uploaded upload(Upload upload, @Nullable MultipartFile file, @Nullable String idempotencyKey) {
        OrgAccess caller = Access.require(Permission.ACTUALS_RECORD);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        new Checks()
                .rule(key == null || key.length() <= 200, "Idempotency-Key", "too-long", "Idempotency-Key must be at most 200 characters")
                .throwIfAny();
        if (key != null) {
            Optional<CostImportView> earlier = jobs.findByIdempotencyKey(caller.orgId(), caller.accountId(), key);
            if (earlier.isPresent()) {
                return new Uploaded(earlier.get(), true);
            }
        }
        Checks checks = new Checks()
                .required("format", upload.format())
                .range("fiscalYear", upload.fiscalYear(), 2000, 2100)
                .rule(file != null && !file.isEmpty(), "file", "required", "file is required: the CSV file to import");
        checks.throwIfAny();
        ImportTarget target = ledger.importTarget(upload.fiscalYear())
                .orElseThrow(() -> InvalidInputException.of("fiscalYear", "unknown",
                        "there is no budget for fiscal year " + upload.fiscalYear() + "; create it first"));
        GlMapping mapping = null;
        if (upload.format() == CostImportFormat.GL) {
            GlMapping given = upload.mapping();
            if (given == null || given.isEmpty()) {
                mapping = remembered().orElseThrow(() -> InvalidInputException.of("dateColumn", "required",
                        "a GL import needs its column mapping (dateColumn, amountColumn, …); none was given or remembered"));
            } else {
                mapping = given.validated();
            }
        }
        UUID id = Ids.newId();
        Path staged = settings.staging().resolve("import-" + id + ".csv");
        try {
            Files.createDirectories(settings.staging());
            file.transferTo(staged.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the uploaded file", e);
        }
        String actorName = CurrentUser.get().map(p -> p.displayName()).orElse("system");
        var job = new CostImportJobs.NewJob(id, caller.orgId(), target.budgetId(), target.fiscalYear(), upload.format(),
                fileName(file.getOriginalFilename()), sizeOf(staged), target.currency(), upload.strict(), mapping, key,
                caller.accountId(), actorName);
        GlMapping remember = upload.format() == CostImportFormat.GL && upload.mapping() != null && !upload.mapping().isEmpty() ? mapping : null;
        tx.executeWithoutResult(s -> {
            jobs.insert(job);
            if (remember != null) {
                remember(caller.orgId(), remember);
            }
        });
        try {
            worker.submit(new CostImportWorker.Job(id, caller.orgId(), target.fiscalYear(), upload.format(), mapping, upload.strict(), staged,
                    job.fileBytes(), job.fileName(), caller.accountId(), actorName));
        } catch (RejectedExecutionException e) {
            tx.executeWithoutResult(s -> jobs.fail(id, "Too many imports are waiting on this server; nothing was imported. Try again in a few minutes."));
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // The staging folder is cleared on the next start.
            }
        }
        return new Uploaded(jobs.find(caller.orgId(), id).orElseThrow(), false);
    }

    CursorPage<CostImportView> list(@Nullable CostImportStatus status, @Nullable Integer limit, @Nullable String cursor) {
        OrgAccess caller = Access.require(Permission.BUDGET_VIEW);
        Paging.Request request = Paging.request(limit, cursor, "-createdAt", Set.of("createdAt", "id"), "-createdAt");
        return jobs.list(caller.orgId(), status, request);
    }

    CostImportView get(UUID id) {
        OrgAccess caller = Access.require(Permission.BUDGET_VIEW);
        return jobs.find(caller.orgId(), id).orElseThrow(() -> new NotFoundException("Cost import"));
    }

    CursorPage<RejectionView> rejections(UUID id, @Nullable Integer limit, @Nullable String cursor) {
        CostImportView job = get(id);
        Paging.Request request = Paging.request(limit, cursor, "lineNumber", Set.of("lineNumber"), "lineNumber");
        return jobs.rejections(TenantContext.requireOrgId(), job.id(), request);
    }

    /** The rejected rows as CSV for a spreadsheet; no cell can run as a formula. */
    void writeRejections(UUID id, Writer out) throws IOException {
        CostImportView job = get(id);
        out.write("line,reason,content\r\n");
        IOException[] failure = new IOException[1];
        jobs.eachRejection(TenantContext.requireOrgId(), job.id(), r -> {
            if (failure[0] != null) {
                return;
            }
            try {
                out.write(r.lineNumber() + "," + Csv.safeCell(r.reason(), ',') + "," + Csv.safeCell(r.content() == null ? "" : r.content(), ',')
                        + "\r\n");
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    Report report(UUID id) {
        CostImportView job = get(id);
        if (job.status() != CostImportStatus.DONE) {
            return new Report(List.of(), List.of());
        }
        UUID orgId = TenantContext.requireOrgId();
        UUID unallocated = ledger.importTarget(job.fiscalYear()).map(ImportTarget::unallocatedLineId).orElse(null);
        if (unallocated == null) {
            return new Report(List.of(), List.of());
        }
        return new Report(jobs.lineTotals(orgId, id, unallocated), jobs.unallocated(orgId, id, unallocated, 20));
    }

    /** The GL column mapping last used in this organization. */
    Optional<GlMapping> remembered() {
        Access.require(Permission.BUDGET_VIEW);
        return jdbc.sql("select mapping from cost_import_mappings where org_id = ? and format = 'GL'")
                .param(TenantContext.requireOrgId())
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, GlMapping.class));
    }

    /** Fiscal years that have a budget, newest first, for the upload form. */
    List<Integer> fiscalYears() {
        Access.require(Permission.BUDGET_VIEW);
        return jdbc.sql("select fiscal_year from budgets where org_id = ? order by fiscal_year desc")
                .param(TenantContext.requireOrgId())
                .query(Integer.class)
                .list();
    }

    private void remember(UUID orgId, GlMapping mapping) {
        String json = JSON.writeValueAsString(mapping);
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("update cost_import_mappings set mapping = ?, updated_at = ? where org_id = ? and format = 'GL'")
                .params(json, now, orgId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into cost_import_mappings (org_id, format, mapping, updated_at) values (?, 'GL', ?, ?)")
                    .params(orgId, json, now)
                    .update();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The name the file had on the uploader's machine, without folders. */
    static String fileName(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "upload.csv";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "upload.csv";
        }
        return name.length() <= 255 ? name : name.substring(0, 255);
    }
}

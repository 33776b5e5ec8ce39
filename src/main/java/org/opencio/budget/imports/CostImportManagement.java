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
import org.opencio.shared.ConflictException;
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

    /**
     * What to import: the format, the fiscal year whose budget receives it, all-or-nothing, for GL its columns, for FOCUS
     * which cost becomes the actual (null: the organization's choice of its last FOCUS import, else BilledCost).
     */
    record Upload(
            @Nullable CostImportFormat format,
            @Nullable Integer fiscalYear,
            boolean strict,
            @Nullable GlMapping mapping,
            @Nullable CostMeasure measure) {

        Upload(@Nullable CostImportFormat format, @Nullable Integer fiscalYear, boolean strict, @Nullable GlMapping mapping) {
            this(format, fiscalYear, strict, mapping, null);
        }
    }

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
        CostMeasure measure = CostMeasure.BILLED;
        if (upload.format() == CostImportFormat.FOCUS) {
            measure = upload.measure() != null ? upload.measure() : rememberedMeasure();
            refuseMixedMeasures(caller.orgId(), target.fiscalYear(), measure);
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
                caller.accountId(), actorName, measure);
        CostMeasure chosen = measure;
        GlMapping remember = upload.format() == CostImportFormat.GL && upload.mapping() != null && !upload.mapping().isEmpty() ? mapping : null;
        tx.executeWithoutResult(s -> {
            jobs.insert(job);
            if (remember != null) {
                remember(caller.orgId(), "GL", JSON.writeValueAsString(remember));
            }
            if (upload.format() == CostImportFormat.FOCUS && upload.measure() != null) {
                remember(caller.orgId(), "FOCUS", JSON.writeValueAsString(java.util.Map.of("measure", chosen.name())));
            }
        });
        try {
            worker.submit(new CostImportWorker.Job(id, caller.orgId(), target.fiscalYear(), upload.format(), mapping, upload.strict(), staged,
                    job.fileBytes(), job.fileName(), caller.accountId(), actorName, measure));
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
        return new Report(jobs.lineTotals(orgId, id, unallocated), jobs.unallocated(orgId, id, unallocated, job.measure(), 20));
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

    /** The measure of the organization's FOCUS imports: the one chosen last, BilledCost until one is chosen. */
    CostMeasure rememberedMeasure() {
        Access.require(Permission.BUDGET_VIEW);
        return jdbc.sql("select mapping from cost_import_mappings where org_id = ? and format = 'FOCUS'")
                .param(TenantContext.requireOrgId())
                .query(String.class)
                .optional()
                .map(json -> JSON.readTree(json).path("measure").asString(""))
                .filter(name -> name.equals("EFFECTIVE"))
                .map(name -> CostMeasure.EFFECTIVE)
                .orElse(CostMeasure.BILLED);
    }

    /**
     * One fiscal year's cloud bills are all counted the same way. Mixed, an upfront purchase would count twice (in full
     * on its day under BilledCost, and again spread over the months under EffectiveCost) or never; so a FOCUS import is
     * refused when the year already holds FOCUS imports recorded with the other measure.
     */
    private void refuseMixedMeasures(UUID orgId, int fiscalYear, CostMeasure measure) {
        jdbc.sql("select measure from cost_imports where org_id = ? and fiscal_year = ? and format = 'FOCUS' and status = 'DONE' "
                        + "and rows_imported > 0 and measure <> ? fetch first 1 rows only")
                .params(orgId, fiscalYear, measure.name())
                .query(String.class)
                .optional()
                .ifPresent(other -> {
                    throw new ConflictException("measure", "fiscal year " + fiscalYear + " already holds FOCUS imports recorded as "
                            + (other.equals("EFFECTIVE") ? "EffectiveCost" : "BilledCost") + "; import this file the same way, "
                            + "or a prepaid purchase would count twice or not at all");
                });
    }

    /** Fiscal years that have a budget, newest first, for the upload form. */
    List<Integer> fiscalYears() {
        Access.require(Permission.BUDGET_VIEW);
        return jdbc.sql("select fiscal_year from budgets where org_id = ? order by fiscal_year desc")
                .param(TenantContext.requireOrgId())
                .query(Integer.class)
                .list();
    }

    /** Keeps the organization's settings of a format: the GL column mapping, the FOCUS measure. */
    private void remember(UUID orgId, String format, String json) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("update cost_import_mappings set mapping = ?, updated_at = ? where org_id = ? and format = ?")
                .params(json, now, orgId, format)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into cost_import_mappings (org_id, format, mapping, updated_at) values (?, ?, ?, ?)")
                    .params(orgId, format, json, now)
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

package org.opencio.budget.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.BudgetLedger.ImportTarget;
import org.opencio.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background on a small, bounded pool. A file is read as a stream and its rows written in batches,
 * all in one transaction that also applies the totals to the budget and marks the job done: an import that fails at
 * any point changes nothing. Progress and rejected rows are written in short transactions of their own, so that a poll
 * on any node sees them while the import runs. Imports of one organization run one after another.
 */
@Component
class CostImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CostImportWorker.class);
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    private static final int MAX_RECORD_CHARS = 1 << 20;

    /** An import to run: its job row exists, its file waits at {@code file}. */
    record Job(
            UUID importId,
            UUID orgId,
            int fiscalYear,
            CostImportFormat format,
            @Nullable GlMapping mapping,
            boolean strict,
            Path file,
            long fileBytes,
            String fileName,
            @Nullable UUID actorId,
            String actorName,
            CostMeasure measure) {}

    /** Ends the import; nothing it did stays. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final CostImportJobs jobs;
    private final CostMappingRuleManagement rules;
    private final BudgetLedger ledger;
    private final ActualRowStore store;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final CostImportSettings settings;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> owned = ConcurrentHashMap.newKeySet();
    private final Map<UUID, ReentrantLock> orgLocks = new ConcurrentHashMap<>();

    CostImportWorker(
            CostImportJobs jobs,
            CostMappingRuleManagement rules,
            BudgetLedger ledger,
            ActualRowStore store,
            DataSource dataSource,
            JdbcClient jdbc,
            CostImportSettings settings,
            PlatformTransactionManager transactions) throws IOException {
        this.jobs = jobs;
        this.rules = rules;
        this.ledger = ledger;
        this.store = store;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.separateTx = new TransactionTemplate(transactions);
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = new ThreadPoolExecutor(
                settings.workers(), settings.workers(), 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(settings.queueCapacity()),
                Thread.ofPlatform().name("cost-import-", 1).daemon(true).factory());
        Files.createDirectories(settings.staging());
        clearStaging(settings.staging());
    }

    /** Queues an import; refused when the queue is full. */
    void submit(Job job) throws RejectedExecutionException {
        owned.add(job.importId());
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            owned.remove(job.importId());
            throw e;
        }
    }

    private void run(Job job) {
        ReentrantLock orgLock = orgLocks.computeIfAbsent(job.orgId(), id -> new ReentrantLock());
        orgLock.lock();
        try {
            TenantContext.callInOrg(job.orgId(), () -> {
                process(job);
                return null;
            });
        } finally {
            orgLock.unlock();
            owned.remove(job.importId());
            try {
                Files.deleteIfExists(job.file());
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file of import {}: {}", job.importId(), e.getMessage());
            }
        }
    }

    private void process(Job job) {
        if (!Boolean.TRUE.equals(separateTx.execute(s -> jobs.start(job.importId())))) {
            return;
        }
        var run = new Run(job);
        try {
            tx.executeWithoutResult(s -> run.execute());
        } catch (Failed e) {
            run.saveRejections();
            separateTx.executeWithoutResult(s -> jobs.finish(job.importId(), CostImportStatus.FAILED, run.progress, e.getMessage()));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("Incident {}: cost import {} failed", incident, job.importId(), e);
            run.saveRejections();
            separateTx.executeWithoutResult(s -> jobs.finish(job.importId(), CostImportStatus.FAILED, run.progress,
                    "Something went wrong on our side; nothing was imported. Incident " + incident + "."));
        }
    }

    /**
     * Rows read from the file and ready for the database, with what the reader refused meanwhile. The reader sends them
     * from its own thread, so reading the next rows overlaps with writing these.
     */
    private record Chunk(
            List<PendingRow> rows, List<RejectionView> rejections, long rowsRead, long rejected, long duplicates, long bytesRead,
            @Nullable String failure, boolean last) {}

    /** One import as it runs: the reader of the file on a thread of its own, and the writer in the transaction. */
    private final class Run {
        private final Job job;
        private final CostImportJobs.Progress progress = new CostImportJobs.Progress();
        private final List<RejectionView> rejections = new ArrayList<>();
        private final Map<UUID, BigDecimal[]> amounts = new HashMap<>();
        private final Map<UUID, long[]> rowCounts = new HashMap<>();
        private long lastProgress = System.nanoTime();

        Run(Job job) {
            this.job = job;
        }

        void execute() {
            // One import of an organization at a time, across nodes too: the lock row is held until commit.
            jdbc.sql("insert into cost_import_locks (org_id) values (?) on conflict do nothing").param(job.orgId()).update();
            jdbc.sql("select org_id from cost_import_locks where org_id = ? for update").param(job.orgId()).query(UUID.class).single();
            ImportTarget target = ledger.importTarget(job.fiscalYear())
                    .orElseThrow(() -> new Failed("There is no budget for fiscal year " + job.fiscalYear() + " any more."));
            CostFormat format = job.format() == CostImportFormat.FOCUS
                    ? new FocusFormat(target.currency(), job.measure(), target.rates())
                    : new GlFormat(job.mapping() == null ? GlMapping.empty() : job.mapping(), target.currency(), target.rates());
            var reader = new FileReader(job, format, new RuleBook(rules.active(job.orgId())), target);
            Thread thread = Thread.ofPlatform().name("cost-import-reader").daemon(true).start(reader);
            try {
                while (true) {
                    Chunk chunk = reader.chunks.take();
                    write(chunk, target);
                    if (chunk.failure() != null) {
                        throw new Failed(chunk.failure());
                    }
                    if (chunk.last()) {
                        break;
                    }
                    if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                        report();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed("The server stopped while the import ran; nothing was imported. Upload the file again.");
            } finally {
                reader.stopped = true;
                thread.interrupt();
            }
            if (job.strict() && progress.rowsRejected > 0) {
                throw new Failed(progress.rowsRejected + " of " + progress.rowsRead
                        + " rows were rejected, and this import was to be all or nothing: nothing was imported.");
            }
            if (progress.rowsRead > 0 && progress.rowsImported == 0 && progress.rowsDuplicate == 0) {
                throw new Failed("None of the " + progress.rowsRead + " rows could be imported; see the rejected rows.");
            }
            apply(target);
            saveRejections();
            jobs.finish(job.importId(), CostImportStatus.DONE, progress, null);
        }

        /** Writes a chunk's rows (skipping those already imported) and counts what they add to each line and month. */
        private void write(Chunk chunk, ImportTarget target) {
            progress.rowsRead += chunk.rowsRead();
            progress.rowsRejected += chunk.rejected();
            progress.rowsDuplicate += chunk.duplicates();
            progress.bytesRead = chunk.bytesRead();
            rejections.addAll(chunk.rejections());
            List<PendingRow> batch = chunk.rows();
            if (batch.isEmpty()) {
                return;
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            boolean[] inserted;
            try {
                inserted = store.insert(connection, job.orgId(), job.importId(), batch);
            } catch (SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("batch insert failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            UUID unallocated = target.unallocatedLineId();
            for (int i = 0; i < inserted.length; i++) {
                PendingRow pending = batch.get(i);
                if (!inserted[i]) {
                    progress.rowsDuplicate++;
                    continue;
                }
                CostRow row = pending.row();
                // The import's measure in the budget's currency; every total in it too.
                BigDecimal amount = ActualRowStore.stored(row.amount());
                BigDecimal[] months = amounts.computeIfAbsent(pending.lineId(), id -> zeros());
                months[pending.fiscalMonth() - 1] = months[pending.fiscalMonth() - 1].add(amount);
                rowCounts.computeIfAbsent(pending.lineId(), id -> new long[12])[pending.fiscalMonth() - 1]++;
                progress.rowsImported++;
                progress.billed = progress.billed.add(ActualRowStore.stored(row.converted(row.billed())));
                if (row.effective() != null) {
                    progress.effective = progress.effective.add(ActualRowStore.stored(row.converted(row.effective())));
                }
                if (row.list() != null) {
                    progress.list = progress.list.add(ActualRowStore.stored(row.converted(row.list())));
                }
                if (pending.lineId().equals(unallocated)) {
                    progress.rowsUnallocated++;
                    progress.unallocated = progress.unallocated.add(amount);
                }
            }
        }

        private void apply(ImportTarget target) {
            Map<UUID, String> codes = new HashMap<>();
            target.linesByCode().forEach((code, id) -> codes.put(id, code));
            codes.put(target.unallocatedLineId(), "UNALLOCATED");
            String description = job.format() + " import of " + job.fileName();
            ledger.recordImportedActuals(job.importId(), target.budgetId(), amounts, job.actorId(), job.actorName(),
                    description.length() > 500 ? description.substring(0, 500) : description);
            amounts.forEach((lineId, months) -> {
                long[] counts = rowCounts.get(lineId);
                for (int m = 0; m < 12; m++) {
                    if (counts[m] > 0) {
                        jobs.total(job.orgId(), job.importId(), lineId, codes.getOrDefault(lineId, "?"), m + 1, months[m], counts[m]);
                    }
                }
            });
        }

        /** Progress and rejected rows so far, in a transaction of their own, so that polls see them now. */
        private void report() {
            lastProgress = System.nanoTime();
            List<RejectionView> pending = List.copyOf(rejections);
            rejections.clear();
            separateTx.executeWithoutResult(s -> {
                jobs.reject(job.orgId(), job.importId(), pending);
                jobs.progress(job.importId(), progress);
            });
        }

        void saveRejections() {
            if (rejections.isEmpty()) {
                return;
            }
            List<RejectionView> pending = List.copyOf(rejections);
            rejections.clear();
            separateTx.executeWithoutResult(s -> jobs.reject(job.orgId(), job.importId(), pending));
        }
    }

    /**
     * Reads the file, checks each row, picks its line and month, and hands rows on in chunks of a batch. At most a few
     * chunks wait at a time, so memory stays bounded whatever the size of the file.
     */
    private final class FileReader implements Runnable {
        final java.util.concurrent.BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(4);
        volatile boolean stopped;
        private final Job job;
        private final CostFormat format;
        private final RuleBook book;
        private final ImportTarget target;
        private List<PendingRow> rows = new ArrayList<>();
        private List<RejectionView> rejections = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private long rowsRead;
        private long rejected;
        private long duplicates;
        private long storedRejections;
        private long bytesRead;

        FileReader(Job job, CostFormat format, RuleBook book, ImportTarget target) {
            this.job = job;
            this.format = format;
            this.book = book;
            this.target = target;
        }

        @Override
        public void run() {
            String failure = null;
            try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(job.file()));
                    CsvReader csv = new CsvReader(utf8(counted), format.delimiter(), MAX_RECORD_CHARS)) {
                read(csv, counted);
            } catch (CsvReader.Broken e) {
                failure = "Line " + e.line() + ": " + e.getMessage() + ". Nothing was imported.";
            } catch (CharacterCodingException e) {
                failure = "The file is not UTF-8 text (near byte " + bytesRead + "). Save it as UTF-8 CSV; nothing was imported.";
            } catch (ImportFailure e) {
                failure = e.getMessage() + " Nothing was imported.";
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                failure = "The uploaded file could not be read (" + e.getMessage() + "). Nothing was imported.";
            } catch (RuntimeException e) {
                log.error("Reading the file of cost import {} failed", job.importId(), e);
                failure = "The file could not be read; nothing was imported.";
            }
            try {
                send(failure, true);
            } catch (InterruptedException e) {
                // The writer has stopped; nobody waits for the end.
            }
        }

        private void read(CsvReader csv, CountingInputStream counted)
                throws IOException, CsvReader.Broken, ImportFailure, InterruptedException {
            CsvReader.Record header = csv.next();
            if (header == null) {
                throw new ImportFailure("The file is empty.");
            }
            if (header.problem() != null) {
                throw new ImportFailure("The header line is malformed: " + header.problem() + ".");
            }
            format.header(List.copyOf(header.values()));
            CsvReader.Record record;
            while ((record = csv.next()) != null) {
                rowsRead++;
                if (record.problem() != null) {
                    reject(record, "bad quoting: " + record.problem());
                } else {
                    accept(record);
                }
                if (rows.size() >= settings.batchSize() || rejections.size() >= 1000) {
                    bytesRead = counted.count();
                    send(null, false);
                }
            }
            bytesRead = counted.count();
        }

        private void accept(CsvReader.Record record) {
            CostRow row;
            try {
                row = format.row(record);
            } catch (CellValues.Bad e) {
                reject(record, e.getMessage());
                return;
            }
            int month = target.fiscalMonthOf(row.date());
            if (month < 1 || month > 12) {
                reject(record, format.dateColumn() + " " + row.date() + " is outside fiscal year " + target.fiscalYear() + " ("
                        + target.firstDay() + " to " + target.lastDay() + ")");
                return;
            }
            MappingRuleView rule;
            try {
                rule = book.match(row).orElse(null);
            } catch (RuleBook.BadTags e) {
                reject(record, e.getMessage());
                return;
            }
            UUID lineId = null;
            if (row.lineCode() != null) {
                lineId = target.linesByCode().get(row.lineCode());
            }
            if (lineId == null && rule != null) {
                lineId = target.linesByCode().get(rule.lineCode());
            }
            if (lineId == null) {
                lineId = target.unallocatedLineId();
            }
            // The same row twice in one batch: the database would not tell which one it kept.
            if (!keys.add(row.dedupeKey())) {
                duplicates++;
                return;
            }
            rows.add(new PendingRow(row, lineId, rule == null ? null : rule.id(), month));
        }

        private void reject(CsvReader.Record record, String reason) {
            rejected++;
            if (storedRejections < settings.maxStoredRejections()) {
                storedRejections++;
                rejections.add(new RejectionView(record.line(), reason, Csv.line(record.values(), ',', 500)));
            }
        }

        private void send(@Nullable String failure, boolean last) throws InterruptedException {
            Chunk chunk = new Chunk(rows, rejections, rowsRead, rejected, duplicates, bytesRead, failure, last);
            rows = new ArrayList<>(settings.batchSize());
            rejections = new ArrayList<>();
            keys.clear();
            rowsRead = 0;
            rejected = 0;
            duplicates = 0;
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (stopped) {
                    throw new InterruptedException();
                }
            }
        }
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] months = new BigDecimal[12];
        java.util.Arrays.fill(months, BigDecimal.ZERO);
        return months;
    }

    private static InputStreamReader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Tells the database this node still works on its imports, including those waiting in the queue. */
    @Scheduled(fixedDelayString = "${opencio.cost-imports.heartbeat:20s}")
    void heartbeat() {
        jobs.heartbeat(List.copyOf(owned));
    }

    /** Imports whose node stopped without finishing them are failed (their transaction was rolled back). */
    @Scheduled(fixedDelayString = "${opencio.cost-imports.sweep:60s}")
    @SchedulerLock(name = "cost-imports-sweep")
    void failAbandoned() {
        int failed = jobs.failStale(Instant.now().minus(settings.staleAfter()),
                "The import was interrupted (its server stopped) before it finished; nothing was imported. Upload the file again.");
        if (failed > 0) {
            log.warn("{} cost imports were interrupted and marked failed", failed);
        }
    }

    /**
     * Files left behind by a run that stopped belong to imports that ended with it. Only day-old ones are removed: another
     * instance on the same machine may share the folder and be importing right now.
     */
    private static void clearStaging(Path staging) throws IOException {
        java.nio.file.attribute.FileTime dayAgo = java.nio.file.attribute.FileTime.from(Instant.now().minus(java.time.Duration.ofDays(1)));
        try (var files = Files.list(staging)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("import-") && Files.getLastModifiedTime(file).compareTo(dayAgo) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Bytes read so far from the file, for the progress bar. */
    static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}

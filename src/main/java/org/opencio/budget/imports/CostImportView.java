package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import job and its report: how far it got, how many rows were read, imported, skipped as already imported
 * (duplicates), rejected and unallocated, and the money it recorded. Amounts are in the budget's currency.
 */
public record CostImportView(
        UUID id,
        CostImportFormat format,
        String fileName,
        long fileBytes,
        int fiscalYear,
        String currency,
        boolean strict,
        CostImportStatus status,
        int progressPercent,
        long rowsRead,
        long rowsImported,
        long rowsDuplicate,
        long rowsRejected,
        long rowsUnallocated,
        BigDecimal billedTotal,
        BigDecimal unallocatedTotal,
        BigDecimal effectiveTotal,
        BigDecimal listTotal,
        @Nullable String failure,
        @Nullable GlMapping mapping,
        String createdByName,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {}

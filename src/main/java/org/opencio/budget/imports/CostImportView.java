package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import job and its report: how far it got, how many rows were read, imported, skipped as already imported
 * (duplicates), rejected and unallocated, and the money it recorded. Amounts are in the budget's currency, converted
 * where the file's was another. {@code measure} says which cost became the actual (a FOCUS file's BilledCost or
 * EffectiveCost; BILLED for a GL export's one amount); billed, effective and list totals are reported all the same, and
 * the unallocated total is in the measure recorded.
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
        @Nullable Instant finishedAt,
        CostMeasure measure) {

    /** The total the budget received: the billed or the effective cost, as the import's measure says. */
    public BigDecimal recordedTotal() {
        return measure == CostMeasure.EFFECTIVE ? effectiveTotal : billedTotal;
    }
}

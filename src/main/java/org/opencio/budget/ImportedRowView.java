package org.opencio.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One imported cost row behind a line's actual money, as its file gave it: {@code originalAmount} in
 * {@code currency} (the import's measure, BilledCost or EffectiveCost), the {@code rate} that converted it (null when
 * the file's currency is the budget's) and the {@code amount} it added to the budget, before the month's total was
 * rounded. {@code sourceLine} is its line in the file.
 */
public record ImportedRowView(
        UUID importId,
        String fileName,
        long sourceLine,
        LocalDate chargeDate,
        @Nullable String provider,
        @Nullable String service,
        @Nullable String subAccount,
        @Nullable String chargeCategory,
        @Nullable String account,
        BigDecimal originalAmount,
        String currency,
        @Nullable BigDecimal rate,
        BigDecimal amount) {}

package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Renewing a term by hand: what the new term changes. Whatever is left empty is carried over, except the dates: the
 * new term starts the day after the old one ends and lasts the renewal term (or as long as the old term). The annual
 * value is computed again from the total unless given.
 */
public record RenewContract(
        @Nullable String reason,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable BigDecimal totalValue,
        @Nullable BigDecimal annualValue,
        @Nullable String currency,
        @Nullable Boolean autoRenew,
        @Nullable Integer renewalTermMonths,
        @Nullable Integer noticeAmount,
        @Nullable NoticeUnit noticeUnit,
        @Nullable BillingFrequency billingFrequency,
        @Nullable UUID budgetLineId,
        @Nullable String reference,
        @Nullable String slaTerms) {

    public static RenewContract asBefore(@Nullable String reason) {
        return new RenewContract(reason, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

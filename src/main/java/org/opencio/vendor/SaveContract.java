package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contract as entered: for a new one, and for a change (where only the fields the request names change). Leave
 * {@code annualValue} empty to have it computed from the total and the term; {@code noticeUnit} is DAYS or MONTHS.
 */
public record SaveContract(
        @Nullable UUID vendorId,
        @Nullable String title,
        @Nullable ContractType type,
        @Nullable String reference,
        @Nullable UUID ownerId,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable Boolean autoRenew,
        @Nullable Integer renewalTermMonths,
        @Nullable Integer noticeAmount,
        @Nullable NoticeUnit noticeUnit,
        @Nullable BigDecimal totalValue,
        @Nullable BigDecimal annualValue,
        @Nullable String currency,
        @Nullable BillingFrequency billingFrequency,
        @Nullable UUID budgetLineId,
        @Nullable String slaTerms) {

    /** The JSON names of the fields, for changes that name some of them. */
    public static final java.util.List<String> FIELDS = java.util.List.of("vendorId", "title", "type", "reference", "ownerId",
            "startDate", "endDate", "autoRenew", "renewalTermMonths", "noticeAmount", "noticeUnit", "totalValue", "annualValue",
            "currency", "billingFrequency", "budgetLineId", "slaTerms");
}

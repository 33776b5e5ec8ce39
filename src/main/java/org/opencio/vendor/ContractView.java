package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One contract term as people and scripts read it. {@code noticeDeadline} is the last day notice can be given,
 * {@code nextRenewalDate} the day an auto-renewing contract renews, {@code daysToNoticeDeadline} counts from today in
 * the organization's time zone. {@code priceChange} compares the annual value with the previous term's.
 */
public record ContractView(
        UUID id,
        UUID vendorId,
        String vendorName,
        String title,
        ContractType type,
        @Nullable String reference,
        @Nullable UUID ownerId,
        @Nullable String ownerName,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        boolean autoRenew,
        @Nullable Integer renewalTermMonths,
        @Nullable Integer noticeAmount,
        @Nullable NoticeUnit noticeUnit,
        @Nullable LocalDate noticeDeadline,
        @Nullable Long daysToNoticeDeadline,
        @Nullable LocalDate nextRenewalDate,
        BigDecimal totalValue,
        BigDecimal annualValue,
        boolean annualValueComputed,
        String currency,
        BillingFrequency billingFrequency,
        @Nullable UUID budgetLineId,
        @Nullable BigDecimal budgetCommitted,
        @Nullable LocalDate budgetReleasedOn,
        @Nullable String slaTerms,
        ContractStatus status,
        int termNumber,
        @Nullable UUID previousTermId,
        @Nullable UUID nextTermId,
        @Nullable PriceChange priceChange,
        @Nullable LocalDate terminatedOn,
        @Nullable String terminationReason,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * The annual value against the previous term's: {@code amount} = this − previous, {@code percent} of the previous
     * value rounded to one decimal (absent when the previous value was zero).
     */
    public record PriceChange(BigDecimal previousAnnualValue, BigDecimal amount, @Nullable BigDecimal percent) {}
}

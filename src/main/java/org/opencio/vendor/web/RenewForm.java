package org.opencio.vendor.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.vendor.BillingFrequency;
import org.opencio.vendor.NoticeUnit;
import org.opencio.vendor.RenewContract;
import org.springframework.format.annotation.DateTimeFormat;

/** The renewal form: the new term's dates, price and terms, prefilled with a renewal on the same terms. */
record RenewForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endDate,
        @Nullable String totalValue,
        @Nullable String annualValue,
        @Nullable String currency,
        @Nullable Boolean autoRenew,
        @Nullable Integer renewalTermMonths,
        @Nullable Integer noticeAmount,
        @Nullable NoticeUnit noticeUnit,
        @Nullable BillingFrequency billingFrequency,
        @Nullable UUID budgetLineId,
        @Nullable String reason) {

    static RenewForm of(RenewContract p) {
        return new RenewForm(p.startDate(), p.endDate(), ContractPages.plain(p.totalValue()), null, p.currency(), p.autoRenew(),
                p.renewalTermMonths(), p.noticeAmount(), p.noticeUnit() == null ? NoticeUnit.MONTHS : p.noticeUnit(), p.billingFrequency(),
                p.budgetLineId(), null);
    }

    RenewContract toCommand() {
        return new RenewContract(reason, startDate, endDate, ContractPages.amount("totalValue", totalValue),
                ContractPages.amount("annualValue", annualValue), currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                Boolean.TRUE.equals(autoRenew), renewalTermMonths, noticeAmount == null ? 0 : noticeAmount, noticeUnit, billingFrequency,
                budgetLineId, null, null);
    }
}

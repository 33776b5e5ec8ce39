package org.opencio.vendor.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.vendor.BillingFrequency;
import org.opencio.vendor.ContractType;
import org.opencio.vendor.ContractView;
import org.opencio.vendor.NoticeUnit;
import org.opencio.vendor.SaveContract;
import org.springframework.format.annotation.DateTimeFormat;

/** The add/edit form of a contract as typed: amounts stay text until read in the organization's number format. */
record ContractForm(
        @Nullable UUID vendorId,
        @Nullable String title,
        @Nullable ContractType type,
        @Nullable String reference,
        @Nullable UUID ownerId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endDate,
        @Nullable Boolean autoRenew,
        @Nullable Integer renewalTermMonths,
        @Nullable Integer noticeAmount,
        @Nullable NoticeUnit noticeUnit,
        @Nullable String totalValue,
        @Nullable String annualValue,
        @Nullable String currency,
        @Nullable BillingFrequency billingFrequency,
        @Nullable UUID budgetLineId,
        @Nullable String slaTerms) {

    static ContractForm empty(String currency) {
        return new ContractForm(null, null, ContractType.SAAS_SUBSCRIPTION, null, null, null, null, false, 12, null, NoticeUnit.MONTHS,
                null, null, currency, BillingFrequency.ANNUALLY, null, null);
    }

    static ContractForm of(ContractView c) {
        return new ContractForm(c.vendorId(), c.title(), c.type(), c.reference(), c.ownerId(), c.startDate(), c.endDate(), c.autoRenew(),
                c.renewalTermMonths(), c.noticeAmount(), c.noticeUnit() == null ? NoticeUnit.MONTHS : c.noticeUnit(), ContractPages.plain(c.totalValue()),
                c.annualValueComputed() ? null : ContractPages.plain(c.annualValue()), c.currency(), c.billingFrequency(), c.budgetLineId(),
                c.slaTerms());
    }

    SaveContract toCommand() {
        return new SaveContract(vendorId, title, type, reference, ownerId, startDate, endDate, Boolean.TRUE.equals(autoRenew),
                renewalTermMonths, noticeAmount, noticeAmount == null || noticeAmount == 0 ? null : noticeUnit,
                ContractPages.amount("totalValue", totalValue), ContractPages.amount("annualValue", annualValue),
                currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT), billingFrequency, budgetLineId, slaTerms);
    }
}

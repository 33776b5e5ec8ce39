package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notice deadlines, renewals, term lengths and annual values across month ends and leap years. */
class ContractDatesTests {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aNoticePeriodInMonthsIsClampedAtTheEndOfAShorterMonth() {
        assertThat(ContractDates.noticeDeadline(d("2028-05-31"), 3, NoticeUnit.MONTHS, true)).isEqualTo(d("2028-02-29"));
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), 3, NoticeUnit.MONTHS, true)).isEqualTo(d("2027-02-28"));
        assertThat(ContractDates.noticeDeadline(d("2027-03-31"), 1, NoticeUnit.MONTHS, false)).isEqualTo(d("2027-02-28"));
        assertThat(ContractDates.noticeDeadline(d("2027-12-31"), 6, NoticeUnit.MONTHS, true)).isEqualTo(d("2027-06-30"));
        assertThat(ContractDates.noticeDeadline(d("2027-06-15"), 12, NoticeUnit.MONTHS, true)).isEqualTo(d("2026-06-15"));
    }

    @Test
    void aNoticePeriodInDaysCountsCalendarDaysAcrossLeapDays() {
        assertThat(ContractDates.noticeDeadline(d("2028-03-01"), 1, NoticeUnit.DAYS, true)).isEqualTo(d("2028-02-29"));
        assertThat(ContractDates.noticeDeadline(d("2027-03-01"), 1, NoticeUnit.DAYS, true)).isEqualTo(d("2027-02-28"));
        assertThat(ContractDates.noticeDeadline(d("2028-05-31"), 90, NoticeUnit.DAYS, true)).isEqualTo(d("2028-03-02"));
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), 90, NoticeUnit.DAYS, true)).isEqualTo(d("2027-03-02"));
        // Ninety days and three months are not the same deadline.
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), 90, NoticeUnit.DAYS, true))
                .isNotEqualTo(ContractDates.noticeDeadline(d("2027-05-31"), 3, NoticeUnit.MONTHS, true));
    }

    @Test
    void withoutANoticePeriodOnlyAnAutoRenewingContractHasADeadline() {
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), null, null, true)).isEqualTo(d("2027-05-31"));
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), 0, NoticeUnit.DAYS, true)).isEqualTo(d("2027-05-31"));
        assertThat(ContractDates.noticeDeadline(d("2027-05-31"), null, null, false)).isNull();
        assertThat(ContractDates.noticeDeadline(null, 3, NoticeUnit.MONTHS, true)).isNull();
    }

    @Test
    void theNextRenewalIsTheDayAfterTheEndOfAnAutoRenewingTerm() {
        assertThat(ContractDates.nextRenewalDate(d("2028-02-28"), true)).isEqualTo(d("2028-02-29"));
        assertThat(ContractDates.nextRenewalDate(d("2027-12-31"), true)).isEqualTo(d("2028-01-01"));
        assertThat(ContractDates.nextRenewalDate(d("2027-12-31"), false)).isNull();
        assertThat(ContractDates.nextRenewalDate(null, true)).isNull();
    }

    @Test
    void aRenewedTermKeepsToMonthEnds() {
        assertThat(ContractDates.renewedEnd(d("2028-05-31"), 12)).isEqualTo(d("2029-05-31"));
        assertThat(ContractDates.renewedEnd(d("2028-02-29"), 12)).isEqualTo(d("2029-02-28"));
        assertThat(ContractDates.renewedEnd(d("2031-02-28"), 12)).isEqualTo(d("2032-02-29"));
        // 28 February of a leap year is not a month end: the day is kept.
        assertThat(ContractDates.renewedEnd(d("2028-02-28"), 12)).isEqualTo(d("2029-02-28"));
        assertThat(ContractDates.renewedEnd(d("2027-06-30"), 1)).isEqualTo(d("2027-07-31"));
        assertThat(ContractDates.renewedEnd(d("2027-01-14"), 1)).isEqualTo(d("2027-02-14"));
        assertThat(ContractDates.renewedEnd(d("2027-01-30"), 1)).isEqualTo(d("2027-02-28"));
    }

    @Test
    void aTermIsMeasuredInWholeMonthsWhenItHasThemAndInDaysOtherwise() {
        assertThat(ContractDates.wholeMonths(d("2027-01-01"), d("2027-12-31"))).hasValue(12);
        assertThat(ContractDates.wholeMonths(d("2028-01-01"), d("2028-12-31"))).hasValue(12);
        assertThat(ContractDates.wholeMonths(d("2027-03-01"), d("2028-02-29"))).hasValue(12);
        assertThat(ContractDates.wholeMonths(d("2028-02-29"), d("2029-02-28"))).hasValue(12);
        assertThat(ContractDates.wholeMonths(d("2026-02-01"), d("2026-02-28"))).hasValue(1);
        assertThat(ContractDates.wholeMonths(d("2027-06-15"), d("2030-06-14"))).hasValue(36);
        assertThat(ContractDates.wholeMonths(d("2027-01-01"), d("2027-01-10"))).isEmpty();
        assertThat(ContractDates.days(d("2028-01-01"), d("2028-12-31"))).isEqualTo(366);
    }

    @Test
    void theAnnualValueFollowsTheTermLengthAndTheCurrencysMinorUnit() {
        assertThat(ContractDates.annualValue(new BigDecimal("36000"), d("2027-01-01"), d("2029-12-31"), "EUR"))
                .isEqualByComparingTo("12000.00");
        assertThat(ContractDates.annualValue(new BigDecimal("6000"), d("2027-01-01"), d("2027-06-30"), "EUR"))
                .isEqualByComparingTo("12000.00");
        // A leap year of whole months is a year, not 366/365 of one.
        assertThat(ContractDates.annualValue(new BigDecimal("1000"), d("2028-01-01"), d("2028-12-31"), "EUR"))
                .isEqualByComparingTo("1000.00");
        // 100 over 3 months: 400.00; 1000 over 7 months: 1714.285… → 1714.29 (half-even).
        assertThat(ContractDates.annualValue(new BigDecimal("1000"), d("2027-01-01"), d("2027-07-31"), "EUR"))
                .isEqualByComparingTo("1714.29");
        // Ten days of 100: 100 × 365 / 10.
        assertThat(ContractDates.annualValue(new BigDecimal("100"), d("2027-01-01"), d("2027-01-10"), "USD"))
                .isEqualByComparingTo("3650.00");
        assertThat(ContractDates.annualValue(new BigDecimal("1000"), d("2027-01-01"), d("2027-07-31"), "JPY"))
                .isEqualByComparingTo("1714");
        assertThat(ContractDates.annualValue(new BigDecimal("500"), d("2027-01-01"), null, "EUR")).isEqualByComparingTo("500");
    }

    @Test
    void aContractIsExpiringWhileItsDecisionDateIsWithinTheWindow() {
        LocalDate today = d("2027-03-01");
        // Auto-renewing: the notice deadline counts, and only until it has passed.
        assertThat(ContractDates.expiring(d("2027-05-30"), d("2027-12-31"), true, today, 90)).isTrue();
        assertThat(ContractDates.expiring(d("2027-05-31"), d("2027-12-31"), true, today, 90)).isFalse();
        assertThat(ContractDates.expiring(d("2027-02-28"), d("2027-03-31"), true, today, 90)).isFalse();
        // Not renewing: the end date counts.
        assertThat(ContractDates.expiring(d("2026-12-31"), d("2027-04-30"), false, today, 90)).isTrue();
        assertThat(ContractDates.expiring(null, d("2027-03-01"), false, today, 0)).isTrue();
        assertThat(ContractDates.expiring(null, null, false, today, 90)).isFalse();
    }

    @Test
    void onlyTheLatestReminderThresholdReachedIsDue() {
        LocalDate deadline = d("2027-06-30");
        List<Integer> thresholds = List.of(90, 60, 30);
        assertThat(ContractDates.dueReminder(deadline, deadline.minusDays(91), thresholds)).isEmpty();
        assertThat(ContractDates.dueReminder(deadline, deadline.minusDays(90), thresholds)).hasValue(90);
        assertThat(ContractDates.dueReminder(deadline, deadline.minusDays(61), thresholds)).hasValue(90);
        assertThat(ContractDates.dueReminder(deadline, deadline.minusDays(45), thresholds)).hasValue(60);
        assertThat(ContractDates.dueReminder(deadline, deadline.minusDays(12), thresholds)).hasValue(30);
        assertThat(ContractDates.dueReminder(deadline, deadline, thresholds)).hasValue(30);
        assertThat(ContractDates.dueReminder(deadline, deadline.plusDays(1), thresholds)).isEmpty();
    }

    @Test
    void theDecisionDateIsTheNoticeDeadlineOrTheEndOfAContractThatEnds() {
        assertThat(ContractDates.decisionDate(d("2027-03-31"), d("2027-06-30"), true)).isEqualTo(d("2027-03-31"));
        assertThat(ContractDates.decisionDate(null, d("2027-06-30"), false)).isEqualTo(d("2027-06-30"));
        assertThat(ContractDates.decisionDate(null, null, false)).isNull();
    }
}

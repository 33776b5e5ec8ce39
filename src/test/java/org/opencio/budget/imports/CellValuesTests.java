package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellValuesTests {

    @Test
    void emptyCellsAndTheNullTokenAreNull() {
        assertThat(CellValues.text("")).isNull();
        assertThat(CellValues.text("   ")).isNull();
        assertThat(CellValues.text("NULL")).isNull();
        assertThat(CellValues.text("null")).isNull();
        assertThat(CellValues.text(" EC2 ")).isEqualTo("EC2");
        assertThat(CellValues.text("=1+2")).isEqualTo("=1+2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12.5|12.5", "-0.0000001234|-0.0000001234", "1E-7|1E-7", "+3|3", ".5|0.5",
        "$10,000.00 |10000.00", "\"$1,234,567.891\"|1234567.891", "(1,234.50)|-1234.50", "-$5.00|-5.00", "€ 7.10|7.10", "10 $|10"})
    void readsPlainAndCurrencyFormattedDecimals(String value, String expected) throws Exception {
        assertThat(CellValues.decimal(value.replace("\"", ""), "BilledCost", false)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12,5|decimal comma", "1.234,56|decimal comma", "1,23,4|not a decimal number", "abc|not a decimal number",
        "1.2.3|not a decimal number", "12-3|not a decimal number", "--5|not a decimal number", "1234567890123456|too large",
        "=1+2|not a decimal number"})
    void refusesDecimalsItCouldOnlyGuess(String value, String reason) {
        assertThatThrownBy(() -> CellValues.decimal(value, "BilledCost", false))
                .isInstanceOf(CellValues.Bad.class)
                .hasMessageContaining("BilledCost")
                .hasMessageContaining(reason);
    }

    @Test
    void readsDecimalCommasWhenThePersonSaysSo() throws Exception {
        assertThat(CellValues.decimal("1.234,56", "Betrag", true)).isEqualByComparingTo("1234.56");
        assertThat(CellValues.decimal("-100,00", "Betrag", true)).isEqualByComparingTo("-100");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-08-02T19:00:00Z|2026-08-02|1785697200", "2026-08-02T19:00:00.123Z|2026-08-02|1785697200",
        "2026-08-02T21:00:00+02:00|2026-08-02|1785697200", "2026-08-02 19:00:00|2026-08-02|1785697200",
        "2026-08-02T19:00|2026-08-02|1785697200", "2026-08-02|2026-08-02|1785628800", "8/2/26|2026-08-02|1785628800",
        "8/2/2026 19:00|2026-08-02|1785697200"})
    void readsRfc3339IsoAndFocusSampleDates(String value, String date, long epochSecond) throws Exception {
        CellValues.Stamp stamp = CellValues.stamp(value, "ChargePeriodStart", DateOrder.ISO);
        assertThat(stamp.date()).isEqualTo(LocalDate.parse(date));
        assertThat(stamp.epochSecond()).isEqualTo(epochSecond);
    }

    @Test
    void theDateOfAnOffsetTimeIsTheOneWritten() throws Exception {
        // Midnight of September 1 in Berlin is still August in UTC; the bill means September.
        assertThat(CellValues.stamp("2026-09-01T00:00:00+02:00", "ChargePeriodStart", DateOrder.ISO).date())
                .isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "02.08.2026|not a date", "Aug 2, 2026|not a date", "13/2/26|no month 13", "2026-02-30|not a date",
        "2026-08-02T19:00:00 CEST|not a date", "20260802|not a date", "8/2/226|not a date"})
    void refusesDatesInOtherForms(String value, String reason) {
        assertThatThrownBy(() -> CellValues.stamp(value, "ChargePeriodStart", DateOrder.ISO))
                .isInstanceOf(CellValues.Bad.class)
                .hasMessageContaining(reason);
    }

    @Test
    void readsDayFirstDatesWhenThePersonSaysSo() throws Exception {
        assertThat(CellValues.stamp("02.08.2026", "Datum", DateOrder.DMY).date()).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(CellValues.stamp("2/8/26", "Datum", DateOrder.DMY).date()).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(CellValues.stamp("2026-08-02", "Datum", DateOrder.DMY).date()).isEqualTo(LocalDate.of(2026, 8, 2));
    }
}

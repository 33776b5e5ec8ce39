package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessDaysTests {

    // 2030-01-07 is a Monday.
    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);

    @Test
    void theDaysAfterTheStartCountUpToToday() {
        assertThat(BusinessDays.waited(MONDAY, MONDAY)).isZero();
        assertThat(BusinessDays.waited(MONDAY, MONDAY.plusDays(1))).isEqualTo(1);
        assertThat(BusinessDays.waited(MONDAY, MONDAY.plusDays(3))).isEqualTo(3);
        assertThat(BusinessDays.waited(MONDAY, MONDAY.minusDays(2))).isZero();
    }

    @Test
    void saturdaysAndSundaysDoNotCount() {
        LocalDate friday = MONDAY.plusDays(4);
        assertThat(BusinessDays.waited(friday, friday.plusDays(1))).isZero();
        assertThat(BusinessDays.waited(friday, friday.plusDays(2))).isZero();
        assertThat(BusinessDays.waited(friday, friday.plusDays(3))).isEqualTo(1);
        // A step started on a Saturday has waited one business day on the Monday.
        assertThat(BusinessDays.waited(friday.plusDays(1), friday.plusDays(3))).isEqualTo(1);
        assertThat(BusinessDays.waited(MONDAY, MONDAY.plusDays(7))).isEqualTo(5);
        assertThat(BusinessDays.waited(MONDAY, MONDAY.plusDays(14 + 4))).isEqualTo(14);
        assertThat(BusinessDays.waited(friday, friday.plusDays(7 * 10 + 3))).isEqualTo(51);
    }
}

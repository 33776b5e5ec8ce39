package org.opencio.budget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencio.shared.InvalidInputException;

class MonthPasteTests {

    @Test
    void aSpreadsheetRowIsTabSeparatedInTheOrganizationsFormat() {
        List<BigDecimal> months = MonthPaste.parse("1.000,50\t2.000\t0\t\t5\t6\t7\t8\t9\t10\t11\t12\t", "paste", Locale.GERMANY);
        assertThat(months).hasSize(12);
        assertThat(months.get(0)).isEqualByComparingTo("1000.50");
        assertThat(months.get(1)).isEqualByComparingTo("2000");
        assertThat(months.get(3)).isEqualByComparingTo("0");
        assertThat(months.get(11)).isEqualByComparingTo("12");
    }

    @Test
    void csvRowsAndColumnsWorkToo() {
        assertThat(MonthPaste.parse("1;2;3;4;5;6;7;8;9;10;11;12,5", "paste", Locale.GERMANY).get(11)).isEqualByComparingTo("12.5");
        assertThat(MonthPaste.parse("1,2,3,4,5,6,7,8,9,10,11,12.5", "paste", Locale.UK).get(11)).isEqualByComparingTo("12.5");
        assertThat(MonthPaste.parse("1,200 1,300 1 2 3 4 5 6 7 8 9 10", "paste", Locale.UK).get(1)).isEqualByComparingTo("1300");
        assertThat(MonthPaste.parse("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "paste", Locale.UK).get(0)).isEqualByComparingTo("1");
    }

    @Test
    void anythingButTwelveNumbersIsRefusedNamingTheField() {
        assertThatThrownBy(() -> MonthPaste.parse("1\t2\t3", "paste", Locale.UK))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("paste"))
                .hasMessageContaining("found 3");
        assertThatThrownBy(() -> MonthPaste.parse("1\t2\tthree\t4\t5\t6\t7\t8\t9\t10\t11\t12", "paste", Locale.UK))
                .hasMessageContaining("amount 3");
        assertThatThrownBy(() -> MonthPaste.parse("  ", "paste", Locale.UK)).isInstanceOf(InvalidInputException.class);
    }
}

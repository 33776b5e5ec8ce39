package org.opencio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmountsTests {

    private static final Locale GERMAN = Locale.GERMANY;
    private static final Locale ENGLISH = Locale.UK;

    @Test
    void readsTheOrganizationsNumberFormat() {
        assertThat(Amounts.parse("1.234,50", GERMAN)).isEqualByComparingTo("1234.50");
        assertThat(Amounts.parse("1,234.50", ENGLISH)).isEqualByComparingTo("1234.50");
        assertThat(Amounts.parse("€ 1.234.567", GERMAN)).isEqualByComparingTo("1234567");
        assertThat(Amounts.parse("1 234,5 EUR", Locale.FRANCE)).isEqualByComparingTo("1234.5");
        assertThat(Amounts.parse("1’234.50", Locale.forLanguageTag("de-CH"))).isEqualByComparingTo("1234.50");
        assertThat(Amounts.parse("(120)", ENGLISH)).isEqualByComparingTo("-120");
        assertThat(Amounts.parse("  ", ENGLISH)).isNull();
    }

    @Test
    void aSeparatorThatCannotBeGroupingIsTheDecimalPoint() {
        assertThat(Amounts.parse("83.34", GERMAN)).isEqualByComparingTo("83.34");
        assertThat(Amounts.parse("83,34", ENGLISH)).isEqualByComparingTo("83.34");
        assertThat(Amounts.parse("1.234", GERMAN)).isEqualByComparingTo("1234");
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThatThrownBy(() -> Amounts.parse("12abc3!", ENGLISH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.parse("1,2,3", GERMAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.parse("1.2.3,4,5", GERMAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.parse("=1+1", ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.opencio.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** An amount in an ISO 4217 currency. Arithmetic refuses to mix currencies; rounding is always explicit. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Currency.getInstance(currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        same(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        same(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Rounded half-even to the currency's minor unit (cents; none for JPY). */
    public Money rounded() {
        return new Money(amount.setScale(fractionDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    public static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private void same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }
}

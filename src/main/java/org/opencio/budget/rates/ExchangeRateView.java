package org.opencio.budget.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An exchange rate: one unit of {@code currency} is worth {@code rate} units of {@code baseCurrency} (the
 * organization's base currency when the rate was entered) from {@code validFrom} until the next rate of the same
 * currency. Archived rates convert nothing any more; money converted with them keeps the rate it used.
 */
public record ExchangeRateView(
        UUID id,
        String currency,
        String baseCurrency,
        BigDecimal rate,
        LocalDate validFrom,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        long version) {}

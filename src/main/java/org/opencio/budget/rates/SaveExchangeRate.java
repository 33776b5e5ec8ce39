package org.opencio.budget.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A new exchange rate, or the changed one: the currency, its rate to the organization's base currency, from when. */
public record SaveExchangeRate(@Nullable String currency, @Nullable BigDecimal rate, @Nullable LocalDate validFrom) {}

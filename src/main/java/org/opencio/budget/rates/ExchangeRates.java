package org.opencio.budget.rates;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRates extends JpaRepository<ExchangeRate, UUID> {

    boolean existsByCurrencyAndBaseCurrencyAndValidFromAndArchivedFalseAndIdNot(
            String currency, String baseCurrency, LocalDate validFrom, UUID id);
}

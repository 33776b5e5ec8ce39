package org.opencio.budget.rates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.opencio.platform.persistence.TenantEntity;

/** One unit of {@code currency} is worth {@code rate} units of {@code baseCurrency} from {@code validFrom} on. */
@Entity
@Table(name = "exchange_rates")
class ExchangeRate extends TenantEntity {

    @Column(nullable = false)
    private String currency;

    @Column(name = "base_currency", nullable = false, updatable = false)
    private String baseCurrency;

    @Column(nullable = false)
    private BigDecimal rate;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(nullable = false)
    private boolean archived;

    protected ExchangeRate() {}

    ExchangeRate(String currency, String baseCurrency, BigDecimal rate, LocalDate validFrom) {
        this.baseCurrency = baseCurrency;
        change(currency, rate, validFrom);
    }

    void change(String currency, BigDecimal rate, LocalDate validFrom) {
        this.currency = currency;
        this.rate = rate;
        this.validFrom = validFrom;
    }

    void archive() {
        this.archived = true;
    }

    boolean archived() {
        return archived;
    }

    String currency() {
        return currency;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    ExchangeRateView view() {
        return new ExchangeRateView(getId(), currency, baseCurrency, rate, validFrom, archived, createdAt(), updatedAt(), version());
    }
}

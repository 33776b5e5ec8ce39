package org.opencio.budget.rates;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.OrganizationManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange rates of an organization, into its base currency, each valid from a date until the next one of the same
 * currency. Money recorded in another currency than a budget's is converted with the rate valid on its date; the rate
 * used stays with the money, so changing or archiving a rate later changes nothing already recorded. Everyone who
 * reads the budget sees the rates; those who record actuals keep them.
 */
@Service
public class ExchangeRateManagement {

    static final Map<String, String> SORTS = Map.of("validFrom", "valid_from", "currency", "currency", "id", "id");
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000000");

    private final ExchangeRates rates;
    private final OrganizationManagement organizations;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ExchangeRateManagement(ExchangeRates rates, OrganizationManagement organizations, AuditTrail audit, JdbcClient jdbc) {
        this.rates = rates;
        this.organizations = organizations;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Rates newest first (or as sorted), optionally of one currency; {@code archived} lists the archived ones instead. */
    @Transactional(readOnly = true)
    public CursorPage<ExchangeRateView> list(
            @Nullable String currency, boolean archived, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.BUDGET_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("validFrom", "currency"), "-validFrom");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        params.put("archived", archived);
        StringBuilder sql = new StringBuilder("select * from exchange_rates where org_id = :org and archived = :archived");
        if (currency != null && !currency.isBlank()) {
            sql.append(" and currency = :currency");
            params.put("currency", currency.strip().toUpperCase(Locale.ROOT));
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<ExchangeRateView> rows = jdbc.sql(sql.toString()).params(params).query(ExchangeRateManagement::view).list();
        return keyset.page(rows, request, r -> keys(request, r));
    }

    /** The currencies the organization has rates for, for filters. */
    @Transactional(readOnly = true)
    public List<String> currencies() {
        UUID orgId = Access.require(Permission.BUDGET_VIEW).orgId();
        return jdbc.sql("select distinct currency from exchange_rates where org_id = ? and archived = false order by currency")
                .param(orgId)
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public ExchangeRateView get(UUID id) {
        Access.require(Permission.BUDGET_VIEW);
        return find(id).view();
    }

    @Transactional
    public ExchangeRateView create(SaveExchangeRate command) {
        Access.require(Permission.ACTUALS_RECORD);
        String base = organizations.current().baseCurrency();
        SaveExchangeRate c = validated(command, base);
        if (rates.existsByCurrencyAndBaseCurrencyAndValidFromAndArchivedFalseAndIdNot(c.currency(), base, c.validFrom(), new UUID(0, 0))) {
            throw duplicate(c);
        }
        var rate = new ExchangeRate(c.currency(), base, c.rate(), c.validFrom());
        rates.saveAndFlush(rate);
        ExchangeRateView created = rate.view();
        audit.record("exchange-rate.created", "ExchangeRate", rate.getId(), null, created);
        return created;
    }

    @Transactional
    public ExchangeRateView update(UUID id, SaveExchangeRate command, long expectedVersion) {
        Access.require(Permission.ACTUALS_RECORD);
        ExchangeRate rate = find(id);
        Versions.check(expectedVersion, rate.version());
        if (rate.archived()) {
            throw new ConflictException("id", "the rate is archived; enter a new one instead");
        }
        SaveExchangeRate c = validated(command, rate.baseCurrency());
        if (rates.existsByCurrencyAndBaseCurrencyAndValidFromAndArchivedFalseAndIdNot(c.currency(), rate.baseCurrency(), c.validFrom(), id)) {
            throw duplicate(c);
        }
        ExchangeRateView before = rate.view();
        rate.change(c.currency(), c.rate(), c.validFrom());
        rates.saveAndFlush(rate);
        ExchangeRateView after = rate.view();
        audit.record("exchange-rate.updated", "ExchangeRate", id, before, after);
        return after;
    }

    /** Archives a rate: it converts nothing from now on. With {@code expectedVersion}, only if nobody changed it since. */
    @Transactional
    public ExchangeRateView archive(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.ACTUALS_RECORD);
        ExchangeRate rate = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, rate.version());
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        if (rate.archived()) {
            throw new ConflictException("archived", "the rate is already archived");
        }
        ExchangeRateView before = rate.view();
        rate.archive();
        rates.saveAndFlush(rate);
        ExchangeRateView after = rate.view();
        audit.record("exchange-rate.archived", "ExchangeRate", id, before, AuditTrail.withReason(after, reason));
        return after;
    }

    /**
     * The rates of the current organization into {@code target}, for converting many amounts (an import runs outside a
     * request: the caller has checked who asked).
     */
    @Transactional(readOnly = true)
    public RateBook book(String target) {
        RateBook book = new RateBook(target);
        jdbc.sql("select currency, valid_from, rate from exchange_rates where org_id = ? and base_currency = ? and archived = false")
                .params(TenantContext.requireOrgId(), target)
                .query(rs -> {
                    book.add(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                });
        return book;
    }

    private ExchangeRate find(UUID id) {
        return rates.findById(id).orElseThrow(() -> new NotFoundException("Exchange rate"));
    }

    private static ConflictException duplicate(SaveExchangeRate c) {
        return new ConflictException("validFrom", "there is already a rate for " + c.currency() + " valid from " + c.validFrom()
                + "; change that one instead");
    }

    /** The command cleaned and checked: an ISO currency other than the base, a positive rate, a date. */
    private static SaveExchangeRate validated(SaveExchangeRate c, String base) {
        String currency = c.currency() == null ? null : c.currency().strip().toUpperCase(Locale.ROOT);
        BigDecimal rate = c.rate();
        Checks checks = new Checks().currency("currency", currency).required("rate", rate).required("validFrom", c.validFrom());
        checks.rule(currency == null || !currency.equals(base), "currency", "base",
                "currency is the base currency " + base + " itself; rates convert other currencies into it");
        if (rate != null) {
            checks.rule(rate.signum() > 0, "rate", "positive", "rate must be greater than zero")
                    .rule(rate.stripTrailingZeros().scale() <= 10, "rate", "precision", "rate must have at most 10 decimals")
                    .rule(rate.compareTo(MAX_RATE) < 0, "rate", "range", "rate must be less than 1,000,000,000");
        }
        if (c.validFrom() != null) {
            checks.rule(c.validFrom().getYear() >= 1990 && c.validFrom().getYear() <= 2100, "validFrom", "range",
                    "validFrom must be a date between 1990 and 2100");
        }
        checks.throwIfAny();
        return new SaveExchangeRate(currency, rate.stripTrailingZeros().scale() < 0 ? rate.setScale(0) : rate.stripTrailingZeros(),
                c.validFrom());
    }

    private static Map<String, ?> keys(Paging.Request request, ExchangeRateView r) {
        String field = request.sort().iterator().next().getProperty();
        return switch (field) {
            case "currency" -> Map.of("currency", r.currency(), "id", r.id());
            default -> Map.of("validFrom", r.validFrom(), "id", r.id());
        };
    }

    private static ExchangeRateView view(ResultSet rs, int n) throws SQLException {
        return new ExchangeRateView(
                rs.getObject("id", UUID.class),
                rs.getString("currency"),
                rs.getString("base_currency"),
                rs.getBigDecimal("rate").stripTrailingZeros(),
                rs.getObject("valid_from", LocalDate.class),
                rs.getBoolean("archived"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}

package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.imports.CellValues.Bad;
import org.opencio.budget.imports.CellValues.Stamp;
import org.opencio.budget.rates.RateBook;

/**
 * FinOps FOCUS 1.0–1.3 cost-and-usage files. Columns are found by name in any order; unknown and {@code x_} columns are
 * ignored. The import's measure is recorded — BilledCost (cash) or EffectiveCost (amortised), see {@link CostMeasure};
 * all three costs are kept with the row as the file gives them. A BillingCurrency other than the budget's is converted
 * with the organization's exchange rate valid on the ChargePeriodStart date. A row is refused when a value the budget
 * needs is missing or unreadable, when its currency has no rate for that date, or when its charge category is not one
 * FOCUS defines.
 */
final class FocusFormat implements CostFormat {

    /** Columns the import cannot do without (FOCUS makes all of them mandatory). */
    static final List<String> REQUIRED = List.of(
            "BilledCost", "BillingCurrency", "BillingAccountId", "ChargeCategory", "ChargePeriodStart",
            "ChargePeriodEnd", "ServiceName");

    private static final Set<String> CHARGE_CATEGORIES = Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");

    private final String currency;
    private final CostMeasure measure;
    private final RateBook rates;
    private int width;
    private int billedCost;
    private int effectiveCost;
    private int listCost;
    private int billingCurrency;
    private int billingAccountId;
    private int chargeCategory;
    private int chargeClass;
    private int chargeFrequency;
    private int chargeDescription;
    private int chargePeriodStart;
    private int chargePeriodEnd;
    private int provider;
    private int serviceName;
    private int subAccountId;
    private int subAccountName;
    private int resourceId;
    private int skuId;
    private int skuPriceId;
    private int commitmentDiscountId;
    private int regionId;
    private int pricingQuantity;
    private int pricingUnit;
    private int consumedQuantity;
    private int tags;

    FocusFormat(String currency, CostMeasure measure, RateBook rates) {
        this.currency = currency;
        this.measure = measure;
        this.rates = rates;
    }

    @Override
    public char delimiter() {
        return ',';
    }

    @Override
    public String dateColumn() {
        return "ChargePeriodStart";
    }

    @Override
    public void header(List<String> names) throws ImportFailure {
        Map<String, Integer> columns = CostFormat.columns(names);
        List<String> missing = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
                missing.add(column);
            }
        }
        // FOCUS 1.3 renames ProviderName to ServiceProviderName; either will do.
        if (!columns.containsKey("providername") && !columns.containsKey("serviceprovidername")) {
            missing.add("ProviderName");
        }
        if (!missing.isEmpty()) {
            throw new ImportFailure("This is not a FOCUS file: the header lacks the mandatory column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ".");
        }
        if (measure == CostMeasure.EFFECTIVE && !columns.containsKey("effectivecost")) {
            throw new ImportFailure("This import records EffectiveCost, but the header has no EffectiveCost column "
                    + "(FOCUS makes it mandatory). Import the file with BilledCost, or export it again with EffectiveCost.");
        }
        width = names.size();
        billedCost = columns.get("billedcost");
        billingCurrency = columns.get("billingcurrency");
        billingAccountId = columns.get("billingaccountid");
        chargeCategory = columns.get("chargecategory");
        chargePeriodStart = columns.get("chargeperiodstart");
        chargePeriodEnd = columns.get("chargeperiodend");
        serviceName = columns.get("servicename");
        provider = columns.getOrDefault("serviceprovidername", columns.getOrDefault("providername", -1));
        effectiveCost = columns.getOrDefault("effectivecost", -1);
        listCost = columns.getOrDefault("listcost", -1);
        chargeClass = columns.getOrDefault("chargeclass", -1);
        chargeFrequency = columns.getOrDefault("chargefrequency", -1);
        chargeDescription = columns.getOrDefault("chargedescription", -1);
        subAccountId = columns.getOrDefault("subaccountid", -1);
        subAccountName = columns.getOrDefault("subaccountname", -1);
        resourceId = columns.getOrDefault("resourceid", -1);
        skuId = columns.getOrDefault("skuid", -1);
        skuPriceId = columns.getOrDefault("skupriceid", -1);
        commitmentDiscountId = columns.getOrDefault("commitmentdiscountid", -1);
        regionId = columns.getOrDefault("regionid", -1);
        pricingQuantity = columns.getOrDefault("pricingquantity", -1);
        pricingUnit = columns.getOrDefault("pricingunit", -1);
        consumedQuantity = columns.getOrDefault("consumedquantity", -1);
        tags = columns.getOrDefault("tags", -1);
    }

    @Override
    public CostRow row(CsvReader.Record record) throws Bad {
        if (record.size() != width) {
            throw new Bad("the row has " + record.size() + " values where the header has " + width);
        }
        List<String> problems = null;
        BigDecimal billed = null;
        BigDecimal effective = null;
        BigDecimal list = null;
        Stamp start = null;
        Stamp end = null;
        String rowCurrency = text(record, billingCurrency);
        String category = text(record, chargeCategory);
        String providerName = text(record, provider);
        String service = text(record, serviceName);
        String account = text(record, billingAccountId);
        try {
            billed = required(record, billedCost, "BilledCost");
        } catch (Bad e) {
            problems = add(problems, e);
        }
        try {
            effective = optional(record, effectiveCost, "EffectiveCost");
        } catch (Bad e) {
            problems = add(problems, e);
        }
        try {
            list = optional(record, listCost, "ListCost");
        } catch (Bad e) {
            problems = add(problems, e);
        }
        try {
            start = stamp(record, chargePeriodStart, "ChargePeriodStart");
        } catch (Bad e) {
            problems = add(problems, e);
        }
        try {
            end = stamp(record, chargePeriodEnd, "ChargePeriodEnd");
        } catch (Bad e) {
            problems = add(problems, e);
        }
        if (start != null && end != null && end.epochSecond() < start.epochSecond()) {
            problems = add(problems, new Bad("ChargePeriodEnd is before ChargePeriodStart"));
        }
        BigDecimal rate = null;
        if (rowCurrency == null) {
            problems = add(problems, new Bad("BillingCurrency is empty"));
        } else if (!rowCurrency.equals(currency) && start != null) {
            rate = rates.rateOn(rowCurrency, start.date());
            if (rate == null) {
                problems = add(problems, new Bad("BillingCurrency " + CellValues.shorten(rowCurrency) + " on " + start.date()
                        + " cannot be converted into the budget's " + currency + ": " + rates.missing(rowCurrency, start.date())));
            }
        }
        if (measure == CostMeasure.EFFECTIVE && effective == null && effectiveCost >= 0 && text(record, effectiveCost) == null) {
            problems = add(problems, new Bad("EffectiveCost is empty, and this import records EffectiveCost (FOCUS requires it on every row)"));
        }
        if (category == null) {
            problems = add(problems, new Bad("ChargeCategory is empty"));
        } else if (!CHARGE_CATEGORIES.contains(category)) {
            problems = add(problems, new Bad("ChargeCategory '" + CellValues.shorten(category)
                    + "' is not one of Usage, Purchase, Tax, Credit, Adjustment"));
        }
        if (providerName == null) {
            problems = add(problems, new Bad("ProviderName is empty"));
        }
        if (service == null) {
            problems = add(problems, new Bad("ServiceName is empty"));
        }
        if (account == null) {
            problems = add(problems, new Bad("BillingAccountId is empty"));
        }
        if (problems != null) {
            throw new Bad(String.join("; ", problems));
        }
        String subId = text(record, subAccountId);
        String subName = text(record, subAccountName);
        String key = DedupeKey.of(
                "FOCUS",
                providerName,
                account,
                subId,
                text(record, resourceId),
                service,
                text(record, skuId),
                text(record, skuPriceId),
                text(record, chargeDescription),
                category,
                text(record, chargeClass),
                text(record, chargeFrequency),
                Long.toString(start.epochSecond()),
                Long.toString(end.epochSecond()),
                text(record, commitmentDiscountId),
                text(record, regionId),
                normal(text(record, pricingQuantity)),
                text(record, pricingUnit),
                normal(text(record, consumedQuantity)),
                rowCurrency,
                billed.stripTrailingZeros().toPlainString());
        // EffectiveCost as given, also 0 on a prepaid purchase: its cost reaches the budget through the usage rows it covers.
        BigDecimal measured = measure == CostMeasure.EFFECTIVE ? effective : billed;
        BigDecimal amount = rate == null ? measured : measured.multiply(rate);
        return new CostRow(
                record.line(), key, start.date(), billed, effective, list, providerName, service, subId, subName,
                text(record, tags), null, null, category, rowCurrency, rate, amount);
    }

    private static List<String> add(@Nullable List<String> problems, Bad bad) {
        List<String> list = problems == null ? new ArrayList<>(2) : problems;
        list.add(bad.getMessage());
        return list;
    }

    private static @Nullable String text(CsvReader.Record record, int column) {
        return column < 0 ? null : CellValues.text(record.get(column));
    }

    private static BigDecimal required(CsvReader.Record record, int column, String name) throws Bad {
        String value = text(record, column);
        if (value == null) {
            throw new Bad(name + " is empty");
        }
        return CellValues.decimal(value, name, false);
    }

    private static @Nullable BigDecimal optional(CsvReader.Record record, int column, String name) throws Bad {
        String value = text(record, column);
        return value == null ? null : CellValues.decimal(value, name, false);
    }

    private static Stamp stamp(CsvReader.Record record, int column, String name) throws Bad {
        String value = text(record, column);
        if (value == null) {
            throw new Bad(name + " is empty");
        }
        return CellValues.stamp(value, name, DateOrder.ISO);
    }

    /** A quantity as the same text however the file formats it (1.50 and 1.5). */
    private static @Nullable String normal(@Nullable String quantity) {
        if (quantity == null) {
            return null;
        }
        try {
            return new BigDecimal(quantity).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return quantity;
        }
    }
}

package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Spend per vendor in a fiscal year, in the organization's base currency: the contract value of the year (each term's
 * annual value for the days it runs in the year), and the budget's plan, open commitments and actual money on lines
 * naming the vendor.
 * {@code budget} is false when the caller's role may not read the budget or the year has no budget (the budget figures
 * are then null); {@code purchaseOrders} is false until purchase orders exist. Rows are ranked by {@code spend}: the
 * larger of the contract value and committed plus actual money.
 */
public record SpendReport(
        int fiscalYear,
        LocalDate starts,
        LocalDate ends,
        String currency,
        boolean budgetVisible,
        boolean budget,
        boolean purchaseOrders,
        List<Row> rows,
        Row total) {

    /** {@code otherCurrencies} lists contract values in currencies other than the base one, which are not converted. */
    public record Row(
            @Nullable UUID vendorId,
            String name,
            @Nullable VendorCategory category,
            @Nullable StrategicTier strategicTier,
            int contracts,
            BigDecimal contractValue,
            List<Amount> otherCurrencies,
            @Nullable BigDecimal plan,
            @Nullable BigDecimal committed,
            @Nullable BigDecimal actual,
            @Nullable BigDecimal ordered,
            BigDecimal spend) {}

    public record Amount(BigDecimal amount, String currency) {}
}

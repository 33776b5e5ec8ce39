package org.opencio.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DepreciationTests {

    private static final LocalDate BOUGHT = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = BOUGHT.plusMonths(36);

    @Test
    void theCostIsWrittenDownEvenlyToZeroOverTheLifetime() {
        BigDecimal cost = new BigDecimal("1096.00");
        assertThat(Depreciation.bookValue(cost, BOUGHT, END, BOUGHT)).isEqualByComparingTo("1096.00");
        // 2026-01-01 to 2029-01-01 is 1096 days; after 365 of them 731 are left.
        assertThat(Depreciation.bookValue(cost, BOUGHT, END, LocalDate.of(2027, 1, 1))).isEqualByComparingTo("731.00");
        assertThat(Depreciation.bookValue(cost, BOUGHT, END, END)).isEqualByComparingTo("0");
        assertThat(Depreciation.bookValue(cost, BOUGHT, END, END.plusYears(2))).isEqualByComparingTo("0");
    }

    @Test
    void withoutCostDateOrLifetimeThereIsNoBookValue() {
        assertThat(Depreciation.bookValue(null, BOUGHT, END, BOUGHT)).isNull();
        assertThat(Depreciation.bookValue(BigDecimal.TEN, null, END, BOUGHT)).isNull();
        assertThat(Depreciation.bookValue(BigDecimal.TEN, BOUGHT, null, BOUGHT)).isNull();
    }

    @Test
    void theLifecycleAllowsOnlyItsTransitions() {
        assertThat(AssetStatus.ORDERED.mayBecome(AssetStatus.IN_STOCK)).isTrue();
        assertThat(AssetStatus.IN_STOCK.mayBecome(AssetStatus.DISPOSED)).isFalse();
        assertThat(AssetStatus.RETIRED.mayBecome(AssetStatus.DISPOSED)).isTrue();
        assertThat(AssetStatus.DISPOSED.next()).isEmpty();
        // In stock, an asset is deployed by a check-out, which names who holds it.
        assertThat(AssetStatus.IN_STOCK.mayBecome(AssetStatus.DEPLOYED)).isFalse();
    }

    @Test
    void receivedGoodsAreTypedByTheirDescription() {
        assertThat(AssetType.guess("Dell Latitude 7450, i7, 32 GB")).isEqualTo(AssetType.LAPTOP);
        assertThat(AssetType.guess("27\" monitor")).isEqualTo(AssetType.MONITOR);
        assertThat(AssetType.guess("Thunderbolt dock")).isEqualTo(AssetType.PERIPHERAL);
    }
}

package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OK / WARNING / OVER at the warning threshold and at the plan, and what each spend policy lets through. */
class SpendRuleTests {

    private static final BigDecimal WARN_80 = new BigDecimal("80");

    @ParameterizedTest(name = "{0} on an empty line of 1,000 → {1}")
    @CsvSource({
        "0.01,    OK",
        "799.99,  OK",
        "799.9999, OK",
        "800,     WARNING",
        "800.00,  WARNING",
        "999.99,  WARNING",
        "1000,    WARNING",
        "1000.00, WARNING",
        "1000.0001, OVER",
        "1000.01, OVER",
        "5000,    OVER"
    })
    void theStatusChangesAtTheWarnPercentAndAtThePlan(String amount, String status) {
        BudgetLine line = line("1000", SpendPolicy.WARN);

        BudgetCheck check = SpendRule.check(line, new BigDecimal(amount), WARN_80, "EUR");

        assertThat(check.status()).isEqualTo(status);
        assertThat(check.plan()).isEqualByComparingTo("1000");
        assertThat(check.availableBefore()).isEqualByComparingTo("1000");
        assertThat(check.availableAfter()).isEqualByComparingTo(new BigDecimal("1000").subtract(new BigDecimal(amount)));
    }

    @Test
    void moneyAlreadyReservedCommittedAndSpentCounts() {
        BudgetLine line = line("1000", SpendPolicy.BLOCK);
        line.add(Stage.RESERVED, new BigDecimal("300"));
        line.add(Stage.COMMITTED, new BigDecimal("200"));
        line.add(Stage.ACTUAL, new BigDecimal("250"));

        assertThat(SpendRule.check(line, new BigDecimal("49.99"), WARN_80, "EUR").status()).isEqualTo("OK");
        BudgetCheck atWarning = SpendRule.check(line, new BigDecimal("50"), WARN_80, "EUR");
        assertThat(atWarning.status()).isEqualTo("WARNING");
        assertThat(atWarning.availableBefore()).isEqualByComparingTo("250");
        assertThat(atWarning.availableAfter()).isEqualByComparingTo("200");
        assertThat(atWarning.usedPercentAfter()).isEqualByComparingTo("80");
        BudgetCheck atPlan = SpendRule.check(line, new BigDecimal("250"), WARN_80, "EUR");
        assertThat(atPlan.status()).isEqualTo("WARNING");
        assertThat(atPlan.allowed()).isTrue();
        assertThat(atPlan.availableAfter()).isEqualByComparingTo("0");
        assertThat(atPlan.usedPercentAfter()).isEqualByComparingTo("100");
        BudgetCheck over = SpendRule.check(line, new BigDecimal("250.01"), WARN_80, "EUR");
        assertThat(over.status()).isEqualTo("OVER");
        assertThat(over.allowed()).isFalse();
    }

    @Test
    void theBudgetsOwnWarnPercentIsUsed() {
        BudgetLine line = line("1000", SpendPolicy.WARN);

        assertThat(SpendRule.check(line, new BigDecimal("850"), new BigDecimal("90"), "EUR").status()).isEqualTo("OK");
        assertThat(SpendRule.check(line, new BigDecimal("900"), new BigDecimal("90"), "EUR").status()).isEqualTo("WARNING");
        assertThat(SpendRule.check(line, new BigDecimal("124.99"), new BigDecimal("12.5"), "EUR").status()).isEqualTo("OK");
        assertThat(SpendRule.check(line, new BigDecimal("125"), new BigDecimal("12.5"), "EUR").status()).isEqualTo("WARNING");
        assertThat(SpendRule.check(line, new BigDecimal("999.99"), new BigDecimal("100"), "EUR").status()).isEqualTo("OK");
        assertThat(SpendRule.check(line, new BigDecimal("1000"), new BigDecimal("100"), "EUR").status()).isEqualTo("WARNING");
    }

    @ParameterizedTest(name = "{0}: {1} → allowed {2}, extra approval {3}")
    @CsvSource({
        "BLOCK,          1000,    true,  false",
        "BLOCK,          1000.01, false, false",
        "WARN,           1000,    true,  false",
        "WARN,           1000.01, true,  false",
        "EXTRA_APPROVAL, 1000,    true,  false",
        "EXTRA_APPROVAL, 1000.01, true,  true",
        "BLOCK,          800,     true,  false",
        "EXTRA_APPROVAL, 800,     true,  false"
    })
    void thePolicyDecidesWhatGoesOverPlan(SpendPolicy policy, String amount, boolean allowed, boolean extraApproval) {
        BudgetCheck check = SpendRule.check(line("1000", policy), new BigDecimal(amount), WARN_80, "EUR");

        assertThat(check.policy()).isEqualTo(policy);
        assertThat(check.allowed()).isEqualTo(allowed);
        assertThat(check.extraApprovalRequired()).isEqualTo(extraApproval);
    }

    @Test
    void aLineWithoutPlanIsOverWithTheFirstCent() {
        BudgetLine line = line("0", SpendPolicy.BLOCK);

        BudgetCheck check = SpendRule.check(line, new BigDecimal("0.01"), WARN_80, "EUR");

        assertThat(check.status()).isEqualTo("OVER");
        assertThat(check.allowed()).isFalse();
        assertThat(check.usedPercentAfter()).isEqualByComparingTo("100");
    }

    @Test
    void givingMoneyBackBringsALineBelowTheThresholds() {
        BudgetLine line = line("1000", SpendPolicy.BLOCK);
        line.add(Stage.RESERVED, new BigDecimal("1200"));

        assertThat(SpendRule.check(line, new BigDecimal("-200"), WARN_80, "EUR").status()).isEqualTo("WARNING");
        assertThat(SpendRule.check(line, new BigDecimal("-400.01"), WARN_80, "EUR").status()).isEqualTo("OK");
        assertThat(SpendRule.check(line, new BigDecimal("-199.99"), WARN_80, "EUR").status()).isEqualTo("OVER");
    }

    /** The thresholds are compared exactly, not after rounding the percentage shown to people. */
    @Test
    void theStatusFollowsTheExactShareOfThePlan() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            BigDecimal plan = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
            BudgetLine line = line(plan.toPlainString(), SpendPolicy.WARN);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_200_000), 4 - random.nextInt(3));
            BigDecimal warn = BigDecimal.valueOf(1 + random.nextInt(10_000), 2);

            BudgetCheck check = SpendRule.check(line, amount, warn, "EUR");

            String expected = amount.compareTo(plan) > 0
                    ? "OVER"
                    : plan.signum() > 0 && amount.multiply(BigDecimal.valueOf(100)).compareTo(plan.multiply(warn)) >= 0 ? "WARNING" : "OK";
            assertThat(check.status()).as("plan %s, amount %s, warn %s %%", plan, amount, warn).isEqualTo(expected);
            // The alert a ledger movement raises uses the same rule.
            line.add(Stage.RESERVED, amount);
            assertThat(BudgetAlerts.level(line.planTotal(), line.planTotal().subtract(line.available()), warn)).isEqualTo(expected);
        }
    }

    static BudgetLine line(String plan, SpendPolicy policy) {
        var line = new BudgetLine(UUID.randomUUID(), "L-" + policy, false);
        line.describe("Test line", null, null, null, ExpenseType.OPEX, null, null, policy, ForecastMethod.REMAINING_PLAN);
        line.plan(Phasing.equal(new BigDecimal(plan), "EUR"));
        return line;
    }
}

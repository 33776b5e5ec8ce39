package org.opencio.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** The plan of a line in each of the twelve fiscal months, stored as twelve columns read in one row. */
@Embeddable
class MonthlyPlan {

    @Column(name = "m01", nullable = false, precision = 19, scale = 4)
    private BigDecimal m01 = BigDecimal.ZERO;

    @Column(name = "m02", nullable = false, precision = 19, scale = 4)
    private BigDecimal m02 = BigDecimal.ZERO;

    @Column(name = "m03", nullable = false, precision = 19, scale = 4)
    private BigDecimal m03 = BigDecimal.ZERO;

    @Column(name = "m04", nullable = false, precision = 19, scale = 4)
    private BigDecimal m04 = BigDecimal.ZERO;

    @Column(name = "m05", nullable = false, precision = 19, scale = 4)
    private BigDecimal m05 = BigDecimal.ZERO;

    @Column(name = "m06", nullable = false, precision = 19, scale = 4)
    private BigDecimal m06 = BigDecimal.ZERO;

    @Column(name = "m07", nullable = false, precision = 19, scale = 4)
    private BigDecimal m07 = BigDecimal.ZERO;

    @Column(name = "m08", nullable = false, precision = 19, scale = 4)
    private BigDecimal m08 = BigDecimal.ZERO;

    @Column(name = "m09", nullable = false, precision = 19, scale = 4)
    private BigDecimal m09 = BigDecimal.ZERO;

    @Column(name = "m10", nullable = false, precision = 19, scale = 4)
    private BigDecimal m10 = BigDecimal.ZERO;

    @Column(name = "m11", nullable = false, precision = 19, scale = 4)
    private BigDecimal m11 = BigDecimal.ZERO;

    @Column(name = "m12", nullable = false, precision = 19, scale = 4)
    private BigDecimal m12 = BigDecimal.ZERO;

    protected MonthlyPlan() {}

    MonthlyPlan(BigDecimal[] months) {
        replace(months);
    }

    /** Fiscal month 1–12. */
    BigDecimal get(int month) {
        return switch (month) {
            case 1 -> m01;
            case 2 -> m02;
            case 3 -> m03;
            case 4 -> m04;
            case 5 -> m05;
            case 6 -> m06;
            case 7 -> m07;
            case 8 -> m08;
            case 9 -> m09;
            case 10 -> m10;
            case 11 -> m11;
            case 12 -> m12;
            default -> throw new IllegalArgumentException("fiscal month " + month);
        };
    }

    void set(int month, BigDecimal value) {
        switch (month) {
            case 1 -> m01 = value;
            case 2 -> m02 = value;
            case 3 -> m03 = value;
            case 4 -> m04 = value;
            case 5 -> m05 = value;
            case 6 -> m06 = value;
            case 7 -> m07 = value;
            case 8 -> m08 = value;
            case 9 -> m09 = value;
            case 10 -> m10 = value;
            case 11 -> m11 = value;
            case 12 -> m12 = value;
            default -> throw new IllegalArgumentException("fiscal month " + month);
        }
    }

    void replace(BigDecimal[] months) {
        for (int i = 0; i < Phasing.MONTHS; i++) {
            set(i + 1, months[i]);
        }
    }

    BigDecimal[] toArray() {
        BigDecimal[] months = new BigDecimal[Phasing.MONTHS];
        for (int i = 0; i < Phasing.MONTHS; i++) {
            months[i] = get(i + 1);
        }
        return months;
    }

    BigDecimal total() {
        return Phasing.sum(toArray());
    }
}

package org.opencio.budget;

import java.util.List;

/** Variance of a budget by cost pool, by resource tower and by department, with the total over all lines. */
public record BudgetVariance(List<VarianceRow> byPool, List<VarianceRow> byTower, List<VarianceRow> byDepartment, VarianceRow total) {}

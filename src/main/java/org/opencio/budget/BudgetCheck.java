package org.opencio.budget;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The answer to "may this amount go on this line?": {@code status} is OK, WARNING (the line would pass its warning
 * threshold) or OVER (it would exceed its plan); {@code allowed} follows the line's policy, and
 * {@code extraApprovalRequired} tells the requesting module to obtain one more approval.
 */
public record BudgetCheck(
        UUID lineId,
        String status,
        BigDecimal amount,
        BigDecimal plan,
        BigDecimal availableBefore,
        BigDecimal availableAfter,
        BigDecimal usedPercentAfter,
        SpendPolicy policy,
        boolean allowed,
        boolean extraApprovalRequired,
        String currency) {}

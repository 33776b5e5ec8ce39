package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.opencio.platform.security.Role;

/**
 * The approval policy a new organization starts with (amounts in its base currency): an IT manager approves every
 * request, a CIO too above 1,000, and an executive too above 50,000.
 */
public final class DefaultApprovalPolicy {

    public static final BigDecimal CIO_ABOVE = new BigDecimal("1000");
    public static final BigDecimal EXECUTIVE_ABOVE = new BigDecimal("50000");

    private DefaultApprovalPolicy() {}

    public static List<ApprovalRule> rules() {
        return List.of(
                new ApprovalRule(1, "IT manager", null, null, Set.of(), null, null, ApproverKind.ROLE, Role.IT_MANAGER, null, StepMode.ANY),
                new ApprovalRule(2, "CIO", CIO_ABOVE, null, Set.of(), null, null, ApproverKind.ROLE, Role.CIO, null, StepMode.ANY),
                new ApprovalRule(3, "Executive", EXECUTIVE_ABOVE, null, Set.of(), null, null, ApproverKind.ROLE, Role.EXECUTIVE, null, StepMode.ANY));
    }
}

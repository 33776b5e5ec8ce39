package org.opencio.organization;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.ForbiddenException;

/**
 * Who may set an approval limit. Only a CIO grants any amount; anyone else may grant up to their own limit and may
 * never raise their own, so an approval chain cannot be widened from inside.
 */
final class ApprovalLimits {

    private ApprovalLimits() {}

    static void requireMayGrant(
            OrgAccess caller, Memberships memberships, BigDecimal limit, @Nullable Membership target) {
        if (caller.role() == Role.CIO) {
            return;
        }
        if (target != null && target.accountId().equals(caller.accountId()) && limit.compareTo(target.approvalLimit()) > 0) {
            throw new ForbiddenException("you may not raise your own approval limit; a CIO can");
        }
        BigDecimal own = memberships.findById(caller.membershipId()).map(Membership::approvalLimit).orElse(BigDecimal.ZERO);
        boolean unchanged = target != null && limit.compareTo(target.approvalLimit()) == 0;
        if (!unchanged && limit.compareTo(own) > 0) {
            throw new ForbiddenException("you may grant an approval limit up to your own (" + own.stripTrailingZeros().toPlainString() + ")");
        }
    }
}

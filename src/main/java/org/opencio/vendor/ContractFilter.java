package org.opencio.vendor;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a contract list shows. {@code q} searches title, reference and vendor names; {@code expiringWithinDays} keeps
 * contracts in force whose decision date (notice deadline, or the end of a contract that does not renew) falls between
 * today and that many days ahead. Renewed terms (the history) show only when asked for or filtered by status;
 * archived contracts only with {@code archived=true}.
 */
public record ContractFilter(
        @Nullable String q,
        @Nullable UUID vendorId,
        @Nullable ContractStatus status,
        @Nullable ContractType type,
        @Nullable UUID ownerId,
        @Nullable LocalDate noticeBefore,
        @Nullable LocalDate noticeAfter,
        @Nullable Integer expiringWithinDays,
        boolean includeRenewed,
        boolean archived) {

    public static ContractFilter none() {
        return new ContractFilter(null, null, null, null, null, null, null, null, false, false);
    }
}

package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A date in the renewal calendar: a notice deadline, a renewal (the day a new term begins) or the end of a contract
 * that does not renew (expiring, terminated or expired). {@code daysAway} counts from today in the organization's time
 * zone (negative for past dates).
 */
public record ContractEvent(
        LocalDate date,
        Kind kind,
        UUID contractId,
        String title,
        UUID vendorId,
        String vendorName,
        ContractType type,
        ContractStatus status,
        @Nullable UUID ownerId,
        @Nullable String ownerName,
        BigDecimal annualValue,
        String currency,
        int termNumber,
        long daysAway,
        Instant updatedAt) {

    public enum Kind {
        NOTICE_DEADLINE,
        RENEWAL,
        END
    }
}

package org.opencio.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delegation of approvals, with the names of the two people. */
public record DelegationView(
        UUID id,
        UUID delegatorId,
        String delegatorName,
        UUID delegateId,
        String delegateName,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable String reason,
        boolean activeToday,
        @Nullable Instant revokedAt,
        long version) {}

package org.opencio.procurement;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person names a delegate for their approvals while they are away. A CIO may do it for someone else (sudden leave);
 * {@code delegatorId} is then that person, otherwise the caller.
 */
public record DelegateApprovals(
        @Nullable UUID delegatorId, @Nullable UUID delegateId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String reason) {}

package org.opencio.vendor;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which calendar dates to show: from and to (both included), optionally of one kind, vendor, owner or contract type. */
public record ContractEventFilter(
        LocalDate from,
        LocalDate to,
        ContractEvent.@Nullable Kind kind,
        @Nullable UUID vendorId,
        @Nullable UUID ownerId,
        @Nullable ContractType type) {}

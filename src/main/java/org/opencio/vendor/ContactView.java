package org.opencio.vendor;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person at a vendor and what they are the contact for. */
public record ContactView(
        UUID id,
        UUID vendorId,
        String name,
        ContactKind kind,
        @Nullable String jobTitle,
        @Nullable String email,
        @Nullable String phone,
        Instant createdAt,
        Instant updatedAt,
        long version) {}

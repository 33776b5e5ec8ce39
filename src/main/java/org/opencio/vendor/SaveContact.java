package org.opencio.vendor;

import org.jspecify.annotations.Nullable;

/** A vendor contact as entered: {@code name} and {@code kind} are required. */
public record SaveContact(
        @Nullable String name, @Nullable ContactKind kind, @Nullable String jobTitle, @Nullable String email, @Nullable String phone) {}

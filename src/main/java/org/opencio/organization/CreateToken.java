package org.opencio.organization;

import org.jspecify.annotations.Nullable;

/** {@code expiresInDays} absent means the token does not expire until revoked. */
public record CreateToken(@Nullable String name, @Nullable Integer expiresInDays) {}

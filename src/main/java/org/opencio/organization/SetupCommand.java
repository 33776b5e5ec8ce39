package org.opencio.organization;

import org.jspecify.annotations.Nullable;

/** The first-run form: the platform administrator and the first organization. */
public record SetupCommand(
        @Nullable String email,
        @Nullable String displayName,
        @Nullable String password,
        @Nullable String orgName,
        @Nullable String orgSlug,
        @Nullable String baseCurrency,
        @Nullable String timeZone,
        @Nullable String locale,
        @Nullable Integer fiscalYearStartMonth) {}

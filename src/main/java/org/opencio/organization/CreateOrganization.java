package org.opencio.organization;

import org.jspecify.annotations.Nullable;

public record CreateOrganization(
        @Nullable String name,
        @Nullable String slug,
        @Nullable String baseCurrency,
        @Nullable String timeZone,
        @Nullable String locale,
        @Nullable Integer fiscalYearStartMonth) {}

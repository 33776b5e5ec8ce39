package org.opencio.organization;

import org.jspecify.annotations.Nullable;

public record UpdateOrganization(
        @Nullable String name,
        @Nullable String baseCurrency,
        @Nullable String timeZone,
        @Nullable String locale,
        @Nullable Integer fiscalYearStartMonth) {}

package org.opencio.organization;

import java.util.UUID;

public record OrganizationView(
        UUID id,
        String slug,
        String name,
        String baseCurrency,
        String timeZone,
        String locale,
        int fiscalYearStartMonth,
        boolean archived,
        long version) {}

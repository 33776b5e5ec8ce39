package org.opencio.organization;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record SaveDepartment(
        @Nullable String code,
        @Nullable String name,
        @Nullable String costCentre,
        @Nullable UUID parentId,
        @Nullable UUID headAccountId) {}

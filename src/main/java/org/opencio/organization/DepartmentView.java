package org.opencio.organization;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record DepartmentView(
        UUID id,
        String code,
        String name,
        @Nullable String costCentre,
        @Nullable UUID parentId,
        @Nullable String parentName,
        @Nullable UUID headAccountId,
        @Nullable String headName,
        boolean archived,
        long version) {}

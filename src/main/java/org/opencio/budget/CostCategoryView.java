package org.opencio.budget;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code kind} is POOL (cost pool) or TOWER (resource tower). */
public record CostCategoryView(UUID id, String kind, String code, String name, @Nullable UUID parentId, boolean retired, long version) {}

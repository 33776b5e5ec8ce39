package org.opencio.budget;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the budget grid; all optional. {@code categoryId} matches a line's cost pool or tower. */
public record GridFilter(@Nullable UUID departmentId, @Nullable UUID categoryId, @Nullable ExpenseType expenseType, @Nullable UUID vendorId) {

    public static GridFilter none() {
        return new GridFilter(null, null, null, null);
    }
}

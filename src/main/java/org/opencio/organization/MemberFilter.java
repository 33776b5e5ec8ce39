package org.opencio.organization;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;

/** Filters of the member list; all optional. {@code active} null means active members only. */
public record MemberFilter(@Nullable String query, @Nullable Role role, @Nullable UUID departmentId, @Nullable Boolean active) {

    public static MemberFilter none() {
        return new MemberFilter(null, null, null, null);
    }
}

package org.opencio.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.NotFoundException;

/**
 * The organization the current thread acts for. Hibernate reads it for every tenant-owned entity, so a query can
 * neither forget the organization nor see another one's rows. Without an organization, tenant-owned rows are
 * invisible (see {@link TenantIdentifierResolver}).
 */
public final class TenantContext {

    private static final ThreadLocal<OrgAccess> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<UUID> SYSTEM_ORG = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<OrgAccess> access() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static OrgAccess requireAccess() {
        OrgAccess access = CURRENT.get();
        if (access == null) {
            throw new NotFoundException("Organization");
        }
        return access;
    }

    public static @Nullable UUID currentOrgId() {
        UUID system = SYSTEM_ORG.get();
        if (system != null) {
            return system;
        }
        OrgAccess access = CURRENT.get();
        return access == null ? null : access.orgId();
    }

    public static UUID requireOrgId() {
        UUID id = currentOrgId();
        if (id == null) {
            throw new NotFoundException("Organization");
        }
        return id;
    }

    public static void set(OrgAccess access) {
        CURRENT.set(access);
    }

    public static void clear() {
        CURRENT.remove();
        SYSTEM_ORG.remove();
    }

    /** Runs as the given member (demo data, setup, tests); the previous context is restored afterwards. */
    public static <T> T callAs(OrgAccess access, Supplier<T> work) {
        OrgAccess previous = CURRENT.get();
        CURRENT.set(access);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs system work (event listeners, scheduled jobs) inside one organization, without a member. */
    public static <T> T callInOrg(UUID orgId, Supplier<T> work) {
        UUID previous = SYSTEM_ORG.get();
        SYSTEM_ORG.set(orgId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                SYSTEM_ORG.remove();
            } else {
                SYSTEM_ORG.set(previous);
            }
        }
    }
}

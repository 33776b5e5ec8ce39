package org.opencio.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.tenancy.OrgAccess;

/**
 * What security needs to know about people and their memberships. The organization module owns that data and
 * implements this interface, so the platform does not depend on it.
 */
public interface IdentityDirectory {

    Optional<AccountPrincipal> findByEmail(String email);

    Optional<AccountPrincipal> findById(UUID accountId);

    /** The active token with this hash, as a principal scoped to the token's organization; marks it used. */
    Optional<AccountPrincipal> authenticateToken(String tokenHash);

    /** The caller's active membership in the organization with this slug, if any. */
    Optional<OrgAccess> membership(UUID accountId, String orgSlug);

    /** The organizations the caller is an active member of, in name order. */
    List<OrgAccess> memberships(UUID accountId);
}

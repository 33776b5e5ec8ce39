package org.opencio.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers security's questions with explicit SQL: these look-ups run before an organization is known, across
 * organizations by nature (which organizations is this person in?), so they cannot go through the tenant filter.
 */
@Component
class OrganizationIdentityDirectory implements IdentityDirectory {

    /** A token's last-used time is written at most this often, so busy API clients do not write on every call. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    OrganizationIdentityDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountPrincipal> findByEmail(String email) {
        return jdbc.sql("select id, email, display_name, platform_admin, active, password_hash from accounts where email = ?")
                .param(Account.normalize(email))
                .query((rs, n) -> principal(rs, null))
                .optional();
    }

    @Override
    public Optional<AccountPrincipal> findById(UUID accountId) {
        return jdbc.sql("select id, email, display_name, platform_admin, active, password_hash from accounts where id = ?")
                .param(accountId)
                .query((rs, n) -> principal(rs, null))
                .optional();
    }

    @Override
    public Optional<AccountPrincipal> authenticateToken(String tokenHash) {
        Instant now = Instant.now();
        record Found(AccountPrincipal principal, UUID tokenId, Instant lastUsed) {}
        Optional<Found> found = jdbc.sql("select a.id, a.email, a.display_name, a.platform_admin, a.active, t.org_id, "
                        + "t.id as token_id, t.last_used_at from access_tokens t join accounts a on a.id = t.account_id "
                        + "where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_used_at");
                    return new Found(
                            new AccountPrincipal(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("email"),
                                    rs.getString("display_name"),
                                    rs.getBoolean("platform_admin"),
                                    rs.getBoolean("active"),
                                    null,
                                    rs.getObject("org_id", UUID.class)),
                            rs.getObject("token_id", UUID.class),
                            last == null ? Instant.EPOCH : last.toInstant());
                })
                .optional();
        found.filter(f -> f.lastUsed().isBefore(now.minus(TOUCH_INTERVAL)))
                .ifPresent(f -> jdbc.sql("update access_tokens set last_used_at = ? where id = ?")
                        .params(Timestamp.from(now), f.tokenId())
                        .update());
        return found.map(Found::principal);
    }

    @Override
    public Optional<OrgAccess> membership(UUID accountId, String orgSlug) {
        return jdbc.sql(MEMBERSHIP + " and o.slug = ?")
                .params(accountId, orgSlug)
                .query(OrganizationIdentityDirectory::access)
                .optional();
    }

    @Override
    public List<OrgAccess> memberships(UUID accountId) {
        return jdbc.sql(MEMBERSHIP + " order by o.name")
                .param(accountId)
                .query(OrganizationIdentityDirectory::access)
                .list();
    }

    private static final String MEMBERSHIP = "select o.id as org_id, o.slug, o.name, o.base_currency, o.time_zone, o.locale, "
            + "m.account_id, m.id as membership_id, m.role from memberships m "
            + "join organizations o on o.id = m.org_id join accounts a on a.id = m.account_id "
            + "where m.account_id = ? and m.active = true and a.active = true and o.archived = false";

    private static OrgAccess access(ResultSet rs, int n) throws SQLException {
        return new OrgAccess(
                rs.getObject("org_id", UUID.class),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("base_currency"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                rs.getObject("account_id", UUID.class),
                rs.getObject("membership_id", UUID.class),
                Role.valueOf(rs.getString("role")));
    }

    private static AccountPrincipal principal(ResultSet rs, UUID tokenOrg) throws SQLException {
        return new AccountPrincipal(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("platform_admin"),
                rs.getBoolean("active"),
                rs.getString("password_hash"),
                tokenOrg);
    }
}

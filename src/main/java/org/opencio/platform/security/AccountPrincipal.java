package org.opencio.platform.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person. Stored in the session, so it carries ids and names only, never business data. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final String email;
    private final String displayName;
    private final boolean platformAdmin;
    private final boolean active;
    private @Nullable String passwordHash;
    /** Set when the caller authenticated with a personal access token: the one organization it may act in. */
    private final @Nullable UUID tokenOrgId;

    public AccountPrincipal(
            UUID accountId,
            String email,
            String displayName,
            boolean platformAdmin,
            boolean active,
            @Nullable String passwordHash,
            @Nullable UUID tokenOrgId) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.platformAdmin = platformAdmin;
        this.active = active;
        this.passwordHash = passwordHash;
        this.tokenOrgId = tokenOrgId;
    }

    public UUID accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    public @Nullable UUID tokenOrgId() {
        return tokenOrgId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.BaseEntity;

/** One person's login, shared by all organizations they are a member of. */
@Entity
@Table(name = "accounts")
class Account extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(nullable = false)
    private boolean active = true;

    protected Account() {}

    Account(String email, String displayName, @Nullable String passwordHash, boolean platformAdmin) {
        this.email = normalize(email);
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
        this.platformAdmin = platformAdmin;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    void rename(String displayName) {
        this.displayName = displayName.trim();
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String passwordHash() {
        return passwordHash;
    }

    boolean platformAdmin() {
        return platformAdmin;
    }

    boolean active() {
        return active;
    }
}

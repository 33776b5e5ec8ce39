package org.opencio.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Unattended installs: {@code OPENCIO_BOOTSTRAP_ADMIN_EMAIL}, {@code _ADMIN_PASSWORD}, {@code _ORG_NAME} and optionally
 * {@code _API_TOKEN} create the first administrator, organization and API token. Ignored once any account exists.
 */
@ConfigurationProperties("opencio.bootstrap")
public record BootstrapSettings(
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @Nullable String adminName,
        @Nullable String orgName,
        @Nullable String orgSlug,
        @Nullable String currency,
        @Nullable String timeZone,
        @Nullable String apiToken) {

    boolean configured() {
        return adminEmail != null && !adminEmail.isBlank();
    }
}

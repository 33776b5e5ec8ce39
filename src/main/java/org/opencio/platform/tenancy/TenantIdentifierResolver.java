package org.opencio.platform.tenancy;

import java.util.Map;
import java.util.UUID;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells Hibernate which organization's rows a session may see and write ({@code @TenantId} columns). Outside an
 * organization it answers an id no organization has, so a forgotten context shows nothing rather than everything.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID>, HibernatePropertiesCustomizer {

    static final UUID NO_ORGANIZATION = new UUID(0, 0);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        UUID id = TenantContext.currentOrgId();
        return id == null ? NO_ORGANIZATION : id;
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public void customize(Map<String, Object> properties) {
        properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
    }
}

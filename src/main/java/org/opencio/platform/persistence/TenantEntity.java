package org.opencio.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A record owned by one organization. Hibernate fills {@code org_id} from the current organization on insert and adds
 * it to every query, so no repository method can read or change another organization's rows.
 */
@MappedSuperclass
public abstract class TenantEntity extends BaseEntity {

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    public UUID orgId() {
        return orgId;
    }
}

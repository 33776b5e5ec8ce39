package org.opencio.procurement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.tenancy.TenantContext;

/**
 * Loads the request by id with the lock rather than by a JPQL query, which Hibernate translated anew on every call (a
 * fifth of a submission's CPU in a profile, docs/benchmarks.md). A load by id is not narrowed to the tenant, hence the
 * check of the organization.
 */
class LockingPurchaseRequestsImpl implements LockingPurchaseRequests {

    private final EntityManager entityManager;

    LockingPurchaseRequestsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<PurchaseRequest> lockById(UUID id) {
        PurchaseRequest request = entityManager.find(PurchaseRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(request).filter(r -> r.orgId().equals(TenantContext.requireOrgId()));
    }
}

package org.opencio.budget;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Ids;
import org.springframework.context.annotation.Primary;

/**
 * A vendor register kept in memory, per organization, for the budget's tests: what the vendor module's directory does,
 * in a few lines. Primary, so that a test importing it uses it even where the vendor module brings its own.
 */
@Primary
class MapVendorDirectory implements VendorDirectory {

    private record Vendor(String name, boolean archived) {}

    private final Map<UUID, Map<UUID, Vendor>> byOrg = new ConcurrentHashMap<>();

    /** Adds a vendor to an organization's register. */
    UUID add(UUID orgId, String name) {
        UUID id = Ids.newId();
        vendors(orgId).put(id, new Vendor(name, false));
        return id;
    }

    void archive(UUID orgId, UUID id) {
        vendors(orgId).computeIfPresent(id, (k, v) -> new Vendor(v.name(), true));
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, Vendor> vendors = vendors(TenantContext.requireOrgId());
        Map<UUID, String> names = new HashMap<>();
        for (UUID id : ids) {
            Vendor v = vendors.get(id);
            if (v != null) {
                names.put(id, v.name());
            }
        }
        return names;
    }

    @Override
    public boolean exists(UUID id) {
        return vendors(TenantContext.requireOrgId()).containsKey(id);
    }

    @Override
    public List<Option> options() {
        return vendors(TenantContext.requireOrgId()).entrySet().stream()
                .filter(e -> !e.getValue().archived())
                .map(e -> new Option(e.getKey(), e.getValue().name()))
                .sorted(Comparator.comparing(Option::name))
                .toList();
    }

    private Map<UUID, Vendor> vendors(UUID orgId) {
        return byOrg.computeIfAbsent(orgId, k -> new ConcurrentHashMap<>());
    }
}

package org.opencio.budget;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the budget needs to know of the vendor register, which the vendor module provides (the vendor module depends
 * on the budget, not the other way round). All methods answer for the current organization.
 */
public interface VendorDirectory {

    /** Display names of the vendors among {@code ids}; unknown ids are left out. */
    Map<UUID, String> names(Collection<UUID> ids);

    /** Whether a vendor with this id exists in the current organization (archived ones included). */
    boolean exists(UUID id);

    /** The vendors a budget line may name, by display name: all but the archived ones. */
    List<Option> options();

    record Option(UUID id, String name) {}
}

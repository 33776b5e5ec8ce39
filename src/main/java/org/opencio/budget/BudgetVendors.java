package org.opencio.budget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The vendor register as the budget sees it. The vendor module provides a {@link VendorDirectory}; without one (the
 * module is not there, or not yet) lines keep the vendor ids they have, nothing can be checked or named, and pages say
 * "not in the register" instead of showing an id to people.
 */
@Service
public class BudgetVendors {

    private final ObjectProvider<VendorDirectory> directory;

    BudgetVendors(ObjectProvider<VendorDirectory> directory) {
        this.directory = directory;
    }

    /** Whether there is a vendor register to pick from and to check against. */
    public boolean present() {
        return directory.getIfAvailable() != null;
    }

    /** The vendors a line may name, by name; empty without a register. */
    public List<VendorDirectory.Option> options() {
        Access.require(Permission.BUDGET_VIEW);
        VendorDirectory d = directory.getIfAvailable();
        return d == null ? List.of() : d.options();
    }

    /**
     * The options of a vendor picker that must also show {@code chosen} (a line's vendor, the grid's filter): an
     * archived vendor is no option for new lines but stays on the lines that have it. Its label is its name, or
     * {@code unnamed} when the register does not know it.
     */
    public List<VendorDirectory.Option> optionsWith(@Nullable UUID chosen, String unnamed) {
        List<VendorDirectory.Option> options = options();
        if (chosen == null || options.stream().anyMatch(o -> o.id().equals(chosen))) {
            return options;
        }
        List<VendorDirectory.Option> with = new ArrayList<>(options.size() + 1);
        with.add(new VendorDirectory.Option(chosen, names(List.of(chosen)).getOrDefault(chosen, unnamed)));
        with.addAll(options);
        return with;
    }

    /** Names of the vendors among {@code ids} the register knows; none without a register. */
    Map<UUID, String> names(Collection<UUID> ids) {
        VendorDirectory d = directory.getIfAvailable();
        return d == null || ids.isEmpty() ? Map.of() : d.names(ids);
    }

    /** Whether a line may name this vendor: one of the organization's, when there is a register to ask. */
    boolean accepts(UUID id) {
        VendorDirectory d = directory.getIfAvailable();
        return d == null || d.exists(id);
    }
}

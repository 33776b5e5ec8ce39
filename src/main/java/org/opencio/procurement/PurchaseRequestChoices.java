package org.opencio.procurement;

import java.util.List;
import java.util.UUID;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the request form offers to choose from: the organization's departments, vendors and cost categories. */
@Service
public class PurchaseRequestChoices {

    /** One choice; {@code group} sorts it under a heading (a category's kind), {@code depth} indents a sub-department. */
    public record Option(UUID id, String name, String group, int depth) {}

    public record Choices(List<Option> departments, List<Option> vendors, List<Option> categories) {

        /** The categories under their kind (cost pools, then resource towers), for the form's groups. */
        public List<Group> categoryGroups() {
            return categories.stream().map(Option::group).distinct()
                    .map(g -> new Group(g, categories.stream().filter(c -> c.group().equals(g)).toList()))
                    .toList();
        }
    }

    public record Group(String name, List<Option> options) {}

    private final DepartmentManagement departments;
    private final VendorDirectory vendors;
    private final PurchaseBudget budget;

    PurchaseRequestChoices(DepartmentManagement departments, VendorDirectory vendors, PurchaseBudget budget) {
        this.departments = departments;
        this.vendors = vendors;
        this.budget = budget;
    }

    @Transactional(readOnly = true)
    public Choices forForm() {
        Access.require(Permission.PURCHASE_REQUESTS_CREATE);
        return new Choices(
                departments.tree().stream().map(t -> new Option(t.department().id(), t.department().name(), "", t.depth())).toList(),
                vendors.options().stream().map(v -> new Option(v.id(), v.name(), "", 0)).toList(),
                budget.categories().stream().map(c -> new Option(c.id(), c.name(), c.kind(), 0)).toList());
    }
}

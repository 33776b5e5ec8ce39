package org.opencio.budget;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.OrganizationCreated;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cost categories of an organization. Each organization starts with a default taxonomy in the spirit of the
 * public TBM model — cost pools (what the money buys) and resource towers (which IT capability it serves) — with
 * OpenCIO's own codes and names; it can rename, add and retire categories.
 */
@Service
public class CostCategoryManagement {

    record Default(CostCategory.Kind kind, String code, String name) {}

    static final List<Default> DEFAULTS = List.of(
            new Default(CostCategory.Kind.POOL, "P-LAB-INT", "Internal labour"),
            new Default(CostCategory.Kind.POOL, "P-LAB-EXT", "External labour"),
            new Default(CostCategory.Kind.POOL, "P-SVC", "Outside services"),
            new Default(CostCategory.Kind.POOL, "P-HW", "Hardware"),
            new Default(CostCategory.Kind.POOL, "P-SW", "Software"),
            new Default(CostCategory.Kind.POOL, "P-CLOUD", "Cloud services"),
            new Default(CostCategory.Kind.POOL, "P-FAC", "Facilities and power"),
            new Default(CostCategory.Kind.POOL, "P-TEL", "Telecom"),
            new Default(CostCategory.Kind.POOL, "P-OTH", "Other"),
            new Default(CostCategory.Kind.TOWER, "T-EUS", "End user"),
            new Default(CostCategory.Kind.TOWER, "T-CMP", "Compute"),
            new Default(CostCategory.Kind.TOWER, "T-STO", "Storage"),
            new Default(CostCategory.Kind.TOWER, "T-NET", "Network"),
            new Default(CostCategory.Kind.TOWER, "T-DAT", "Data"),
            new Default(CostCategory.Kind.TOWER, "T-APP", "Application"),
            new Default(CostCategory.Kind.TOWER, "T-DLV", "Delivery"),
            new Default(CostCategory.Kind.TOWER, "T-SEC", "Security and compliance"),
            new Default(CostCategory.Kind.TOWER, "T-MGT", "IT management"),
            new Default(CostCategory.Kind.TOWER, "T-OUT", "Output"));

    private final CostCategories categories;
    private final AuditTrail audit;

    CostCategoryManagement(CostCategories categories, AuditTrail audit) {
        this.categories = categories;
        this.audit = audit;
    }

    /** New organizations get the default taxonomy in the same transaction that creates them. */
    @EventListener
    void on(OrganizationCreated event) {
        TenantContext.callInOrg(event.orgId(), () -> {
            seedDefaults();
            return null;
        });
    }

    @Transactional
    void seedDefaults() {
        if (categories.count() > 0) {
            return;
        }
        for (Default d : DEFAULTS) {
            categories.save(new CostCategory(d.kind(), d.code(), d.name(), null));
        }
    }

    /** The categories, pools first; an organization from before this module gets the defaults on first look. */
    @Transactional
    public List<CostCategoryView> list() {
        Access.require(Permission.BUDGET_VIEW);
        List<CostCategory> all = categories.findAllByOrderByKindAscCodeAsc();
        if (all.isEmpty()) {
            seedDefaults();
            all = categories.findAllByOrderByKindAscCodeAsc();
        }
        return all.stream().map(CostCategory::view).toList();
    }

    @Transactional
    public CostCategoryView create(@Nullable String kind, @Nullable String code, @Nullable String name) {
        Access.require(Permission.BUDGET_MANAGE);
        var checks = new Checks().code("code", code).text("name", name, 200, true).required("kind", kind);
        checks.rule(kind == null || kind.equals("POOL") || kind.equals("TOWER"), "kind", "enum", "kind must be POOL or TOWER");
        checks.throwIfAny();
        if (categories.existsByCode(code.trim())) {
            throw new ConflictException("code", "a cost category with the code '" + code + "' exists");
        }
        var category = new CostCategory(CostCategory.Kind.valueOf(kind), code.trim(), name.trim(), null);
        categories.saveAndFlush(category);
        audit.record("cost-category.created", "CostCategory", category.getId(), null, category.view());
        return category.view();
    }

    @Transactional
    public CostCategoryView rename(UUID id, @Nullable String name, long expectedVersion) {
        Access.require(Permission.BUDGET_MANAGE);
        CostCategory category = categories.findById(id).orElseThrow(() -> new NotFoundException("Cost category"));
        Versions.check(expectedVersion, category.version());
        new Checks().text("name", name, 200, true).throwIfAny();
        var before = category.view();
        category.rename(name);
        categories.saveAndFlush(category);
        audit.record("cost-category.renamed", "CostCategory", id, before, category.view());
        return category.view();
    }

    @Transactional
    public CostCategoryView retire(UUID id) {
        Access.require(Permission.BUDGET_MANAGE);
        CostCategory category = categories.findById(id).orElseThrow(() -> new NotFoundException("Cost category"));
        var before = category.view();
        category.retire();
        categories.saveAndFlush(category);
        audit.record("cost-category.retired", "CostCategory", id, before, category.view());
        return category.view();
    }

    /** Whether the id names an active category of the kind, for line validation. */
    boolean isActive(UUID id, CostCategory.Kind kind) {
        return categories.findById(id).filter(c -> !c.retired() && c.kind() == kind).isPresent();
    }
}

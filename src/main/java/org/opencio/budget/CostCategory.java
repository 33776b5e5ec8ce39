package org.opencio.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A cost pool (what the money buys) or a resource tower (what IT capability it serves). */
@Entity
@Table(name = "cost_categories")
class CostCategory extends TenantEntity {

    enum Kind {
        POOL,
        TOWER
    }

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean retired;

    protected CostCategory() {}

    CostCategory(Kind kind, String code, String name, @Nullable UUID parentId) {
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.parentId = parentId;
    }

    void rename(String name) {
        this.name = name.trim();
    }

    void retire() {
        this.retired = true;
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    boolean retired() {
        return retired;
    }

    CostCategoryView view() {
        return new CostCategoryView(getId(), kind.name(), code, name, parentId, retired, version());
    }
}

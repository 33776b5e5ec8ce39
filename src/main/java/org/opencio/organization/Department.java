package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A department of the organization and the cost centre its spending is booked to; departments form a tree. */
@Entity
@Table(name = "departments")
class Department extends TenantEntity {

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "cost_centre")
    private @Nullable String costCentre;

    @Column(name = "head_account_id")
    private @Nullable UUID headAccountId;

    @Column(nullable = false)
    private boolean archived;

    protected Department() {}

    Department(String code, String name, @Nullable String costCentre, @Nullable UUID parentId, @Nullable UUID head) {
        update(code, name, costCentre, parentId, head);
    }

    void update(String code, String name, @Nullable String costCentre, @Nullable UUID parentId, @Nullable UUID head) {
        this.code = code.trim();
        this.name = name.trim();
        this.costCentre = costCentre == null || costCentre.isBlank() ? null : costCentre.trim();
        this.parentId = parentId;
        this.headAccountId = head;
    }

    void archive() {
        this.archived = true;
    }

    @Nullable
    UUID parentId() {
        return parentId;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    @Nullable
    String costCentre() {
        return costCentre;
    }

    @Nullable
    UUID headAccountId() {
        return headAccountId;
    }

    boolean archived() {
        return archived;
    }

    /** The snapshot kept in the audit trail. */
    record Snapshot(String code, String name, @Nullable String costCentre, @Nullable UUID parentId, @Nullable UUID head, boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(code, name, costCentre, parentId, headAccountId, archived);
    }
}

package org.opencio.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/** One piece of hardware the organization owns, with its lifecycle and who holds it. */
@Entity
@Table(name = "assets")
class Asset extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String tag;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type", nullable = false)
    private AssetType type;

    @Column(name = "model_id")
    private @Nullable UUID modelId;

    private @Nullable String serial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssetStatus status;

    @Column(name = "assignee_id")
    private @Nullable UUID assigneeId;

    @Column(name = "department_id")
    private @Nullable UUID departmentId;

    private @Nullable String location;

    @Column(name = "purchased_on")
    private @Nullable LocalDate purchasedOn;

    private @Nullable BigDecimal cost;

    private @Nullable String currency;

    @Column(name = "order_reference")
    private @Nullable String orderReference;

    @Column(name = "vendor_id")
    private @Nullable UUID vendorId;

    @Column(name = "warranty_end")
    private @Nullable LocalDate warrantyEnd;

    @Column(name = "end_of_life")
    private @Nullable LocalDate endOfLife;

    private @Nullable String notes;

    @Column(name = "source_key", updatable = false)
    private @Nullable String sourceKey;

    /** Comma-separated {@link LockedField} names a person set by hand; agent reports leave those alone. */
    @Column(name = "locked_fields")
    private @Nullable String lockedFields;

    protected Asset() {}

    Asset(String tag, AssetStatus status, @Nullable String sourceKey) {
        this.tag = tag;
        this.status = status;
        this.sourceKey = sourceKey;
    }

    void describe(Facts f) {
        this.name = f.name().strip();
        this.type = f.type();
        this.modelId = f.modelId();
        this.serial = blank(f.serial());
        this.location = blank(f.location());
        this.purchasedOn = f.purchasedOn();
        this.cost = f.cost();
        this.currency = f.cost() == null ? null : f.currency();
        this.orderReference = blank(f.orderReference());
        this.vendorId = f.vendorId();
        this.warrantyEnd = f.warrantyEnd();
        this.endOfLife = f.endOfLife();
        this.notes = blank(f.notes());
    }

    /** The facts a person or a goods receipt gives, already checked. */
    record Facts(String name, AssetType type, @Nullable UUID modelId, @Nullable String serial, @Nullable String location,
            @Nullable LocalDate purchasedOn, @Nullable BigDecimal cost, @Nullable String currency, @Nullable String orderReference,
            @Nullable UUID vendorId, @Nullable LocalDate warrantyEnd, @Nullable LocalDate endOfLife, @Nullable String notes) {}

    /** Moves to another status; one that cannot be held ends the assignment. */
    void moveTo(AssetStatus target) {
        if (!status.mayBecome(target)) {
            throw new ConflictException("status", "An asset " + status + " cannot become " + target);
        }
        status = target;
        if (!target.mayBeHeld()) {
            assigneeId = null;
        }
    }

    void checkOut(UUID assignee, @Nullable UUID department) {
        if (assigneeId != null) {
            throw new ConflictException("assigneeId", "The asset is checked out already; check it in first");
        }
        if (status != AssetStatus.IN_STOCK) {
            throw new ConflictException("status", "Only an asset in stock can be checked out; this one is " + status);
        }
        status = AssetStatus.DEPLOYED;
        assigneeId = assignee;
        if (department != null) {
            departmentId = department;
        }
    }

    void checkIn() {
        if (assigneeId == null) {
            throw new ConflictException("assigneeId", "The asset is not checked out");
        }
        assigneeId = null;
        if (status == AssetStatus.DEPLOYED) {
            status = AssetStatus.IN_STOCK;
        }
    }

    /** Locks every field an agent also reports that this change by a person gave another value. */
    void lockChanged(Snapshot before) {
        Snapshot after = snapshot();
        EnumSet<LockedField> locked = locked();
        for (LockedField field : LockedField.values()) {
            if (!Objects.equals(field.of(before), field.of(after))) {
                locked.add(field);
            }
        }
        store(locked);
    }

    boolean isLocked(LockedField field) {
        return locked().contains(field);
    }

    void unlock(LockedField field) {
        EnumSet<LockedField> locked = locked();
        locked.remove(field);
        store(locked);
    }

    EnumSet<LockedField> locked() {
        return LockedField.parseAll(lockedFields);
    }

    private void store(EnumSet<LockedField> locked) {
        lockedFields = locked.isEmpty() ? null
                : locked.stream().map(LockedField::key).collect(Collectors.joining(","));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    AssetStatus status() {
        return status;
    }

    @Nullable UUID assigneeId() {
        return assigneeId;
    }

    @Nullable UUID departmentId() {
        return departmentId;
    }

    @Nullable UUID modelId() {
        return modelId;
    }

    @Nullable UUID vendorId() {
        return vendorId;
    }

    @Nullable String serial() {
        return serial;
    }

    record Snapshot(String tag, String name, AssetType type, @Nullable UUID modelId, @Nullable String serial, AssetStatus status,
            @Nullable UUID assigneeId, @Nullable UUID departmentId, @Nullable String location, @Nullable LocalDate purchasedOn,
            @Nullable BigDecimal cost, @Nullable String currency, @Nullable String orderReference, @Nullable UUID vendorId,
            @Nullable LocalDate warrantyEnd, @Nullable LocalDate endOfLife, @Nullable String notes) {}

    Snapshot snapshot() {
        return new Snapshot(tag, name, type, modelId, serial, status, assigneeId, departmentId, location, purchasedOn, cost, currency,
                orderReference, vendorId, warrantyEnd, endOfLife, notes);
    }
}

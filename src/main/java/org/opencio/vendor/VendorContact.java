package org.opencio.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A person at a vendor: the account manager, support, billing. */
@Entity
@Table(name = "vendor_contacts")
class VendorContact extends TenantEntity {

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactKind kind;

    @Column(name = "job_title")
    private @Nullable String jobTitle;

    private @Nullable String email;

    private @Nullable String phone;

    @Column(nullable = false)
    private boolean archived;

    protected VendorContact() {}

    VendorContact(UUID vendorId) {
        this.vendorId = vendorId;
    }

    void describe(String name, ContactKind kind, @Nullable String jobTitle, @Nullable String email, @Nullable String phone) {
        this.name = name.strip();
        this.kind = kind;
        this.jobTitle = blankToNull(jobTitle);
        this.email = blankToNull(email);
        this.phone = blankToNull(phone);
    }

    void archive() {
        archived = true;
    }

    UUID vendorId() {
        return vendorId;
    }

    String name() {
        return name;
    }

    boolean archived() {
        return archived;
    }

    record Snapshot(UUID vendorId, String name, ContactKind kind, @Nullable String jobTitle, @Nullable String email, @Nullable String phone,
            boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(vendorId, name, kind, jobTitle, email, phone, archived);
    }

    ContactView view() {
        return new ContactView(getId(), vendorId, name, kind, jobTitle, email, phone, createdAt(), updatedAt(), version());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

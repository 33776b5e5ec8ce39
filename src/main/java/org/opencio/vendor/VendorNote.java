package org.opencio.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** Vendor intelligence: what a vendor presented on a day, and why it matters to the organization. */
@Entity
@Table(name = "vendor_notes")
class VendorNote extends TenantEntity {

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(name = "noted_on", nullable = false)
    private LocalDate notedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteKind kind;

    @Column(nullable = false)
    private String title;

    private @Nullable String body;

    private @Nullable String relevance;

    @Column(nullable = false)
    private String tags = "";

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false)
    private boolean archived;

    protected VendorNote() {}

    VendorNote(UUID vendorId, UUID authorId) {
        this.vendorId = vendorId;
        this.authorId = authorId;
    }

    void describe(LocalDate notedOn, NoteKind kind, String title, @Nullable String body, @Nullable String relevance, List<String> tags) {
        this.notedOn = notedOn;
        this.kind = kind;
        this.title = title.strip();
        this.body = body == null || body.isBlank() ? null : body.strip();
        this.relevance = relevance == null || relevance.isBlank() ? null : relevance.strip();
        this.tags = String.join(",", tags);
    }

    void archive() {
        archived = true;
    }

    UUID vendorId() {
        return vendorId;
    }

    UUID authorId() {
        return authorId;
    }

    boolean archived() {
        return archived;
    }

    record Snapshot(UUID vendorId, LocalDate notedOn, NoteKind kind, String title, @Nullable String body, @Nullable String relevance,
            List<String> tags, UUID authorId, boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(vendorId, notedOn, kind, title, body, relevance, Tags.split(tags), authorId, archived);
    }

    VendorNoteView view(String vendorName, @Nullable String authorName) {
        return new VendorNoteView(getId(), vendorId, vendorName, notedOn, kind, title, body, relevance, Tags.split(tags), authorId, authorName,
                createdAt(), updatedAt(), version());
    }
}

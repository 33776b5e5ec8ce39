package org.opencio.vendor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.persistence.LikePatterns;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor intelligence: dated notes from briefings, roadmap sessions and meetings ("the vendor presented X, relevant to
 * Y"). Other modules (the technology radar) find notes with {@link #search} and link to them by id ({@link #get(UUID)}).
 */
@Service
public class VendorNoteManagement {

    private static final Map<String, String> SORTS = Map.of("notedOn", "n.noted_on", "createdAt", "n.created_at", "id", "n.id");

    private static final String SELECT = "select n.*, coalesce(v.trading_name, v.legal_name) as vendor_name from vendor_notes n "
            + "join vendors v on v.id = n.vendor_id and v.org_id = n.org_id";

    private final VendorNotes notes;
    private final VendorManagement vendors;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    VendorNoteManagement(VendorNotes notes, VendorManagement vendors, MemberManagement members, AuditTrail audit, JdbcClient jdbc) {
        this.notes = notes;
        this.vendors = vendors;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A vendor's notes, newest first. */
    @Transactional(readOnly = true)
    public List<VendorNoteView> list(UUID vendorId) {
        Access.require(Permission.VENDORS_VIEW);
        Vendor vendor = vendors.find(vendorId);
        List<VendorNote> found = notes.findByVendorIdAndArchivedFalseOrderByNotedOnDescCreatedAtDesc(vendorId);
        Map<UUID, String> authors = members.displayNames(found.stream().map(VendorNote::authorId).distinct().toList());
        return found.stream().map(n -> n.view(vendor.displayName(), authors.get(n.authorId()))).toList();
    }

    /** Notes across vendors, newest first by default ({@code sort}: notedOn, createdAt, with '-' for descending). */
    @Transactional(readOnly = true)
    public CursorPage<VendorNoteView> search(NoteFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("notedOn", "createdAt"), "-notedOn");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where n.org_id = :org and n.archived = false");
        if (filter.vendorId() != null) {
            sql.append(" and n.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        if (filter.kind() != null) {
            sql.append(" and n.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and (',' || n.tags || ',') like :tag escape '\\'");
            params.put("tag", "%," + LikePatterns.literal(filter.tag().strip().toLowerCase(Locale.ROOT)) + ",%");
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and (lower(n.title) like :q escape '\\' or lower(coalesce(n.body, '')) like :q escape '\\' "
                    + "or lower(coalesce(n.relevance, '')) like :q escape '\\')");
            params.put("q", "%" + LikePatterns.literal(filter.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            sql.append(" and n.noted_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and n.noted_on <= :to");
            params.put("to", filter.to());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<VendorNoteView> rows = named(jdbc.sql(sql.toString()).params(params).query(VendorNoteManagement::row).list());
        return keyset.page(rows, request, n -> switch (request.sort().iterator().next().getProperty()) {
            case "createdAt" -> Map.of("createdAt", n.createdAt(), "id", n.id());
            default -> Map.of("notedOn", n.notedOn(), "id", n.id());
        });
    }

    /** One note by its id alone, for modules that link to it. */
    @Transactional(readOnly = true)
    public VendorNoteView get(UUID noteId) {
        Access.require(Permission.VENDORS_VIEW);
        VendorNote note = notes.findById(noteId).filter(n -> !n.archived()).orElseThrow(() -> new NotFoundException("Note"));
        return view(note);
    }

    @Transactional(readOnly = true)
    public VendorNoteView get(UUID vendorId, UUID noteId) {
        Access.require(Permission.VENDORS_VIEW);
        return view(find(vendorId, noteId));
    }

    @Transactional
    public VendorNoteView create(UUID vendorId, SaveVendorNote command) {
        OrgAccess caller = Access.require(Permission.VENDORS_MANAGE);
        vendors.findCurrent(vendorId);
        LocalDate day = check(command);
        var note = new VendorNote(vendorId, caller.accountId());
        note.describe(day, kind(command), command.title(), command.body(), command.relevance(), Tags.clean(command.tags()));
        notes.saveAndFlush(note);
        audit.record("vendor-note.created", "VendorNote", note.getId(), null, note.snapshot());
        return view(note);
    }

    @Transactional
    public VendorNoteView update(UUID vendorId, UUID noteId, SaveVendorNote command, long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        VendorNote note = find(vendorId, noteId);
        Versions.check(expectedVersion, note.version());
        LocalDate day = check(command);
        var before = note.snapshot();
        note.describe(day, kind(command), command.title(), command.body(), command.relevance(), Tags.clean(command.tags()));
        notes.saveAndFlush(note);
        audit.record("vendor-note.updated", "VendorNote", noteId, before, note.snapshot());
        return view(note);
    }

    @Transactional
    public void remove(UUID vendorId, UUID noteId, @Nullable Long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        VendorNote note = find(vendorId, noteId);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, note.version());
        }
        var before = note.snapshot();
        note.archive();
        notes.saveAndFlush(note);
        audit.record("vendor-note.removed", "VendorNote", noteId, before, note.snapshot());
    }

    private VendorNote find(UUID vendorId, UUID noteId) {
        vendors.find(vendorId);
        return notes.findById(noteId)
                .filter(n -> n.vendorId().equals(vendorId) && !n.archived())
                .orElseThrow(() -> new NotFoundException("Note"));
    }

    private static NoteKind kind(SaveVendorNote c) {
        return c.kind() == null ? NoteKind.OTHER : c.kind();
    }

    /** The note's day: the one given (not in the future) or today. */
    private static LocalDate check(SaveVendorNote c) {
        LocalDate today = today();
        var checks = new Checks()
                .text("title", c.title(), 200, true)
                .text("body", c.body(), 8000, false)
                .text("relevance", c.relevance(), 1000, false)
                .rule(c.notedOn() == null || !c.notedOn().isAfter(today), "notedOn", "future", "notedOn must not be in the future")
                .rule(c.notedOn() == null || c.notedOn().getYear() >= 2000, "notedOn", "range", "notedOn must be in 2000 or later");
        Tags.check(checks, "tags", c.tags());
        checks.throwIfAny();
        return c.notedOn() == null ? today : c.notedOn();
    }

    static LocalDate today() {
        ZoneId zone = TenantContext.access().map(a -> ZoneId.of(a.timeZone())).orElse(ZoneId.of("UTC"));
        return LocalDate.now(zone);
    }

    private VendorNoteView view(VendorNote note) {
        String vendorName = vendors.find(note.vendorId()).displayName();
        return note.view(vendorName, members.displayNames(List.of(note.authorId())).get(note.authorId()));
    }

    private List<VendorNoteView> named(List<VendorNoteView> rows) {
        Map<UUID, String> authors = members.displayNames(rows.stream().map(VendorNoteView::authorId).distinct().toList());
        return rows.stream()
                .map(n -> new VendorNoteView(n.id(), n.vendorId(), n.vendorName(), n.notedOn(), n.kind(), n.title(), n.body(), n.relevance(),
                        n.tags(), n.authorId(), authors.get(n.authorId()), n.createdAt(), n.updatedAt(), n.version()))
                .toList();
    }

    private static VendorNoteView row(ResultSet rs, int n) throws SQLException {
        return new VendorNoteView(
                rs.getObject("id", UUID.class),
                rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_name"),
                rs.getObject("noted_on", LocalDate.class),
                NoteKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("relevance"),
                Tags.split(rs.getString("tags")),
                rs.getObject("author_id", UUID.class),
                null,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}

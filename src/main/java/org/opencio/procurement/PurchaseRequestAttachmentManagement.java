package org.opencio.procurement;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.files.FileType;
import org.opencio.platform.files.UploadRejectedException;
import org.opencio.platform.files.UploadedFiles;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a purchase request, such as the vendor's quote: PDF, PNG, JPEG or WebP as their first bytes show,
 * whatever their name or declared type says (and refused when those say otherwise), up to
 * {@code opencio.procurement.attachment-max-size} each and {@value #MAX_ATTACHMENTS} per request. Whoever sees the
 * request sees and downloads them; {@link AttachmentPolicy} says who adds and removes. Bytes are stored in the database
 * like contract documents; a removed attachment leaves the list and cannot be downloaded, but its row stays.
 */
@Service
public class PurchaseRequestAttachmentManagement {

    static final int MAX_ATTACHMENTS = 20;

    private final PurchaseRequestManagement requests;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final long maxBytes;

    PurchaseRequestAttachmentManagement(
            PurchaseRequestManagement requests, MemberManagement members, AuditTrail audit, JdbcClient jdbc, ProcurementSettings settings) {
        this.requests = requests;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
        this.maxBytes = settings.attachmentMaxSize().toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional(readOnly = true)
    public List<PurchaseRequestAttachmentView> list(UUID requestId) {
        requests.visible(requests.find(requestId));
        return named(jdbc.sql(SELECT + " where org_id = ? and request_id = ? and removed_at is null order by created_at, id")
                .params(TenantContext.requireOrgId(), requestId)
                .query(PurchaseRequestAttachmentManagement::view)
                .list());
    }

    /** What the caller may do with the request's attachments now. */
    @Transactional(readOnly = true)
    public PurchaseRequestAttachmentView.Rights rights(UUID requestId) {
        PurchaseRequest request = requests.visible(requests.find(requestId));
        OrgAccess caller = TenantContext.requireAccess();
        boolean open = AttachmentPolicy.open(request.status());
        return new PurchaseRequestAttachmentView.Rights(open && AttachmentPolicy.mayAdd(caller, request.requesterId()),
                open && AttachmentPolicy.mayRemove(caller, request.requesterId()), maxBytes, MAX_ATTACHMENTS);
    }

    @Transactional(readOnly = true)
    public PurchaseRequestAttachmentView.Content download(UUID requestId, UUID attachmentId) {
        requests.visible(requests.find(requestId));
        PurchaseRequestAttachmentView attachment = named(List.of(find(requestId, attachmentId))).getFirst();
        byte[] bytes = jdbc.sql("select content from purchase_request_attachment_contents where org_id = ? and attachment_id = ?")
                .params(TenantContext.requireOrgId(), attachmentId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new NotFoundException("Attachment"));
        return new PurchaseRequestAttachmentView.Content(attachment, bytes);
    }

    /**
     * Attaches a file. {@code size} is the length the upload declares: nothing is read when it is too large, and no
     * more than the limit is read when it lies. {@code declaredType} is the part's Content-Type, a claim like the name.
     */
    @Transactional
    public PurchaseRequestAttachmentView add(
            UUID requestId, @Nullable String fileName, @Nullable String declaredType, long size, InputStream content) {
        OrgAccess caller = TenantContext.requireAccess();
        requireMayAdd(caller, requests.visible(requests.find(requestId)));
        if (size > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes = UploadedFiles.readAtMost(content, maxBytes);
        if (bytes.length == 0) {
            throw new UploadRejectedException(400, "empty", "file", "The file is empty; choose a PDF, PNG, JPEG or WebP file to attach.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        FileType type = FileType.sniff(bytes).orElseThrow(() -> new UploadRejectedException(415, "unsupported-type", "file",
                "Only PDF documents and PNG, JPEG or WebP images can be attached; this file is none of them, whatever its name says."));
        FileType.Claim claim = FileType.falseClaim(type, fileName, declaredType);
        if (claim != null) {
            throw new UploadRejectedException(415, "type-mismatch", "file", "The file is a " + type.label() + ", but "
                    + (claim.said().startsWith(".") ? "its name ends in " : "it was sent as ") + claim.said() + "; rename it or send the file it claims to be.");
        }
        String name = UploadedFiles.cleanName(fileName, "attachment");
        new Checks().text("file", name, 255, true).throwIfAny();
        String sha = UploadedFiles.sha256(bytes);

        // Locked now, not earlier: the request is not held while the file is read. Its status and count are read again.
        PurchaseRequest request = requireMayAdd(caller, requests.visible(requests.lock(requestId)));
        UUID orgId = caller.orgId();
        long count = jdbc.sql("select count(*) from purchase_request_attachments where org_id = ? and request_id = ? and removed_at is null")
                .params(orgId, requestId).query(Long.class).single();
        if (count >= MAX_ATTACHMENTS) {
            throw new ConflictException("file", "a request has at most " + MAX_ATTACHMENTS + " attachments; remove one before adding another");
        }
        boolean duplicate = jdbc.sql("select count(*) from purchase_request_attachments where org_id = ? and request_id = ? and sha256 = ? "
                        + "and removed_at is null")
                .params(orgId, requestId, sha).query(Long.class).single() > 0;
        if (duplicate) {
            throw new ConflictException("file", "this file is attached to the request already");
        }
        UUID id = Ids.newId();
        jdbc.sql("insert into purchase_request_attachments (id, org_id, request_id, file_name, content_type, size_bytes, sha256, created_by, "
                        + "created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(id, orgId, requestId, name, type.mediaType(), (long) bytes.length, sha, caller.accountId(), Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("insert into purchase_request_attachment_contents (attachment_id, org_id, content) values (?, ?, ?)")
                .params(id, orgId, bytes)
                .update();
        audit.record("purchase-request.attachment-added", "PurchaseRequest", request.getId(), null, snapshot(request, find(requestId, id)));
        return named(List.of(find(requestId, id))).getFirst();
    }

    /** Takes the attachment off the request (its row is kept); {@code expectedVersion} is honoured when given. */
    @Transactional
    public void remove(UUID requestId, UUID attachmentId, @Nullable Long expectedVersion) {
        OrgAccess caller = TenantContext.requireAccess();
        PurchaseRequest request = requests.visible(requests.lock(requestId));
        PurchaseRequestAttachmentView attachment = find(requestId, attachmentId);
        if (!AttachmentPolicy.mayRemove(caller, request.requesterId())) {
            throw new ForbiddenException("only the requester, a CIO or an IT manager removes a request's attachments");
        }
        requireOpen(request);
        if (expectedVersion != null && expectedVersion != attachment.version()) {
            throw new StaleVersionException(attachment.version());
        }
        jdbc.sql("update purchase_request_attachments set removed_by = ?, removed_at = ?, version = version + 1 "
                        + "where org_id = ? and id = ? and removed_at is null")
                .params(caller.accountId(), Timestamp.from(Instant.now()), caller.orgId(), attachmentId)
                .update();
        audit.record("purchase-request.attachment-removed", "PurchaseRequest", request.getId(), snapshot(request, attachment), null);
    }

    private static PurchaseRequest requireMayAdd(OrgAccess caller, PurchaseRequest request) {
        if (!AttachmentPolicy.mayAdd(caller, request.requesterId())) {
            throw new ForbiddenException("only the requester adds attachments to a request");
        }
        requireOpen(request);
        return request;
    }

    private static void requireOpen(PurchaseRequest request) {
        if (!AttachmentPolicy.open(request.status())) {
            throw new ConflictException("status", "the request is " + request.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; its attachments no longer change");
        }
    }

    private PurchaseRequestAttachmentView find(UUID requestId, UUID attachmentId) {
        return jdbc.sql(SELECT + " where org_id = ? and request_id = ? and id = ? and removed_at is null")
                .params(TenantContext.requireOrgId(), requestId, attachmentId)
                .query(PurchaseRequestAttachmentManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Attachment"));
    }

    private UploadRejectedException tooLarge() {
        return new UploadRejectedException(413, "too-large", "file",
                "The file is larger than " + megabytes(maxBytes) + " MB, the most a purchase request attachment may be.");
    }

    /** Whole megabytes, rounded down; at least 1 so that a small test limit does not read as "0 MB". */
    static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }

    private static Map<String, Object> snapshot(PurchaseRequest request, PurchaseRequestAttachmentView a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", request.number());
        s.put("attachmentId", a.id().toString());
        s.put("fileName", a.fileName());
        s.put("contentType", a.contentType());
        s.put("sizeBytes", a.sizeBytes());
        s.put("sha256", a.sha256());
        return s;
    }

    private List<PurchaseRequestAttachmentView> named(List<PurchaseRequestAttachmentView> rows) {
        Set<UUID> people = new HashSet<>();
        rows.forEach(a -> people.add(a.createdBy()));
        if (people.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = members.displayNames(people);
        return rows.stream()
                .map(a -> new PurchaseRequestAttachmentView(a.id(), a.requestId(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                        a.createdBy(), names.get(a.createdBy()), a.createdAt(), a.version()))
                .toList();
    }

    private static final String SELECT = "select id, request_id, file_name, content_type, size_bytes, sha256, created_by, created_at, version "
            + "from purchase_request_attachments";

    private static PurchaseRequestAttachmentView view(ResultSet rs, int n) throws SQLException {
        return new PurchaseRequestAttachmentView(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("created_by", UUID.class),
                null,
                Objects.requireNonNull(PurchaseRequestStore.instant(rs, "created_at")),
                rs.getLong("version"));
    }
}

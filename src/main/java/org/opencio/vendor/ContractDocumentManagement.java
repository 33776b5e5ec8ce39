package org.opencio.vendor;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.files.FileType;
import org.opencio.platform.files.UploadedFiles;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The documents of a contract term: PDFs only, recognised by their first bytes ({@code %PDF-}) whatever the upload
 * claims, up to {@code opencio.contracts.max-document-size} (20 MB). Bytes are stored in the database, so every node
 * serves them; a removed document is archived, never erased.
 */
@Service
public class ContractDocumentManagement {

    static final String PDF = FileType.PDF.mediaType();

    private final Contracts contracts;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final long maxBytes;

    ContractDocumentManagement(
            Contracts contracts,
            MemberManagement members,
            AuditTrail audit,
            JdbcClient jdbc,
            @Value("${opencio.contracts.max-document-size:20MB}") DataSize maxSize) {
        this.contracts = contracts;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Transactional(readOnly = true)
    public List<ContractDocumentView> list(UUID contractId, boolean archived) {
        Access.require(Permission.CONTRACTS_VIEW);
        contract(contractId);
        List<ContractDocumentView> rows = jdbc.sql(SELECT + " where org_id = ? and contract_id = ? and archived = ? order by created_at desc, id desc")
                .params(TenantContext.requireOrgId(), contractId, archived)
                .query(ContractDocumentManagement::view)
                .list();
        return named(rows);
    }

    @Transactional(readOnly = true)
    public ContractDocumentView get(UUID contractId, UUID documentId) {
        Access.require(Permission.CONTRACTS_VIEW);
        contract(contractId);
        return named(List.of(find(contractId, documentId))).getFirst();
    }

    @Transactional(readOnly = true)
    public ContractDocumentView.Content download(UUID contractId, UUID documentId) {
        Access.require(Permission.CONTRACTS_VIEW);
        contract(contractId);
        ContractDocumentView document = find(contractId, documentId);
        byte[] bytes = jdbc.sql("select content from contract_document_contents where org_id = ? and document_id = ?")
                .params(TenantContext.requireOrgId(), documentId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> new NotFoundException("Document"));
        return new ContractDocumentView.Content(document, bytes);
    }

    /**
     * Attaches a PDF. {@code size} is the length the upload declares; nothing is read when it is too large, and no more
     * than the limit is read when it lies.
     */
    @Transactional
    public ContractDocumentView upload(UUID contractId, @Nullable String fileName, long size, InputStream content) {
        OrgAccess caller = Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = contract(contractId);
        contract.requireNotArchived();
        if (size > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes = UploadedFiles.readAtMost(content, maxBytes);
        if (bytes.length == 0) {
            throw new DocumentRejectedException(400, "empty", "The file is empty; send a PDF as the multipart part 'file'.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        if (FileType.sniff(bytes).orElse(null) != FileType.PDF) {
            throw new DocumentRejectedException(415, "not-pdf", "Only PDF documents can be attached; this file is not a PDF, whatever its name says.");
        }
        String name = cleanName(fileName);
        new Checks().text("file", name, 255, true).throwIfAny();
        String sha = UploadedFiles.sha256(bytes);
        UUID orgId = caller.orgId();
        boolean duplicate = jdbc.sql("select count(*) from contract_documents where org_id = ? and contract_id = ? and sha256 = ? and archived = false")
                        .params(orgId, contractId, sha)
                        .query(Long.class)
                        .single() > 0;
        if (duplicate) {
            throw new ConflictException("file", "this document is attached to the contract already");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into contract_documents (id, org_id, contract_id, file_name, content_type, size_bytes, sha256, archived, created_by, "
                        + "created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, 0)")
                .params(id, orgId, contractId, name, PDF, (long) bytes.length, sha, caller.accountId(), now, now)
                .update();
        jdbc.sql("insert into contract_document_contents (document_id, org_id, content) values (?, ?, ?)")
                .params(id, orgId, bytes)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("contractId", contractId);
        after.put("fileName", name);
        after.put("sizeBytes", bytes.length);
        after.put("sha256", sha);
        audit.record("contract-document.added", "ContractDocument", id, null, after);
        return named(List.of(find(contractId, id))).getFirst();
    }

    /** Removes a document from the contract's list; it stays stored, and can still be downloaded by its link. */
    @Transactional
    public ContractDocumentView archive(UUID contractId, UUID documentId, @Nullable Long expectedVersion, @Nullable String reason) {
        Access.require(Permission.CONTRACTS_MANAGE);
        contract(contractId);
        ContractDocumentView document = find(contractId, documentId);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, document.version());
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        if (!document.archived()) {
            jdbc.sql("update contract_documents set archived = true, updated_at = ?, version = version + 1 where org_id = ? and id = ?")
                    .params(Timestamp.from(Instant.now()), TenantContext.requireOrgId(), documentId)
                    .update();
            audit.record("contract-document.archived", "ContractDocument", documentId, Map.of("fileName", document.fileName(), "archived", false),
                    AuditTrail.withReason(Map.of("fileName", document.fileName(), "archived", true), reason));
        }
        return named(List.of(find(contractId, documentId))).getFirst();
    }

    private Contract contract(UUID contractId) {
        return contracts.findById(contractId).orElseThrow(() -> new NotFoundException("Contract"));
    }

    private ContractDocumentView find(UUID contractId, UUID documentId) {
        return jdbc.sql(SELECT + " where org_id = ? and contract_id = ? and id = ?")
                .params(TenantContext.requireOrgId(), contractId, documentId)
                .query(ContractDocumentManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Document"));
    }

    private DocumentRejectedException tooLarge() {
        return new DocumentRejectedException(413, "too-large",
                "The file is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB, the most a contract document may be.");
    }

    /** The name without folders or control characters; "document.pdf" when nothing is left. */
    static String cleanName(@Nullable String fileName) {
        return UploadedFiles.cleanName(fileName, "document.pdf");
    }

    private List<ContractDocumentView> named(List<ContractDocumentView> rows) {
        Set<UUID> people = new HashSet<>();
        rows.stream().map(ContractDocumentView::createdBy).filter(java.util.Objects::nonNull).forEach(people::add);
        if (people.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = members.displayNames(people);
        return rows.stream()
                .map(d -> new ContractDocumentView(d.id(), d.contractId(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.archived(),
                        d.createdBy(), d.createdBy() == null ? null : names.get(d.createdBy()), d.createdAt(), d.version()))
                .toList();
    }

    private static final String SELECT = "select id, contract_id, file_name, content_type, size_bytes, sha256, archived, created_by, created_at, "
            + "version from contract_documents";

    private static ContractDocumentView view(ResultSet rs, int n) throws SQLException {
        return new ContractDocumentView(
                rs.getObject("id", UUID.class),
                rs.getObject("contract_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getBoolean("archived"),
                rs.getObject("created_by", UUID.class),
                null,
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}

package org.opencio.vendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.ExportTable.Column;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.Permission;
import org.opencio.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The vendor register and its contacts as CSV, for spreadsheets and other systems. An import checks every row before
 * it writes anything: when any row is wrong it writes nothing and answers every problem by row and column. A row
 * whose legal name is a vendor of the register updates that vendor (columns the file leaves out keep their values), so
 * importing the same file twice changes nothing the second time.
 */
@Service
public class VendorCsv {

    /** The columns of the vendor file, in the order of an export. {@code legal_name} and {@code category} are required. */
    public static final List<String> VENDOR_COLUMNS = List.of(
            "legal_name", "trading_name", "category", "website", "status", "strategic_tier", "risk_tier", "tags", "owner_email", "notes");

    /** The columns of the contact file; a contact names its vendor by the vendor's legal name. */
    public static final List<String> CONTACT_COLUMNS = List.of("vendor_legal_name", "name", "kind", "job_title", "email", "phone");

    private static final Map<String, String> VENDOR_FIELDS = Map.of(
            "legalName", "legal_name", "tradingName", "trading_name", "category", "category", "website", "website", "status", "status",
            "strategicTier", "strategic_tier", "riskTier", "risk_tier", "tags", "tags", "notes", "notes", "ownerId", "owner_email");

    private static final Map<String, String> CONTACT_FIELDS = Map.of(
            "name", "name", "kind", "kind", "jobTitle", "job_title", "email", "email", "phone", "phone");

    private static final int MAX_EXPORT = 100_000;

    private final VendorManagement management;
    private final Vendors vendors;
    private final VendorContacts contacts;
    private final MemberManagement members;
    private final IdentityDirectory identities;
    private final AuditTrail audit;

    VendorCsv(VendorManagement management, Vendors vendors, VendorContacts contacts, MemberManagement members, IdentityDirectory identities,
            AuditTrail audit) {
        this.management = management;
        this.vendors = vendors;
        this.contacts = contacts;
        this.members = members;
        this.identities = identities;
        this.audit = audit;
    }

    // ---- export

    /** The vendors that match the filter, with the columns of {@link #VENDOR_COLUMNS}. */
    @Transactional(readOnly = true)
    public ExportTable exportVendors(VendorFilter filter) {
        List<VendorView> rows = management.all(filter, MAX_EXPORT);
        Map<UUID, String> emails = new HashMap<>();
        List<List<@Nullable Object>> cells = new ArrayList<>(rows.size());
        for (VendorView v : rows) {
            String owner = v.ownerId() == null ? null
                    : emails.computeIfAbsent(v.ownerId(), id -> identities.findById(id).map(AccountPrincipal::email).orElse(""));
            cells.add(Arrays.asList(v.legalName(), v.tradingName(), v.category().name(), v.website(), v.status().name(),
                    v.strategicTier().name(), v.riskTier().name(), String.join("; ", v.tags()), owner, v.notes()));
        }
        return new ExportTable("Vendors", List.of(
                Column.text("legal_name", 36), Column.text("trading_name", 24), Column.text("category", 12), Column.text("website", 30),
                Column.text("status", 10), Column.text("strategic_tier", 12), Column.text("risk_tier", 10), Column.text("tags", 24),
                Column.text("owner_email", 28), Column.text("notes", 40)), cells);
    }

    /** The contacts of the vendors that match the filter, vendor by vendor, with the columns of {@link #CONTACT_COLUMNS}. */
    @Transactional(readOnly = true)
    public ExportTable exportContacts(VendorFilter filter) {
        List<VendorView> rows = management.all(filter, MAX_EXPORT);
        Map<UUID, String> legalNames = new LinkedHashMap<>();
        rows.forEach(v -> legalNames.put(v.id(), v.legalName()));
        List<List<@Nullable Object>> cells = new ArrayList<>();
        if (!legalNames.isEmpty()) {
            Map<UUID, List<VendorContact>> byVendor = contacts.findAll().stream()
                    .filter(c -> !c.archived() && legalNames.containsKey(c.vendorId()))
                    .collect(Collectors.groupingBy(VendorContact::vendorId));
            for (UUID vendorId : legalNames.keySet()) {
                for (VendorContact c : byVendor.getOrDefault(vendorId, List.of())) {
                    ContactView v = c.view();
                    cells.add(Arrays.asList(legalNames.get(vendorId), v.name(), v.kind().name(), v.jobTitle(), v.email(), v.phone()));
                }
            }
        }
        return new ExportTable("Vendor contacts", List.of(
                Column.text("vendor_legal_name", 36), Column.text("name", 24), Column.text("kind", 16), Column.text("job_title", 24),
                Column.text("email", 30), Column.text("phone", 18)), cells);
    }

    // ---- import

    /** Adds and updates vendors from a CSV file with the columns of {@link #VENDOR_COLUMNS}; all rows or none. */
    @Transactional
    public ImportResult importVendors(@Nullable MultipartFile file) {
        Access.require(Permission.VENDORS_MANAGE);
        CsvTable table = read(bytes(file));
        Map<String, Integer> col = columns(table, VENDOR_COLUMNS, List.of("legal_name", "category"));
        List<Vendor> register = vendors.findAll();
        Map<String, List<Vendor>> byLegal = new HashMap<>();
        Map<String, List<Vendor>> byTrading = new HashMap<>();
        Map<String, List<Vendor>> byDomain = new HashMap<>();
        for (Vendor v : register) {
            byLegal.computeIfAbsent(v.nameKey(), k -> new ArrayList<>()).add(v);
            if (v.tradingName() != null) {
                byTrading.computeIfAbsent(VendorNames.key(v.tradingName()), k -> new ArrayList<>()).add(v);
            }
            if (v.websiteDomain() != null) {
                byDomain.computeIfAbsent(v.websiteDomain(), k -> new ArrayList<>()).add(v);
            }
        }
        record Planned(@Nullable Vendor existing, Vendor.Details details) {}
        List<Planned> planned = new ArrayList<>();
        List<ImportRejectedException.RowError> errors = new ArrayList<>();
        Map<String, Integer> keysInFile = new HashMap<>();
        Map<String, Integer> domainsInFile = new HashMap<>();
        Map<String, Optional<UUID>> owners = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(row, col, errors);
            String legal = cells.text("legal_name");
            String key = legal == null ? "" : VendorNames.key(legal);
            Vendor existing = null;
            if (!key.isEmpty()) {
                List<Vendor> same = byLegal.getOrDefault(key, List.of());
                Integer earlier = keysInFile.putIfAbsent(key, row.line());
                if (earlier != null) {
                    cells.error("legal_name", "row " + earlier + " has the same vendor already");
                } else if (same.size() > 1) {
                    cells.error("legal_name", same.size() + " vendors of the register have this name; change them on their pages");
                } else if (same.size() == 1) {
                    existing = same.getFirst();
                    if (existing.archived()) {
                        cells.error("legal_name", "the vendor " + existing.displayName() + " is archived; restore it before importing it");
                    }
                }
            }
            VendorCategory category = cells.choice("category", VendorCategory.class, existing == null ? null : existing.category());
            VendorStatus status = cells.choice("status", VendorStatus.class, existing == null ? null : existing.status());
            StrategicTier strategic = cells.choice("strategic_tier", StrategicTier.class, existing == null ? null : existing.strategicTier());
            RiskTier risk = cells.choice("risk_tier", RiskTier.class, existing == null ? null : existing.riskTier());
            UUID owner = existing == null ? null : existing.ownerId();
            if (cells.has("owner_email")) {
                String email = cells.text("owner_email");
                owner = null;
                if (email != null) {
                    Optional<UUID> found = owners.computeIfAbsent(email.toLowerCase(Locale.ROOT), e -> identities.findByEmail(e)
                            .map(AccountPrincipal::accountId)
                            .filter(members::isActiveMember));
                    if (found.isEmpty()) {
                        cells.error("owner_email", "no active member of this organization has the email " + email);
                    } else {
                        owner = found.get();
                    }
                }
            }
            var command = new SaveVendor(
                    legal,
                    cells.has("trading_name") ? cells.text("trading_name") : existing == null ? null : existing.tradingName(),
                    category,
                    cells.has("website") ? cells.text("website") : existing == null ? null : existing.website(),
                    status,
                    strategic,
                    risk,
                    cells.has("tags") ? Tags.parse(cells.text("tags")) : existing == null ? List.of() : existing.tags(),
                    cells.has("notes") ? cells.text("notes") : existing == null ? null : existing.notes(),
                    owner);
            Vendor.Details details = null;
            try {
                details = management.validated(command, existing);
            } catch (InvalidInputException e) {
                e.errors().stream()
                        .filter(f -> !cells.hasError(VENDOR_FIELDS.getOrDefault(f.field(), f.field())))
                        .forEach(f -> cells.error(VENDOR_FIELDS.getOrDefault(f.field(), f.field()), f.detail()));
            }
            if (details != null && existing == null && !cells.failed()) {
                likeOthers(cells, "legal_name", details.legalName(), byLegal, byTrading);
                likeOthers(cells, "trading_name", details.tradingName(), byLegal, byTrading);
                String domain = VendorNames.domain(details.website());
                if (domain != null) {
                    List<Vendor> sameDomain = byDomain.getOrDefault(domain, List.of());
                    Integer earlier = domainsInFile.putIfAbsent(domain, row.line());
                    if (!sameDomain.isEmpty()) {
                        cells.error("website", "the website domain " + domain + " belongs to " + sameDomain.getFirst().displayName() + " already");
                    } else if (earlier != null) {
                        cells.error("website", "row " + earlier + " has a vendor with the website domain " + domain + " already");
                    }
                }
            }
            if (details != null && !cells.failed()) {
                planned.add(new Planned(existing, details));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        int created = 0;
        int updated = 0;
        for (Planned p : planned) {
            if (p.existing() == null) {
                Vendor vendor = new Vendor(p.details());
                vendors.save(vendor);
                audit.record("vendor.created", "Vendor", vendor.getId(), null, vendor.snapshot());
                created++;
            } else {
                Vendor vendor = p.existing();
                var before = vendor.snapshot();
                vendor.apply(p.details());
                if (!before.equals(vendor.snapshot())) {
                    vendors.save(vendor);
                    audit.record("vendor.updated", "Vendor", vendor.getId(), before, vendor.snapshot());
                    updated++;
                }
            }
        }
        vendors.flush();
        return new ImportResult(table.rows().size(), created, updated, planned.size() - created - updated);
    }

    /**
     * Adds and updates contacts from a CSV file with the columns of {@link #CONTACT_COLUMNS}; all rows or none. A row
     * updates the contact of the same name at the same vendor.
     */
    @Transactional
    public ImportResult importContacts(@Nullable MultipartFile file) {
        Access.require(Permission.VENDORS_MANAGE);
        CsvTable table = read(bytes(file));
        Map<String, Integer> col = columns(table, CONTACT_COLUMNS, List.of("vendor_legal_name", "name", "kind"));
        Map<String, List<Vendor>> byLegal = new HashMap<>();
        for (Vendor v : vendors.findAll()) {
            byLegal.computeIfAbsent(v.nameKey(), k -> new ArrayList<>()).add(v);
        }
        Map<String, VendorContact> existingContacts = new HashMap<>();
        for (VendorContact c : contacts.findAll()) {
            if (!c.archived()) {
                existingContacts.putIfAbsent(c.vendorId() + "|" + c.name().strip().toLowerCase(Locale.ROOT), c);
            }
        }
        record Planned(UUID vendorId, @Nullable VendorContact existing, SaveContact contact) {}
        List<Planned> planned = new ArrayList<>();
        List<ImportRejectedException.RowError> errors = new ArrayList<>();
        Map<String, Integer> inFile = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(row, col, errors);
            String vendorName = cells.text("vendor_legal_name");
            Vendor vendor = null;
            if (vendorName == null) {
                cells.error("vendor_legal_name", "vendor_legal_name is required");
            } else {
                List<Vendor> found = byLegal.getOrDefault(VendorNames.key(vendorName), List.of());
                if (found.isEmpty()) {
                    cells.error("vendor_legal_name", "no vendor of the register has the legal name " + vendorName);
                } else if (found.size() > 1) {
                    cells.error("vendor_legal_name", found.size() + " vendors of the register have this name; add the contact on the vendor's page");
                } else if (found.getFirst().archived()) {
                    cells.error("vendor_legal_name", "the vendor " + found.getFirst().displayName() + " is archived");
                } else {
                    vendor = found.getFirst();
                }
            }
            String name = cells.text("name");
            VendorContact existing = null;
            if (vendor != null && name != null) {
                String key = vendor.getId() + "|" + name.strip().toLowerCase(Locale.ROOT);
                Integer earlier = inFile.putIfAbsent(key, row.line());
                if (earlier != null) {
                    cells.error("name", "row " + earlier + " has the same contact of this vendor already");
                }
                existing = existingContacts.get(key);
            }
            ContactView current = existing == null ? null : existing.view();
            ContactKind kind = cells.choice("kind", ContactKind.class, current == null ? null : current.kind());
            var contact = new SaveContact(
                    name,
                    kind,
                    cells.has("job_title") ? cells.text("job_title") : current == null ? null : current.jobTitle(),
                    cells.has("email") ? cells.text("email") : current == null ? null : current.email(),
                    cells.has("phone") ? cells.text("phone") : current == null ? null : current.phone());
            try {
                VendorContactManagement.check(contact);
            } catch (InvalidInputException e) {
                e.errors().stream()
                        .filter(f -> !(f.field().equals("kind") && cells.hasError("kind")))
                        .forEach(f -> cells.error(CONTACT_FIELDS.getOrDefault(f.field(), f.field()), f.detail()));
            }
            if (!cells.failed() && vendor != null) {
                planned.add(new Planned(vendor.getId(), existing, contact));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        int created = 0;
        int updated = 0;
        for (Planned p : planned) {
            SaveContact c = p.contact();
            VendorContact contact = p.existing() == null ? new VendorContact(p.vendorId()) : p.existing();
            var before = p.existing() == null ? null : contact.snapshot();
            contact.describe(c.name(), c.kind(), c.jobTitle(), c.email(), c.phone());
            if (before == null) {
                contacts.save(contact);
                audit.record("vendor-contact.created", "VendorContact", contact.getId(), null, contact.snapshot());
                created++;
            } else if (!before.equals(contact.snapshot())) {
                contacts.save(contact);
                audit.record("vendor-contact.updated", "VendorContact", contact.getId(), before, contact.snapshot());
                updated++;
            }
        }
        contacts.flush();
        return new ImportResult(table.rows().size(), created, updated, planned.size() - created - updated);
    }

    /** The uploaded file's bytes, after its size: a file too large is refused before it is read. */
    private static byte[] bytes(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "required", "file is required: the CSV file to import");
        }
        if (file.getSize() > CsvTable.MAX_BYTES) {
            throw new ImportRejectedException(List.of(new ImportRejectedException.RowError(0, null,
                    "The file is larger than " + CsvTable.MAX_BYTES / (1024 * 1024) + " MB; split it into smaller files.")));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    private static CsvTable read(byte[] file) {
        try {
            CsvTable table = CsvTable.read(file);
            if (table.rows().isEmpty()) {
                throw new ImportRejectedException(List.of(new ImportRejectedException.RowError(0, null, "The file has a header but no rows.")));
            }
            return table;
        } catch (CsvTable.Unreadable e) {
            throw new ImportRejectedException(List.of(new ImportRejectedException.RowError(e.row(), null, e.getMessage())));
        }
    }

    /** The index of every known column of the header; unknown, repeated or missing required columns refuse the file. */
    private static Map<String, Integer> columns(CsvTable table, List<String> known, List<String> required) {
        List<ImportRejectedException.RowError> errors = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                errors.add(new ImportRejectedException.RowError(1, header.get(i),
                        "unknown column '" + header.get(i) + "'; the columns are " + String.join(", ", known)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new ImportRejectedException.RowError(1, name, "the column " + name + " appears twice"));
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                errors.add(new ImportRejectedException.RowError(1, name, "the required column " + name + " is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        return columns;
    }

    /** The cells of one row by column name, collecting the row's problems. */
    private static final class Cells {
        private final CsvTable.Row row;
        private final Map<String, Integer> columns;
        private final List<ImportRejectedException.RowError> errors;
        private final Set<String> failed = new LinkedHashSet<>();

        Cells(CsvTable.Row row, Map<String, Integer> columns, List<ImportRejectedException.RowError> errors) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        /** The cell's text, stripped; null when the column is absent or the cell blank. */
        @Nullable
        String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String value = row.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /** An enum value by its name ("SaaS", "strategic", "account manager"); {@code keep} when blank or absent. */
        <E extends Enum<E>> @Nullable E choice(String column, Class<E> type, @Nullable E keep) {
            String text = text(column);
            if (text == null) {
                return keep;
            }
            String name = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(name)) {
                    return value;
                }
            }
            error(column, column + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return keep;
        }

        void error(String column, String detail) {
            failed.add(column);
            errors.add(new ImportRejectedException.RowError(row.line(), column, detail));
        }

        boolean hasError(String column) {
            return failed.contains(column);
        }

        boolean failed() {
            return !failed.isEmpty();
        }
    }

    /** A new vendor whose name is, once legal forms are set aside, the legal or trading name of a vendor of the register. */
    private static void likeOthers(Cells cells, String column, @Nullable String name, Map<String, List<Vendor>> byLegal,
            Map<String, List<Vendor>> byTrading) {
        if (name == null || VendorNames.key(name).isEmpty()) {
            return;
        }
        String key = VendorNames.key(name);
        Set<String> names = new LinkedHashSet<>();
        byLegal.getOrDefault(key, List.of()).forEach(v -> names.add(v.displayName()));
        byTrading.getOrDefault(key, List.of()).forEach(v -> names.add(v.displayName()));
        if (!names.isEmpty()) {
            cells.error(column, "the register may have this vendor already (" + String.join(", ", names)
                    + "); use its legal name to update it, or add the vendor on its page");
        }
    }
}

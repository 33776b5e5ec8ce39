package org.opencio.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLedger;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.Permission;
import org.opencio.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts to and from CSV. The columns are documented in the README ("Contracts and renewals"); an export can be
 * imported again. An import checks every row first and writes nothing when any row is wrong: the answer names each
 * row (counted as a spreadsheet does, the header being row 1), column and reason. Rows become drafts, or active
 * contracts (which commit their annual value in the budget) with {@code status=ACTIVE}.
 */
@Service
public class ContractCsv {

    /** The columns of an import, in the order of an export; * marks the required ones. */
    public static final List<String> COLUMNS = List.of("vendor*", "title*", "type*", "reference", "owner_email", "start_date*", "end_date",
            "auto_renew", "renewal_term_months", "notice_amount", "notice_unit", "total_value*", "annual_value", "currency*",
            "billing_frequency", "budget_line_id", "budget_year", "budget_line_code", "sla_terms", "status");

    /** Columns an export adds, which an import reads past. */
    static final List<String> EXPORT_ONLY = List.of("id", "annual_value_computed", "notice_deadline", "next_renewal_date", "term_number",
            "vendor_display_name");

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    /** One refused cell or row. */
    public record RowError(int row, String column, String detail) {}

    /** What an import did (or, with {@code dryRun}, would do). */
    public record ImportResult(int rows, int created, int activated, List<UUID> ids, boolean dryRun) {}

    /** An import refused: nothing was written. */
    public static class ImportRefusedException extends InvalidInputException {

        private final List<RowError> rows;

        ImportRefusedException(List<RowError> rows) {
            super(rows.stream()
                    .map(r -> new FieldError("rows[" + r.row() + "]." + r.column(), "csv", "row " + r.row() + ", " + r.column() + ": " + r.detail()))
                    .toList());
            this.rows = List.copyOf(rows);
        }

        public List<RowError> rowErrors() {
            return rows;
        }
    }

    private final ContractManagement management;
    private final Contracts contracts;
    private final Vendors vendors;
    private final ContractBudget budget;
    private final ContractSettingsStore settings;
    private final ContractClock clock;
    private final BudgetLedger ledger;
    private final IdentityDirectory identities;
    private final AuditTrail audit;

    ContractCsv(
            ContractManagement management,
            Contracts contracts,
            Vendors vendors,
            ContractBudget budget,
            ContractSettingsStore settings,
            ContractClock clock,
            BudgetLedger ledger,
            IdentityDirectory identities,
            AuditTrail audit) {
        this.management = management;
        this.contracts = contracts;
        this.vendors = vendors;
        this.budget = budget;
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
        this.identities = identities;
        this.audit = audit;
    }

    // ---- export

    /** The contracts the filter keeps, as a table for CSV or a spreadsheet (at most 50,000 rows). */
    @Transactional(readOnly = true)
    public ExportTable export(ContractFilter filter, @Nullable String sort) {
        List<ContractView> rows = management.all(filter, sort, 50_000);
        Map<UUID, String> legalNames = new HashMap<>();
        vendors.findAllById(rows.stream().map(ContractView::vendorId).distinct().toList())
                .forEach(v -> legalNames.put(v.getId(), v.legalName()));
        Map<UUID, String> emails = new HashMap<>();
        rows.stream().map(ContractView::ownerId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> identities.findById(id).ifPresent(p -> emails.put(id, p.email())));
        List<ExportTable.Column> columns = new ArrayList<>();
        columns.add(ExportTable.Column.text("id", 36));
        for (String c : COLUMNS) {
            String name = c.replace("*", "");
            columns.add(switch (name) {
                case "start_date", "end_date" -> ExportTable.Column.date(name);
                case "total_value", "annual_value" -> new ExportTable.Column(name, ExportTable.Kind.NUMBER, 14, 4);
                case "renewal_term_months", "notice_amount", "budget_year" -> ExportTable.Column.integer(name);
                default -> ExportTable.Column.text(name, name.equals("title") || name.equals("sla_terms") ? 40 : 18);
            });
        }
        columns.add(ExportTable.Column.text("annual_value_computed", 8));
        columns.add(ExportTable.Column.date("notice_deadline"));
        columns.add(ExportTable.Column.date("next_renewal_date"));
        columns.add(ExportTable.Column.integer("term_number"));
        columns.add(ExportTable.Column.text("vendor_display_name", 24));
        List<List<@Nullable Object>> table = new ArrayList<>(rows.size());
        for (ContractView c : rows) {
            List<@Nullable Object> row = new ArrayList<>(columns.size());
            row.add(c.id().toString());
            row.add(legalNames.getOrDefault(c.vendorId(), c.vendorName()));
            row.add(c.title());
            row.add(c.type().name());
            row.add(c.reference());
            row.add(c.ownerId() == null ? null : emails.get(c.ownerId()));
            row.add(c.startDate());
            row.add(c.endDate());
            row.add(String.valueOf(c.autoRenew()));
            row.add(c.renewalTermMonths());
            row.add(c.noticeAmount());
            row.add(c.noticeUnit() == null ? null : c.noticeUnit().name());
            row.add(c.totalValue());
            row.add(c.annualValue());
            row.add(c.currency());
            row.add(c.billingFrequency().name());
            row.add(c.budgetLineId() == null ? null : c.budgetLineId().toString());
            row.add(null);
            row.add(null);
            row.add(c.slaTerms());
            row.add(c.status().name());
            row.add(String.valueOf(c.annualValueComputed()));
            row.add(c.noticeDeadline());
            row.add(c.nextRenewalDate());
            row.add(c.termNumber());
            row.add(c.vendorName());
            table.add(row);
        }
        return new ExportTable("Contracts", columns, table);
    }

    // ---- import

    /**
     * Reads the file, checks every row, and creates the contracts in one transaction, or none. Refused as a whole
     * (nothing written) with an {@link ImportRefusedException} naming every bad row and column.
     */
    @Transactional
    public ImportResult importFile(InputStream in, boolean dryRun) {
        Access.require(Permission.CONTRACTS_MANAGE);
        List<List<String>> records = parse(read(in));
        if (records.isEmpty()) {
            throw new ImportRefusedException(List.of(new RowError(1, "file", "the file is empty; it needs a header row and one row per contract")));
        }
        Map<String, Integer> header = header(records.getFirst());
        List<RowError> errors = new ArrayList<>();
        for (String required : COLUMNS) {
            if (required.endsWith("*") && !header.containsKey(required.replace("*", ""))) {
                errors.add(new RowError(1, required.replace("*", ""), "the column is missing from the header"));
            }
        }
        if (records.size() - 1 > MAX_ROWS) {
            errors.add(new RowError(1, "file", "at most " + MAX_ROWS + " contracts can be imported at once"));
        }
        if (records.size() == 1) {
            errors.add(new RowError(1, "file", "the file has a header but no contracts"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        VendorIndex vendorIndex = new VendorIndex(vendors.findAll());
        Map<Integer, Optional<BudgetLedger.ImportTarget>> budgets = new HashMap<>();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            int rowNumber = i + 1;
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Parsed row = row(rowNumber, record, header, vendorIndex, budgets, errors);
            if (row != null) {
                parsed.add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        int window = settings.get().expiringWindowDays();
        LocalDate today = clock.today();
        List<UUID> ids = new ArrayList<>();
        int activated = 0;
        for (Parsed row : parsed) {
            Contract contract = new Contract(row.terms());
            contracts.saveAndFlush(contract);
            audit.record("contract.imported", "Contract", contract.getId(), null, contract.snapshot());
            if (row.activate()) {
                try {
                    contract.activate(today, window);
                    budget.commit(contract);
                } catch (CommitmentRefusedException e) {
                    throw new ImportRefusedException(List.of(new RowError(row.number(), "budget_line_id", e.getMessage())));
                }
                contracts.saveAndFlush(contract);
                audit.record("contract.activated", "Contract", contract.getId(), null, contract.snapshot());
                activated++;
            }
            ids.add(contract.getId());
        }
        if (dryRun) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportResult(parsed.size(), ids.size(), activated, dryRun ? List.of() : ids, dryRun);
    }

    private record Parsed(int number, Contract.Terms terms, boolean activate) {}

    private @Nullable Parsed row(
            int number,
            List<String> record,
            Map<String, Integer> header,
            VendorIndex vendorIndex,
            Map<Integer, Optional<BudgetLedger.ImportTarget>> budgets,
            List<RowError> errors) {
        Cells cells = new Cells(number, record, header, errors);
        int before = errors.size();
        UUID vendorId = null;
        String vendorName = cells.text("vendor");
        if (vendorName != null) {
            List<Vendor> found = vendorIndex.find(vendorName);
            if (found.isEmpty()) {
                cells.error("vendor", "no vendor of this organization is called '" + vendorName + "'");
            } else if (found.size() > 1) {
                cells.error("vendor", "'" + vendorName + "' names " + found.size() + " vendors; use the legal name");
            } else {
                vendorId = found.getFirst().getId();
            }
        }
        UUID ownerId = null;
        String email = cells.text("owner_email");
        if (email != null) {
            ownerId = identities.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(p -> p.accountId()).orElse(null);
            if (ownerId == null) {
                cells.error("owner_email", "no member of this organization has the email " + email);
            }
        }
        UUID lineId = cells.uuid("budget_line_id");
        Integer budgetYear = cells.integer("budget_year");
        String lineCode = cells.text("budget_line_code");
        if (lineId == null && (budgetYear != null || lineCode != null)) {
            if (budgetYear == null || lineCode == null) {
                cells.error(budgetYear == null ? "budget_year" : "budget_line_code", "give both budget_year and budget_line_code, or budget_line_id");
            } else {
                Optional<BudgetLedger.ImportTarget> target = budgets.computeIfAbsent(budgetYear, ledger::importTarget);
                lineId = target.map(t -> t.linesByCode().get(lineCode.strip())).orElse(null);
                if (lineId == null) {
                    cells.error("budget_line_code", target.isEmpty()
                            ? "there is no budget for fiscal year " + budgetYear
                            : "the budget of " + budgetYear + " has no open line with the code " + lineCode);
                }
            }
        }
        String status = cells.text("status");
        boolean activate = false;
        if (status != null) {
            switch (status.strip().toUpperCase(Locale.ROOT)) {
                case "DRAFT" -> activate = false;
                case "ACTIVE", "EXPIRING" -> activate = true;
                default -> cells.error("status", "only DRAFT or ACTIVE contracts can be imported");
            }
        }
        boolean computed = Boolean.TRUE.equals(cells.bool("annual_value_computed"));
        var save = new SaveContract(
                vendorId,
                cells.text("title"),
                cells.enumeration("type", ContractType.class),
                cells.text("reference"),
                ownerId,
                cells.date("start_date"),
                cells.date("end_date"),
                cells.bool("auto_renew"),
                cells.integer("renewal_term_months"),
                cells.integer("notice_amount"),
                cells.enumeration("notice_unit", NoticeUnit.class),
                cells.number("total_value"),
                computed ? null : cells.number("annual_value"),
                cells.text("currency") == null ? null : cells.text("currency").strip().toUpperCase(Locale.ROOT),
                cells.enumeration("billing_frequency", BillingFrequency.class),
                lineId,
                cells.text("sla_terms"));
        java.util.Set<String> flagged = new java.util.HashSet<>();
        errors.subList(before, errors.size()).forEach(e -> flagged.add(e.column()));
        try {
            Contract.Terms terms = management.validate(save, null);
            return flagged.isEmpty() ? new Parsed(number, terms, activate) : null;
        } catch (InvalidInputException e) {
            // A cell that could not be read is reported once, not again as "required".
            e.errors().stream()
                    .filter(f -> !flagged.contains(column(f.field())))
                    .forEach(f -> errors.add(new RowError(number, column(f.field()), f.detail())));
            return null;
        }
    }

    /** The CSV column a field of a contract comes from. */
    static String column(String field) {
        return switch (field) {
            case "vendorId" -> "vendor";
            case "ownerId" -> "owner_email";
            case "budgetLineId" -> "budget_line_id";
            default -> field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        };
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("*", "");
            if (!name.isEmpty()) {
                header.putIfAbsent(name, i);
            }
        }
        return header;
    }

    /** Typed access to one row's cells; a bad value adds an error and reads as null. */
    private static final class Cells {
        private final int row;
        private final List<String> values;
        private final Map<String, Integer> header;
        private final List<RowError> errors;

        Cells(int row, List<String> values, Map<String, Integer> header, List<RowError> errors) {
            this.row = row;
            this.values = values;
            this.header = header;
            this.errors = errors;
        }

        void error(String column, String detail) {
            errors.add(new RowError(row, column, detail));
        }

        @Nullable
        String text(String column) {
            Integer index = header.get(column);
            if (index == null || index >= values.size()) {
                return null;
            }
            String value = values.get(index);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Nullable
        LocalDate date(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(column, "'" + text + "' is not a date in the form 2027-03-31");
                return null;
            }
        }

        @Nullable
        BigDecimal number(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                if (!text.matches("-?\\d+(\\.\\d+)?")) {
                    throw new NumberFormatException();
                }
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                error(column, "'" + text + "' is not a number such as 12000.50 (a dot for decimals, no grouping)");
                return null;
            }
        }

        @Nullable
        Integer integer(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                error(column, "'" + text + "' is not a whole number");
                return null;
            }
        }

        @Nullable
        UUID uuid(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                error(column, "'" + text + "' is not an id");
                return null;
            }
        }

        @Nullable
        Boolean bool(String column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    error(column, "'" + text + "' is not true or false");
                    yield null;
                }
            };
        }

        <E extends Enum<E>> @Nullable E enumeration(String column, Class<E> type) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                error(column, "'" + text + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }
    }

    /** Vendors by the key of their legal and trading names ("ACME, Inc." finds "Acme"). */
    private static final class VendorIndex {
        private final Map<String, List<Vendor>> byKey = new HashMap<>();

        VendorIndex(List<Vendor> all) {
            for (Vendor v : all) {
                byKey.computeIfAbsent(VendorNames.key(v.legalName()), k -> new ArrayList<>()).add(v);
                if (v.tradingName() != null) {
                    List<Vendor> list = byKey.computeIfAbsent(VendorNames.key(v.tradingName()), k -> new ArrayList<>());
                    if (!list.contains(v)) {
                        list.add(v);
                    }
                }
            }
        }

        List<Vendor> find(String name) {
            return byKey.getOrDefault(VendorNames.key(name), List.of());
        }
    }

    // ---- reading CSV (RFC 4180)

    private static String read(InputStream in) {
        byte[] bytes;
        try (InputStream input = in) {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImportRefusedException(List.of(new RowError(1, "file", "the file is larger than 5 MB; split it")));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException(List.of(new RowError(1, "file", "the file is not CSV text in UTF-8")));
        }
    }

    /**
     * Records of RFC 4180 CSV: comma separated (semicolon when the header has semicolons and no commas, as some
     * spreadsheets write), fields quoted with double quotes (doubled inside), line breaks CRLF, LF or CR, also inside
     * quotes.
     */
    static List<List<String>> parse(String text) {
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String first = text.substring(0, firstLineEnd);
        char separator = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new ImportRefusedException(List.of(new RowError(records.size() + 1, "file", "a quoted value is never closed")));
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}

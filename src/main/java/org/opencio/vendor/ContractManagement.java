package org.opencio.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Money;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts with vendors, term by term: drafting, activating (which commits the annual value in the budget),
 * changing, renewing into a new term, terminating and archiving; and the lists and term histories people read.
 */
@Service
public class ContractManagement {

    static final Map<String, String> SORTS = Map.of(
            "title", "lower(c.title)",
            "vendor", "lower(coalesce(v.trading_name, v.legal_name))",
            "endDate", "coalesce(c.end_date, date '9999-12-31')",
            "noticeDeadline", "coalesce(c.notice_deadline, date '9999-12-31')",
            "annualValue", "c.annual_value",
            "status", "c.status",
            "createdAt", "c.created_at",
            "id", "c.id");

    static final Set<String> SORTABLE = Set.of("title", "vendor", "endDate", "noticeDeadline", "annualValue", "status", "createdAt");

    /** Fields that make the commercial term: while it is in force they change only by renewing into a new term. */
    static final List<String> TERM_FIELDS = List.of(
            "vendorId", "startDate", "endDate", "autoRenew", "renewalTermMonths", "totalValue", "annualValue", "currency");

    /** Fields of record keeping, which may be corrected whatever the status. */
    static final List<String> RECORD_FIELDS = List.of("title", "reference", "ownerId", "slaTerms");

    private static final LocalDate FAR = LocalDate.of(9999, 12, 31);

    /** A vendor a contract may name. */
    public record VendorChoice(UUID id, String name) {}

    private final Contracts contracts;
    private final Vendors vendors;
    private final ContractBudget budget;
    private final ContractSettingsStore settings;
    private final ContractClock clock;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ContractManagement(
            Contracts contracts,
            Vendors vendors,
            ContractBudget budget,
            ContractSettingsStore settings,
            ContractClock clock,
            MemberManagement members,
            AuditTrail audit,
            JdbcClient jdbc) {
        this.contracts = contracts;
        this.vendors = vendors;
        this.budget = budget;
        this.settings = settings;
        this.clock = clock;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public CursorPage<ContractView> list(ContractFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.CONTRACTS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, SORTABLE, "noticeDeadline");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.org_id = :org");
        params.put("org", orgId);
        where(filter, sql, params);
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        LocalDate today = clock.today();
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, today)).list();
        CursorPage<Row> page = keyset.page(rows, request, ContractManagement::keys);
        return new CursorPage<>(named(page.items().stream().map(Row::view).toList()), page.nextCursor());
    }

    /** Every contract the filter keeps, in the order asked for (exports); at most {@code max}. */
    @Transactional(readOnly = true)
    public List<ContractView> all(ContractFilter filter, @Nullable String sort, int max) {
        UUID orgId = Access.require(Permission.CONTRACTS_VIEW).orgId();
        Paging.Request request = Paging.request(1, null, sort, SORTABLE, "noticeDeadline");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where c.org_id = :org");
        params.put("org", orgId);
        where(filter, sql, params);
        sql.append(keyset.orderBy()).append(" limit ").append(max);
        LocalDate today = clock.today();
        return named(jdbc.sql(sql.toString()).params(params).query((rs, n) -> view(rs, today)).list());
    }

    @Transactional(readOnly = true)
    public ContractView get(UUID id) {
        Access.require(Permission.CONTRACTS_VIEW);
        return view(id);
    }

    /** The terms of the contract this term belongs to, the first one first. */
    @Transactional(readOnly = true)
    public List<ContractView> terms(UUID id) {
        Access.require(Permission.CONTRACTS_VIEW);
        Contract term = find(id);
        List<UUID> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Contract first = term;
        while (first.previousTermId() != null && seen.add(first.getId())) {
            first = find(first.previousTermId());
        }
        seen.clear();
        for (Contract t = first; t != null && seen.add(t.getId()); t = contracts.findByPreviousTermId(t.getId()).orElse(null)) {
            chain.add(t.getId());
        }
        return chain.stream().map(this::view).toList();
    }

    /** The fields a person may change on this term now (see {@link #update}). */
    public static List<String> editableFields(ContractView c) {
        if (c.archived()) {
            return List.of();
        }
        if (c.status() == ContractStatus.DRAFT) {
            return SaveContract.FIELDS;
        }
        if (c.status().inForce()) {
            return SaveContract.FIELDS.stream()
                    .filter(f -> !TERM_FIELDS.contains(f) && !(f.equals("budgetLineId") && c.budgetCommitted() != null))
                    .toList();
        }
        return RECORD_FIELDS;
    }

    /** What a renewal of this term would be if nothing were changed: the starting point of the renewal form. */
    @Transactional(readOnly = true)
    public RenewContract proposeRenewal(UUID id) {
        Access.require(Permission.CONTRACTS_VIEW);
        Contract c = find(id);
        if (c.endDate() == null || !c.renewable()) {
            throw new ConflictException("status", "this contract cannot be renewed");
        }
        SaveContract next = nextTerms(c, RenewContract.asBefore(null));
        return new RenewContract(null, next.startDate(), next.endDate(), next.totalValue(), null, next.currency(), next.autoRenew(),
                next.renewalTermMonths(), next.noticeAmount(), next.noticeUnit(), next.billingFrequency(), next.budgetLineId(),
                next.reference(), next.slaTerms());
    }

    /** The vendors a contract may name: those not archived, by name. */
    @Transactional(readOnly = true)
    public List<VendorChoice> vendorChoices() {
        Access.require(Permission.CONTRACTS_VIEW);
        return vendors.findAll().stream()
                .filter(v -> !v.archived())
                .map(v -> new VendorChoice(v.getId(), v.displayName()))
                .sorted(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    // ---- changing

    @Transactional
    public ContractView create(SaveContract command) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = new Contract(validate(command, null));
        contracts.saveAndFlush(contract);
        audit.record("contract.created", "Contract", contract.getId(), null, contract.snapshot());
        return view(contract.getId());
    }

    /**
     * Changes the named fields of a term (JSON merge patch: a field named with null is cleared). A draft changes
     * freely; a term in force keeps its commercial terms ({@link #TERM_FIELDS}, and its budget line once money is
     * committed), which change by renewing; an ended term keeps all but its record-keeping fields.
     */
    @Transactional
    public ContractView update(UUID id, SaveContract changes, Set<String> fields, long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = lock(id);
        contract.requireNotArchived();
        Versions.check(expectedVersion, contract.version());
        SaveContract merged = merge(contract.terms(), changes, fields);
        requireChangeable(contract, merged);
        Contract.Terms terms = validate(merged, contract);
        var before = contract.snapshot();
        contract.apply(terms);
        contract.refresh(clock.today(), settings.get().expiringWindowDays());
        contracts.saveAndFlush(contract);
        audit.record("contract.updated", "Contract", id, before, contract.snapshot());
        return view(id);
    }

    /** Draft → active: the contract binds from now on, and its annual value is committed on its budget line. */
    @Transactional
    public ContractView activate(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = lock(id);
        contract.requireNotArchived();
        checkVersion(expectedVersion, contract);
        reason(reason, false);
        var before = contract.snapshot();
        contract.activate(clock.today(), settings.get().expiringWindowDays());
        budget.commit(contract);
        contracts.saveAndFlush(contract);
        audit.record("contract.activated", "Contract", id, before, AuditTrail.withReason(contract.snapshot(), reason));
        return view(id);
    }

    /**
     * Notice given: the contract ends on the effective date (by default the end of its term) and does not renew; what
     * remains committed in the budget is released.
     */
    @Transactional
    public ContractView terminate(UUID id, TerminateContract command, @Nullable Long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = lock(id);
        contract.requireNotArchived();
        checkVersion(expectedVersion, contract);
        reason(command.reason(), true);
        LocalDate today = clock.today();
        LocalDate effective = command.effectiveDate() != null
                ? command.effectiveDate()
                : contract.endDate() != null ? contract.endDate() : today;
        new Checks()
                .rule(!effective.isBefore(contract.startDate()), "effectiveDate", "range", "effectiveDate must not be before the start date")
                .rule(contract.endDate() == null || !effective.isAfter(contract.endDate()), "effectiveDate", "range",
                        "effectiveDate must not be after the end date; the contract ends then anyway")
                .throwIfAny();
        var before = contract.snapshot();
        contract.terminate(effective, command.reason());
        budget.release(contract, today);
        contracts.saveAndFlush(contract);
        Map<String, Object> after = AuditTrail.withReason(contract.snapshot(), command.reason());
        after.put("noticeDeadlinePassed", contract.noticeDeadline() != null && contract.noticeDeadline().isBefore(today));
        audit.record("contract.terminated", "Contract", id, before, after);
        return view(id);
    }

    /**
     * A new term following this one, with what the command changes (see {@link RenewContract}); this term becomes
     * RENEWED. The new term commits its annual value; this one keeps its commitment until its end date has passed.
     */
    @Transactional
    public ContractView renew(UUID id, RenewContract command, @Nullable Long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = lock(id);
        contract.requireNotArchived();
        checkVersion(expectedVersion, contract);
        reason(command.reason(), false);
        Contract next = renew(contract, command, clock.today(), settings.get().expiringWindowDays(), true);
        return view(next.getId());
    }

    @Transactional
    public ContractView archive(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Contract contract = lock(id);
        contract.requireNotArchived();
        checkVersion(expectedVersion, contract);
        reason(reason, false);
        var before = contract.snapshot();
        contract.archive();
        contracts.saveAndFlush(contract);
        audit.record("contract.archived", "Contract", id, before, AuditTrail.withReason(contract.snapshot(), reason));
        return view(id);
    }

    // ---- the life of a term over time (the daily job; no member, no permission)

    /**
     * Renews {@code contract} into its next term. {@code strictBudget}: a refused commitment refuses the renewal
     * (a person renewing); otherwise the term is renewed without a commitment (the job: the vendor invoices anyway).
     */
    Contract renew(Contract contract, RenewContract command, LocalDate today, int windowDays, boolean strictBudget) {
        if (contracts.findByPreviousTermId(contract.getId()).isPresent()) {
            throw new ConflictException("status", "this term has been renewed already");
        }
        if (!contract.renewable()) {
            throw new ConflictException("status", "only an active or expired contract can be renewed; this contract is " + contract.status());
        }
        if (contract.endDate() == null) {
            throw new ConflictException("endDate", "a contract without an end date has no term to renew");
        }
        Contract.Terms terms = validate(nextTerms(contract, command), contract);
        new Checks().rule(terms.startDate().isAfter(contract.startDate()), "startDate", "range",
                        "startDate must be after the start of the term it renews (" + contract.startDate() + ")")
                .throwIfAny();
        var before = contract.snapshot();
        contract.renewed();
        Contract next = contract.nextTerm(terms);
        next.refresh(today, windowDays);
        contracts.saveAndFlush(contract);
        contracts.saveAndFlush(next);
        if (next.budgetLineId() != null) {
            if (strictBudget) {
                budget.commit(next);
            } else {
                budget.tryCommit(next);
            }
        }
        if (contract.endDate().isBefore(today)) {
            budget.release(contract, today);
        }
        contracts.saveAndFlush(contract);
        contracts.saveAndFlush(next);
        Map<String, Object> after = AuditTrail.withReason(contract.snapshot(), command.reason());
        after.put("nextTermId", next.getId());
        audit.record("contract.renewed", "Contract", contract.getId(), before, after);
        audit.record("contract.created", "Contract", next.getId(), null, next.snapshot());
        return next;
    }

    void expire(Contract contract, LocalDate today) {
        var before = contract.snapshot();
        contract.expire();
        budget.release(contract, today);
        contracts.saveAndFlush(contract);
        audit.record("contract.expired", "Contract", contract.getId(), before, contract.snapshot());
    }

    void refresh(Contract contract, LocalDate today, int windowDays) {
        var before = contract.snapshot();
        if (contract.refresh(today, windowDays)) {
            contracts.saveAndFlush(contract);
            audit.record("contract." + contract.status().name().toLowerCase(Locale.ROOT), "Contract", contract.getId(), before,
                    contract.snapshot());
        }
    }

    /** A renewed term's commitment, given back once the term is over (its successor has its own). */
    void releaseEnded(Contract contract, LocalDate today) {
        if (contract.holdsCommitment() && contract.endDate() != null && contract.endDate().isBefore(today)) {
            budget.release(contract, today);
            contracts.saveAndFlush(contract);
            audit.record("contract.budget-released", "Contract", contract.getId(), null,
                    Map.of("budgetLineId", contract.budgetLineId(), "releasedOn", today));
        }
    }

    // ---- rules

    /** The terms of the renewal: the command's values, the old term's for the rest, and dates that follow on. */
    private static SaveContract nextTerms(Contract c, RenewContract r) {
        LocalDate start = r.startDate() != null ? r.startDate() : c.endDate().plusDays(1);
        Integer months = r.renewalTermMonths() != null ? r.renewalTermMonths() : c.renewalTermMonths();
        OptionalInt oldMonths = ContractDates.wholeMonths(c.startDate(), c.endDate());
        if (months == null && oldMonths.isPresent()) {
            months = oldMonths.getAsInt();
        }
        long oldDays = ContractDates.days(c.startDate(), c.endDate());
        LocalDate end = r.endDate();
        if (end == null) {
            end = months != null
                    ? ContractDates.renewedEnd(start.minusDays(1), months)
                    : ContractDates.renewedEndByDays(start.minusDays(1), oldDays);
        }
        String currency = r.currency() != null ? r.currency() : c.currency();
        BigDecimal total = r.totalValue();
        if (total == null) {
            total = sameLength(c, start, end) ? c.totalValue() : prorated(c, start, end, currency);
        }
        boolean noticeGiven = r.noticeAmount() != null;
        return new SaveContract(
                c.vendorId(),
                c.title(),
                c.type(),
                r.reference() != null ? r.reference() : c.reference(),
                c.ownerId(),
                start,
                end,
                r.autoRenew() != null ? r.autoRenew() : c.autoRenew(),
                r.renewalTermMonths() != null ? r.renewalTermMonths() : c.renewalTermMonths(),
                noticeGiven ? r.noticeAmount() : c.noticeAmount(),
                noticeGiven && r.noticeUnit() != null ? r.noticeUnit() : c.noticeUnit(),
                total,
                r.annualValue(),
                currency,
                r.billingFrequency() != null ? r.billingFrequency() : c.billingFrequency(),
                r.budgetLineId() != null ? r.budgetLineId() : c.budgetLineId(),
                r.slaTerms() != null ? r.slaTerms() : c.slaTerms());
    }

    private static boolean sameLength(Contract c, LocalDate start, LocalDate end) {
        OptionalInt before = ContractDates.wholeMonths(c.startDate(), c.endDate());
        OptionalInt after = ContractDates.wholeMonths(start, end);
        if (before.isPresent() || after.isPresent()) {
            return before.equals(after);
        }
        return ContractDates.days(c.startDate(), c.endDate()) == ContractDates.days(start, end);
    }

    /** The old annual value over the new term's length, when the renewal is longer or shorter than the old term. */
    private static BigDecimal prorated(Contract c, LocalDate start, LocalDate end, String currency) {
        if (end.isBefore(start)) {
            return c.totalValue();
        }
        int scale = Money.fractionDigits(currency);
        OptionalInt months = ContractDates.wholeMonths(start, end);
        if (months.isPresent()) {
            return c.annualValue().multiply(BigDecimal.valueOf(months.getAsInt())).divide(BigDecimal.valueOf(12), scale, RoundingMode.HALF_EVEN);
        }
        return c.annualValue().multiply(BigDecimal.valueOf(ContractDates.days(start, end))).divide(BigDecimal.valueOf(365), scale,
                RoundingMode.HALF_EVEN);
    }

    /**
     * A term in force keeps its commercial terms, and its budget line once money is committed; an ended term keeps
     * everything but its record-keeping fields.
     */
    private static void requireChangeable(Contract contract, SaveContract merged) {
        SaveContract now = toSave(contract.terms());
        List<String> locked = new ArrayList<>();
        if (contract.status().inForce()) {
            locked.addAll(TERM_FIELDS);
            if (contract.budgetCommitted() != null) {
                locked.add("budgetLineId");
            }
        } else if (contract.status() != ContractStatus.DRAFT) {
            SaveContract.FIELDS.stream().filter(f -> !RECORD_FIELDS.contains(f)).forEach(locked::add);
        }
        for (String field : locked) {
            if (!sameValue(field, value(now, field), value(merged, field))) {
                throw new ConflictException(field, contract.status().inForce()
                        ? field + " cannot change while the contract is " + contract.status() + "; renew it into a new term instead"
                        : field + " of a " + contract.status() + " contract cannot change");
            }
        }
    }

    private static boolean sameValue(String field, @Nullable Object a, @Nullable Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (field.equals("autoRenew")) {
            return Boolean.TRUE.equals(a) == Boolean.TRUE.equals(b);
        }
        return Objects.equals(a, b);
    }

    /** The current terms with the named fields replaced. */
    static SaveContract merge(Contract.Terms current, SaveContract changes, Set<String> fields) {
        SaveContract now = toSave(current);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : SaveContract.FIELDS) {
            values.put(field, fields.contains(field) ? value(changes, field) : value(now, field));
        }
        return new SaveContract(
                (UUID) values.get("vendorId"),
                (String) values.get("title"),
                (ContractType) values.get("type"),
                (String) values.get("reference"),
                (UUID) values.get("ownerId"),
                (LocalDate) values.get("startDate"),
                (LocalDate) values.get("endDate"),
                (Boolean) values.get("autoRenew"),
                (Integer) values.get("renewalTermMonths"),
                (Integer) values.get("noticeAmount"),
                (NoticeUnit) values.get("noticeUnit"),
                (BigDecimal) values.get("totalValue"),
                (BigDecimal) values.get("annualValue"),
                (String) values.get("currency"),
                (BillingFrequency) values.get("billingFrequency"),
                (UUID) values.get("budgetLineId"),
                (String) values.get("slaTerms"));
    }

    static SaveContract toSave(Contract.Terms t) {
        return new SaveContract(t.vendorId(), t.title(), t.type(), t.reference(), t.ownerId(), t.startDate(), t.endDate(), t.autoRenew(),
                t.renewalTermMonths(), t.noticeAmount(), t.noticeUnit(), t.totalValue(), t.annualValue(), t.currency(), t.billingFrequency(),
                t.budgetLineId(), t.slaTerms());
    }

    private static @Nullable Object value(SaveContract s, String field) {
        return switch (field) {
            case "vendorId" -> s.vendorId();
            case "title" -> s.title();
            case "type" -> s.type();
            case "reference" -> s.reference();
            case "ownerId" -> s.ownerId();
            case "startDate" -> s.startDate();
            case "endDate" -> s.endDate();
            case "autoRenew" -> s.autoRenew();
            case "renewalTermMonths" -> s.renewalTermMonths();
            case "noticeAmount" -> s.noticeAmount();
            case "noticeUnit" -> s.noticeUnit();
            case "totalValue" -> s.totalValue();
            case "annualValue" -> s.annualValue();
            case "currency" -> s.currency();
            case "billingFrequency" -> s.billingFrequency();
            case "budgetLineId" -> s.budgetLineId();
            case "slaTerms" -> s.slaTerms();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /**
     * Checks a contract as entered and answers its terms. References must name records of this organization; a term
     * keeps the vendor and owner it already has even when the vendor was archived or the owner left since.
     */
    Contract.Terms validate(SaveContract s, @Nullable Contract current) {
        Checks checks = new Checks()
                .required("vendorId", s.vendorId())
                .text("title", s.title(), 200, true)
                .required("type", s.type())
                .text("reference", s.reference(), 100, false)
                .required("startDate", s.startDate())
                .required("totalValue", s.totalValue())
                .money("totalValue", s.totalValue())
                .money("annualValue", s.annualValue())
                .currency("currency", s.currency())
                .text("slaTerms", s.slaTerms(), 4000, false);
        if (!checks.hasError("currency")) {
            int digits = Money.fractionDigits(s.currency());
            for (var amount : List.of(Map.entry("totalValue", Objects.requireNonNullElse(s.totalValue(), BigDecimal.ZERO)),
                    Map.entry("annualValue", Objects.requireNonNullElse(s.annualValue(), BigDecimal.ZERO)))) {
                checks.rule(amount.getValue().stripTrailingZeros().scale() <= Math.max(digits, 0) || checks.hasError(amount.getKey()),
                        amount.getKey(), "precision", amount.getKey() + " has more decimals than " + s.currency() + " allows");
            }
        }
        if (s.vendorId() != null) {
            boolean kept = current != null && s.vendorId().equals(current.vendorId());
            var vendor = vendors.findById(s.vendorId());
            checks.rule(vendor.isPresent(), "vendorId", "unknown", "vendorId names no vendor of this organization");
            checks.rule(kept || vendor.isEmpty() || !vendor.get().archived(), "vendorId", "archived", "vendorId names an archived vendor");
        }
        if (s.ownerId() != null && (current == null || !s.ownerId().equals(current.ownerId()))) {
            checks.rule(members.isActiveMember(s.ownerId()), "ownerId", "unknown", "ownerId names no active member of this organization");
        }
        boolean autoRenew = Boolean.TRUE.equals(s.autoRenew());
        if (s.startDate() != null && s.endDate() != null) {
            checks.rule(!s.endDate().isBefore(s.startDate()), "endDate", "before-start", "endDate must not be before startDate");
        }
        checks.rule(!autoRenew || s.endDate() != null, "endDate", "required", "an auto-renewing contract needs an endDate");
        checks.rule(s.renewalTermMonths() == null || (s.renewalTermMonths() >= 1 && s.renewalTermMonths() <= 120),
                "renewalTermMonths", "range", "renewalTermMonths must be between 1 and 120");
        if (s.noticeAmount() != null) {
            int max = s.noticeUnit() == NoticeUnit.MONTHS ? 120 : 3650;
            checks.rule(s.noticeAmount() >= 0 && s.noticeAmount() <= max, "noticeAmount", "range",
                    "noticeAmount must be between 0 and " + max);
            checks.rule(s.noticeAmount() == 0 || s.noticeUnit() != null, "noticeUnit", "required", "noticeUnit (DAYS or MONTHS) is required with a noticeAmount");
        }
        if (s.budgetLineId() != null && !checks.hasError("currency") && !checks.hasError("totalValue") && !checks.hasError("annualValue")) {
            boolean kept = current != null && s.budgetLineId().equals(current.budgetLineId()) && s.currency().equals(current.currency());
            if (!kept) {
                BigDecimal annual = s.annualValue() != null ? s.annualValue() : s.totalValue();
                budget.validate(checks, s.budgetLineId(), s.currency(), annual == null ? BigDecimal.ONE : annual);
            }
        }
        checks.throwIfAny();
        Integer renewalMonths = s.renewalTermMonths();
        if (autoRenew && renewalMonths == null) {
            renewalMonths = ContractDates.wholeMonths(s.startDate(), s.endDate()).orElse(12);
            renewalMonths = Math.min(120, renewalMonths);
        }
        return new Contract.Terms(
                s.vendorId(),
                s.title(),
                s.type(),
                s.reference(),
                s.ownerId(),
                s.startDate(),
                s.endDate(),
                autoRenew,
                renewalMonths,
                s.noticeAmount(),
                s.noticeUnit(),
                s.totalValue(),
                s.annualValue(),
                s.currency(),
                s.billingFrequency() == null ? BillingFrequency.ANNUALLY : s.billingFrequency(),
                s.budgetLineId(),
                s.slaTerms());
    }

    private static void reason(@Nullable String reason, boolean required) {
        new Checks().text("reason", reason, 1000, required).throwIfAny();
    }

    private static void checkVersion(@Nullable Long expected, Contract contract) {
        if (expected != null) {
            Versions.check(expected, contract.version());
        }
    }

    Contract find(UUID id) {
        return contracts.findById(id).orElseThrow(() -> new NotFoundException("Contract"));
    }

    Contract lock(UUID id) {
        return contracts.lockById(id).orElseThrow(() -> new NotFoundException("Contract"));
    }

    // ---- the read model

    static final String SELECT = "select c.*, coalesce(v.trading_name, v.legal_name) as vendor_name, "
            + "lower(c.title) as title_sort, lower(coalesce(v.trading_name, v.legal_name)) as vendor_sort, "
            + "p.annual_value as previous_annual, p.currency as previous_currency, n.id as next_term_id "
            + "from contracts c "
            + "join vendors v on v.id = c.vendor_id and v.org_id = c.org_id "
            + "left join contracts p on p.id = c.previous_term_id and p.org_id = c.org_id "
            + "left join contracts n on n.previous_term_id = c.id and n.org_id = c.org_id";

    private void where(ContractFilter f, StringBuilder sql, Map<String, Object> params) {
        sql.append(" and c.archived = :archived");
        params.put("archived", f.archived());
        if (f.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", f.status().name());
        } else if (!f.includeRenewed()) {
            sql.append(" and c.status <> 'RENEWED'");
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and (lower(c.title) like :q or lower(coalesce(c.reference, '')) like :q or lower(v.legal_name) like :q "
                    + "or lower(coalesce(v.trading_name, '')) like :q)");
            params.put("q", "%" + f.q().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (f.vendorId() != null) {
            sql.append(" and c.vendor_id = :vendor");
            params.put("vendor", f.vendorId());
        }
        if (f.type() != null) {
            sql.append(" and c.contract_type = :type");
            params.put("type", f.type().name());
        }
        if (f.ownerId() != null) {
            sql.append(" and c.owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.noticeBefore() != null) {
            sql.append(" and c.notice_deadline <= :noticeBefore");
            params.put("noticeBefore", f.noticeBefore());
        }
        if (f.noticeAfter() != null) {
            sql.append(" and c.notice_deadline >= :noticeAfter");
            params.put("noticeAfter", f.noticeAfter());
        }
        if (f.expiringWithinDays() != null) {
            new Checks().rule(f.expiringWithinDays() >= 0 && f.expiringWithinDays() <= 3660, "expiringWithinDays", "range",
                    "expiringWithinDays must be between 0 and 3660").throwIfAny();
            LocalDate today = clock.today();
            sql.append(" and c.status in ('ACTIVE', 'EXPIRING') and coalesce(c.notice_deadline, case when c.auto_renew = false then c.end_date end) "
                    + "between :today and :until");
            params.put("today", today);
            params.put("until", today.plusDays(f.expiringWithinDays()));
        }
    }

    private ContractView view(UUID id) {
        LocalDate today = clock.today();
        ContractView row = jdbc.sql(SELECT + " where c.org_id = :org and c.id = :id")
                .param("org", TenantContext.requireOrgId())
                .param("id", id)
                .query((rs, n) -> view(rs, today))
                .optional()
                .orElseThrow(() -> new NotFoundException("Contract"));
        return named(List.of(row)).getFirst();
    }

    private List<ContractView> named(List<ContractView> rows) {
        Set<UUID> owners = new HashSet<>();
        rows.forEach(r -> {
            if (r.ownerId() != null) {
                owners.add(r.ownerId());
            }
        });
        if (owners.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = members.displayNames(owners);
        return rows.stream().map(r -> r.ownerId() == null ? r : withOwnerName(r, names.get(r.ownerId()))).toList();
    }

    private static ContractView withOwnerName(ContractView r, @Nullable String name) {
        return new ContractView(r.id(), r.vendorId(), r.vendorName(), r.title(), r.type(), r.reference(), r.ownerId(), name, r.startDate(),
                r.endDate(), r.autoRenew(), r.renewalTermMonths(), r.noticeAmount(), r.noticeUnit(), r.noticeDeadline(),
                r.daysToNoticeDeadline(), r.nextRenewalDate(), r.totalValue(), r.annualValue(), r.annualValueComputed(), r.currency(),
                r.billingFrequency(), r.budgetLineId(), r.budgetCommitted(), r.budgetReleasedOn(), r.slaTerms(), r.status(), r.termNumber(),
                r.previousTermId(), r.nextTermId(), r.priceChange(), r.terminatedOn(), r.terminationReason(), r.archived(), r.createdAt(),
                r.updatedAt(), r.version());
    }

    static ContractView view(ResultSet rs, LocalDate today) throws SQLException {
        String currency = rs.getString("currency");
        int scale = Money.fractionDigits(currency);
        BigDecimal annual = rs.getBigDecimal("annual_value").setScale(scale, RoundingMode.HALF_EVEN);
        LocalDate notice = rs.getObject("notice_deadline", LocalDate.class);
        BigDecimal previous = rs.getBigDecimal("previous_annual");
        ContractView.PriceChange change = null;
        if (previous != null && currency.equals(rs.getString("previous_currency"))) {
            previous = previous.setScale(scale, RoundingMode.HALF_EVEN);
            BigDecimal amount = annual.subtract(previous);
            BigDecimal percent = previous.signum() == 0
                    ? null
                    : amount.multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
            change = new ContractView.PriceChange(previous, amount, percent);
        }
        BigDecimal committed = rs.getBigDecimal("budget_committed");
        String unit = rs.getString("notice_unit");
        return new ContractView(
                rs.getObject("id", UUID.class),
                rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_name"),
                rs.getString("title"),
                ContractType.valueOf(rs.getString("contract_type")),
                rs.getString("reference"),
                rs.getObject("owner_id", UUID.class),
                null,
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("auto_renew"),
                rs.getObject("renewal_term_months", Integer.class),
                rs.getObject("notice_amount", Integer.class),
                unit == null ? null : NoticeUnit.valueOf(unit),
                notice,
                notice == null ? null : ChronoUnit.DAYS.between(today, notice),
                rs.getObject("next_renewal_date", LocalDate.class),
                rs.getBigDecimal("total_value").setScale(scale, RoundingMode.HALF_EVEN),
                annual,
                !rs.getBoolean("annual_value_given"),
                currency,
                BillingFrequency.valueOf(rs.getString("billing_frequency")),
                rs.getObject("budget_line_id", UUID.class),
                committed == null ? null : committed.setScale(scale, RoundingMode.HALF_EVEN),
                rs.getObject("budget_released_on", LocalDate.class),
                rs.getString("sla_terms"),
                ContractStatus.valueOf(rs.getString("status")),
                rs.getInt("term_number"),
                rs.getObject("previous_term_id", UUID.class),
                rs.getObject("next_term_id", UUID.class),
                change,
                rs.getObject("terminated_on", LocalDate.class),
                rs.getString("termination_reason"),
                rs.getBoolean("archived"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    /** A row of a list with the sort keys the database computed for it. */
    private record Row(ContractView view, String titleSort, String vendorSort) {}

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        return new Row(view(rs, today), rs.getString("title_sort"), rs.getString("vendor_sort"));
    }

    /** The sort-key values after a row, as {@link #SORTS} computes them in SQL. */
    private static Map<String, ?> keys(Row row) {
        ContractView c = row.view();
        Map<String, Object> keys = new HashMap<>();
        keys.put("title", row.titleSort());
        keys.put("vendor", row.vendorSort());
        keys.put("endDate", c.endDate() == null ? FAR : c.endDate());
        keys.put("noticeDeadline", c.noticeDeadline() == null ? FAR : c.noticeDeadline());
        keys.put("annualValue", c.annualValue());
        keys.put("status", c.status().name());
        keys.put("createdAt", c.createdAt());
        keys.put("id", c.id());
        return keys;
    }
}

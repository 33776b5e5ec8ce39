package org.opencio.vendor;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.persistence.LikePatterns;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor register: who the organization buys from, how important and how risky each vendor is, and who owns the
 * relationship. New vendors are checked against the register for duplicates (same name or website domain).
 */
@Service
public class VendorManagement {

    static final Set<String> SORTABLE = Set.of("name", "category", "status", "strategicTier", "riskTier", "createdAt", "updatedAt");

    private static final Map<String, String> SORTS = Map.of(
            "name", "lower(coalesce(v.trading_name, v.legal_name))",
            "category", "v.category",
            "status", rank("v.status", VendorStatus.values()),
            "strategicTier", rank("v.strategic_tier", StrategicTier.values()),
            "riskTier", rank("v.risk_tier", RiskTier.values()),
            "createdAt", "v.created_at",
            "updatedAt", "v.updated_at",
            "id", "v.id");

    /** The mean overall score of the vendor's latest reviewed period (of the scores themselves, not of rounded means). */
    private static final String SCORE = "(select round(avg((r.quality + r.delivery + r.support + r.cost + r.relationship + r.innovation) "
            + "/ 6.0), 2) from vendor_reviews r where r.org_id = v.org_id and r.vendor_id = v.id and r.archived = false "
            + "and r.period_end = (select max(r2.period_end) from vendor_reviews r2 where r2.org_id = v.org_id and r2.vendor_id = v.id and r2.archived = false))";

    private static final String SELECT = "select v.*, " + SORTS.get("name") + " as sort_name, " + SCORE + " as score from vendors v";

    private final Vendors vendors;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    VendorManagement(Vendors vendors, MemberManagement members, AuditTrail audit, JdbcClient jdbc) {
        this.vendors = vendors;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public CursorPage<VendorView> list(VendorFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, SORTABLE, "name");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        StringBuilder sql = new StringBuilder(SELECT).append(" where v.org_id = :org");
        params.put("org", orgId);
        where(filter, sql, params);
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(VendorManagement::row).list();
        CursorPage<Row> page = keyset.page(rows, request, r -> keys(request, r));
        return new CursorPage<>(named(page.items().stream().map(Row::view).toList()), page.nextCursor());
    }

    /** Every vendor that matches the filter, in name order, for exports (at most {@code max}). */
    @Transactional(readOnly = true)
    public List<VendorView> all(VendorFilter filter, int max) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" where v.org_id = :org");
        params.put("org", orgId);
        where(filter, sql, params);
        sql.append(" order by sort_name, v.id limit ").append(max);
        return named(jdbc.sql(sql.toString()).params(params).query(VendorManagement::row).list().stream().map(Row::view).toList());
    }

    @Transactional(readOnly = true)
    public VendorView get(UUID id) {
        Access.require(Permission.VENDORS_VIEW);
        return view(id);
    }

    /** The current vendors, by name, for selects (a review's vendor, a filter). */
    @Transactional(readOnly = true)
    public List<Option> options(@Nullable VendorCategory category) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        return jdbc.sql("select id, coalesce(trading_name, legal_name) as name, category from vendors where org_id = :org and archived = false"
                        + (category == null ? "" : " and category = :category")
                        + " order by lower(coalesce(trading_name, legal_name)), id")
                .param("org", orgId)
                .params(category == null ? Map.of() : Map.of("category", category.name()))
                .query((rs, n) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"),
                        VendorCategory.valueOf(rs.getString("category"))))
                .list();
    }

    public record Option(UUID id, String name, VendorCategory category) {}

    /** The tags in use on current vendors, most used first, with how many vendors carry each. */
    @Transactional(readOnly = true)
    public List<TagCount> tags() {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select tags from vendors where org_id = :org and archived = false and tags <> ''")
                .param("org", orgId)
                .query(String.class)
                .list()
                .forEach(t -> Tags.split(t).forEach(tag -> counts.merge(tag, 1, Integer::sum)));
        return counts.entrySet().stream()
                .map(e -> new TagCount(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.tag().compareTo(b.tag()))
                .toList();
    }

    public record TagCount(String tag, int count) {}

    /** The members who own a relationship with a current vendor, for the owner filter. */
    @Transactional(readOnly = true)
    public Map<UUID, String> owners() {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        List<UUID> ids = jdbc.sql("select distinct owner_id from vendors where org_id = :org and owner_id is not null")
                .param("org", orgId)
                .query(UUID.class)
                .list();
        return members.displayNames(ids);
    }

    /**
     * Vendors the register already has that could be the same company: the same legal or trading name once legal
     * forms and punctuation are set aside, or the same website domain. Archived vendors count too.
     */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> duplicates(@Nullable String legalName, @Nullable String tradingName, @Nullable String website) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Set<String> keys = new LinkedHashSet<>();
        for (String name : new String[] {legalName, tradingName}) {
            if (name != null && !name.isBlank()) {
                String key = VendorNames.key(name);
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        String domain = VendorNames.domain(website);
        if (keys.isEmpty() && domain == null) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("org", orgId);
        params.put("keys", keys.isEmpty() ? List.of("") : List.copyOf(keys));
        params.put("domain", domain == null ? "" : domain);
        List<DuplicateCandidate> found = new ArrayList<>();
        jdbc.sql("select id, legal_name, trading_name, name_key, website_domain, archived from vendors where org_id = :org "
                        + "and (name_key in (:keys) or website_domain = :domain or trading_name is not null) order by legal_name, id")
                .params(params)
                .query(rs -> {
                    String trading = rs.getString("trading_name");
                    String existingDomain = rs.getString("website_domain");
                    List<String> matched = new ArrayList<>();
                    if (keys.contains(rs.getString("name_key")) || (trading != null && keys.contains(VendorNames.key(trading)))) {
                        matched.add("name");
                    }
                    if (domain != null && domain.equals(existingDomain)) {
                        matched.add("domain");
                    }
                    if (!matched.isEmpty()) {
                        String legal = rs.getString("legal_name");
                        found.add(new DuplicateCandidate(rs.getObject("id", UUID.class), trading != null ? trading : legal, legal,
                                existingDomain, rs.getBoolean("archived"), List.copyOf(matched)));
                    }
                });
        return found;
    }

    // ---- changing

    /** Adds a vendor; refused with the possible duplicates unless {@code allowDuplicate}. */
    @Transactional
    public VendorView create(SaveVendor command, boolean allowDuplicate) {
        Access.require(Permission.VENDORS_MANAGE);
        Vendor.Details details = validated(command, null);
        if (!allowDuplicate) {
            List<DuplicateCandidate> candidates = duplicates(details.legalName(), details.tradingName(), details.website());
            if (!candidates.isEmpty()) {
                throw new PossibleDuplicatesException(candidates);
            }
        }
        Vendor vendor = new Vendor(details);
        vendors.saveAndFlush(vendor);
        audit.record("vendor.created", "Vendor", vendor.getId(), null, vendor.snapshot());
        return view(vendor.getId());
    }

    @Transactional
    public VendorView update(UUID id, SaveVendor command, long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        Vendor vendor = find(id);
        Versions.check(expectedVersion, vendor.version());
        if (vendor.archived()) {
            throw new ConflictException("archived", "an archived vendor cannot be changed; restore it first");
        }
        Vendor.Details details = validated(command, vendor);
        var before = vendor.snapshot();
        vendor.apply(details);
        vendors.saveAndFlush(vendor);
        audit.record("vendor.updated", "Vendor", id, before, vendor.snapshot());
        return view(id);
    }

    /** Takes the vendor out of the register's lists and selects; its contracts, reviews and history stay. */
    @Transactional
    public VendorView archive(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        Vendor vendor = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, vendor.version());
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        if (vendor.archived()) {
            throw new ConflictException("archived", "the vendor is already archived");
        }
        var before = vendor.snapshot();
        vendor.archive();
        vendors.saveAndFlush(vendor);
        audit.record("vendor.archived", "Vendor", id, before, AuditTrail.withReason(vendor.snapshot(), reason));
        return view(id);
    }

    @Transactional
    public VendorView restore(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        Vendor vendor = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, vendor.version());
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        if (!vendor.archived()) {
            throw new ConflictException("archived", "the vendor is not archived");
        }
        var before = vendor.snapshot();
        vendor.restore();
        vendors.saveAndFlush(vendor);
        audit.record("vendor.restored", "Vendor", id, before, AuditTrail.withReason(vendor.snapshot(), reason));
        return view(id);
    }

    // ---- for the module

    Vendor find(UUID id) {
        return vendors.findById(id).orElseThrow(() -> new NotFoundException("Vendor"));
    }

    /** A vendor of the current organization that may take new contacts, notes and reviews. */
    Vendor findCurrent(UUID id) {
        Vendor vendor = find(id);
        if (vendor.archived()) {
            throw new ConflictException("vendorId", "the vendor is archived; restore it first");
        }
        return vendor;
    }

    /**
     * Checks a vendor as entered and answers it cleaned: the website with a scheme, tags lower-cased. A vendor keeps an
     * owner who has left the organization since, but a new owner must be an active member.
     */
    Vendor.Details validated(SaveVendor c, @Nullable Vendor current) {
        var checks = new Checks()
                .text("legalName", c.legalName(), 200, true)
                .text("tradingName", c.tradingName(), 200, false)
                .required("category", c.category())
                .text("notes", c.notes(), 4000, false);
        if (c.legalName() != null && !c.legalName().isBlank()) {
            checks.rule(!VendorNames.key(c.legalName()).isEmpty(), "legalName", "name", "legalName must contain letters or digits");
        }
        if (current != null) {
            checks.required("status", c.status()).required("strategicTier", c.strategicTier()).required("riskTier", c.riskTier());
        }
        String website = website(c.website());
        if (website != null) {
            checks.rule(website.length() <= 500, "website", "too-long", "website must be at most 500 characters")
                    .rule(webAddress(website), "website", "url", "website must be a web address such as https://example.com");
        }
        Tags.check(checks, "tags", c.tags());
        UUID kept = current == null ? null : current.ownerId();
        if (c.ownerId() != null && !c.ownerId().equals(kept)) {
            checks.rule(members.isActiveMember(c.ownerId()), "ownerId", "unknown", "ownerId names no active member of this organization");
        }
        checks.throwIfAny();
        return new Vendor.Details(
                c.legalName().strip(),
                c.tradingName(),
                c.category(),
                website,
                c.status() == null ? VendorStatus.ACTIVE : c.status(),
                c.strategicTier() == null ? StrategicTier.TACTICAL : c.strategicTier(),
                c.riskTier() == null ? RiskTier.MEDIUM : c.riskTier(),
                Tags.clean(c.tags()),
                c.notes(),
                c.ownerId());
    }

    /** "example.com" → "https://example.com", so the page can link to it. */
    static @Nullable String website(@Nullable String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String text = website.strip();
        return text.contains("://") ? text : "https://" + text;
    }

    private static boolean webAddress(String website) {
        if (website.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = URI.create(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String domain = VendorNames.domain(website);
            return (scheme.equals("https") || scheme.equals("http")) && domain != null && domain.contains(".")
                    && !domain.startsWith(".") && !domain.endsWith(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    VendorView view(UUID id) {
        Row row = jdbc.sql(SELECT + " where v.org_id = :org and v.id = :id")
                .param("org", TenantContext.requireOrgId())
                .param("id", id)
                .query(VendorManagement::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Vendor"));
        return named(List.of(row.view())).getFirst();
    }

    /** Display names of vendors of the current organization by id (archived ones too); unknown ids are left out. */
    Map<UUID, String> names(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, coalesce(trading_name, legal_name) from vendors where org_id = :org and id in (:ids)")
                .param("org", TenantContext.requireOrgId())
                .param("ids", ids)
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    private static void where(VendorFilter filter, StringBuilder sql, Map<String, Object> params) {
        sql.append(" and v.archived = :archived");
        params.put("archived", filter.archivedOnly());
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and (lower(v.legal_name) like :q escape '\\' or lower(coalesce(v.trading_name, '')) like :q escape '\\' "
                    + "or coalesce(v.website_domain, '') like :q escape '\\' or v.tags like :q escape '\\')");
            params.put("q", "%" + LikePatterns.literal(filter.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.category() != null) {
            sql.append(" and v.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.status() != null) {
            sql.append(" and v.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.strategicTier() != null) {
            sql.append(" and v.strategic_tier = :strategic");
            params.put("strategic", filter.strategicTier().name());
        }
        if (filter.riskTier() != null) {
            sql.append(" and v.risk_tier = :risk");
            params.put("risk", filter.riskTier().name());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and (',' || v.tags || ',') like :tag escape '\\'");
            params.put("tag", "%," + LikePatterns.literal(filter.tag().strip().toLowerCase(Locale.ROOT)) + ",%");
        }
        if (filter.ownerId() != null) {
            sql.append(" and v.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
    }

    /** An enum column ordered as the enum is (most important first) rather than alphabetically. */
    private static String rank(String column, Enum<?>[] values) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (Enum<?> value : values) {
            sql.append(" when '").append(value.name()).append("' then ").append(value.ordinal() + 1);
        }
        return sql.append(" else 99 end").toString();
    }

    private List<VendorView> named(List<VendorView> rows) {
        Map<UUID, String> owners = members.displayNames(rows.stream().map(VendorView::ownerId).filter(Objects::nonNull).distinct().toList());
        if (owners.isEmpty()) {
            return rows;
        }
        return rows.stream()
                .map(v -> v.ownerId() == null ? v : new VendorView(v.id(), v.name(), v.legalName(), v.tradingName(), v.category(),
                        v.website(), v.websiteDomain(), v.status(), v.strategicTier(), v.riskTier(), v.tags(), v.notes(), v.ownerId(),
                        owners.get(v.ownerId()), v.archived(), v.score(), v.createdAt(), v.updatedAt(), v.version()))
                .toList();
    }

    private record Row(VendorView view, String sortName) {}

    private static Map<String, ?> keys(Paging.Request request, Row r) {
        String field = request.sort().iterator().next().getProperty();
        VendorView v = r.view();
        return switch (field) {
            case "category" -> Map.of("category", v.category().name(), "id", v.id());
            case "status" -> Map.of("status", v.status().ordinal() + 1, "id", v.id());
            case "strategicTier" -> Map.of("strategicTier", v.strategicTier().ordinal() + 1, "id", v.id());
            case "riskTier" -> Map.of("riskTier", v.riskTier().ordinal() + 1, "id", v.id());
            case "createdAt" -> Map.of("createdAt", v.createdAt(), "id", v.id());
            case "updatedAt" -> Map.of("updatedAt", v.updatedAt(), "id", v.id());
            default -> Map.of("name", r.sortName(), "id", v.id());
        };
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String legal = rs.getString("legal_name");
        String trading = rs.getString("trading_name");
        BigDecimal score = rs.getBigDecimal("score");
        var view = new VendorView(
                rs.getObject("id", UUID.class),
                trading != null ? trading : legal,
                legal,
                trading,
                VendorCategory.valueOf(rs.getString("category")),
                rs.getString("website"),
                rs.getString("website_domain"),
                VendorStatus.valueOf(rs.getString("status")),
                StrategicTier.valueOf(rs.getString("strategic_tier")),
                RiskTier.valueOf(rs.getString("risk_tier")),
                Tags.split(rs.getString("tags")),
                rs.getString("notes"),
                rs.getObject("owner_id", UUID.class),
                null,
                rs.getBoolean("archived"),
                score == null ? null : score.setScale(2, java.math.RoundingMode.HALF_EVEN),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
        return new Row(view, rs.getString("sort_name"));
    }
}

package org.opencio.vendor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor performance reviews: periodic scorecards of quality, delivery, support, cost, relationship and innovation, the
 * trend of a vendor's scores and the comparison of the vendors of a category. A member records a review under their
 * own name; only they change it later, and only they or a CIO withdraw it. The vendor's relationship owner is notified.
 */
@Service
public class VendorReviewManagement {

    static final Set<String> SORTABLE = Set.of("period", "overall", "createdAt");

    private static final Map<String, String> SORTS = Map.of(
            "period", "r.period_end", "overall", "r.overall", "createdAt", "r.created_at", "id", "r.id");

    private static final String SELECT = "select r.*, coalesce(v.trading_name, v.legal_name) as vendor_name, v.category as vendor_category "
            + "from vendor_reviews r join vendors v on v.id = r.vendor_id and v.org_id = r.org_id";

    private final VendorReviews reviews;
    private final VendorManagement vendors;
    private final MemberManagement members;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    VendorReviewManagement(VendorReviews reviews, VendorManagement vendors, MemberManagement members, AuditTrail audit,
            Notifications notifications, JdbcClient jdbc) {
        this.reviews = reviews;
        this.vendors = vendors;
        this.members = members;
        this.audit = audit;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public CursorPage<VendorReviewView> list(ReviewFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, SORTABLE, "-period");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where r.org_id = :org and r.archived = false");
        if (filter.vendorId() != null) {
            sql.append(" and r.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        if (filter.category() != null) {
            sql.append(" and v.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.reviewerId() != null) {
            sql.append(" and r.reviewer_id = :reviewer");
            params.put("reviewer", filter.reviewerId());
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            ReviewPeriod period = period("period", filter.period());
            sql.append(" and r.period_start >= :from and r.period_end <= :to");
            params.put("from", period.start());
            params.put("to", period.end());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<VendorReviewView> rows = named(jdbc.sql(sql.toString()).params(params).query(VendorReviewManagement::row).list());
        return keyset.page(rows, request, r -> switch (request.sort().iterator().next().getProperty()) {
            case "overall" -> Map.of("overall", r.overall(), "id", r.id());
            case "createdAt" -> Map.of("createdAt", r.createdAt(), "id", r.id());
            default -> Map.of("period", r.periodEnd(), "id", r.id());
        });
    }

    @Transactional(readOnly = true)
    public VendorReviewView get(UUID id) {
        Access.require(Permission.VENDORS_VIEW);
        return view(id);
    }

    /** The vendor's scores period by period, oldest first. */
    @Transactional(readOnly = true)
    public ReviewTrend trend(UUID vendorId) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        vendors.find(vendorId);
        List<ReviewTrend.Point> points = jdbc.sql("select review_period, min(period_start) as period_start, min(period_end) as period_end, "
                        + "count(*) as reviews, " + MEANS + " from vendor_reviews r where r.org_id = :org and r.vendor_id = :vendor "
                        + "and r.archived = false group by review_period order by min(period_end), min(period_start) desc")
                .param("org", orgId)
                .param("vendor", vendorId)
                .query((rs, n) -> new ReviewTrend.Point(rs.getString("review_period"), rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class), rs.getInt("reviews"), means(rs)))
                .list();
        return new ReviewTrend(vendorId, points);
    }

    /**
     * The current vendors of a category side by side. Without {@code period}, each vendor by its latest reviewed period;
     * with one, by its reviews of periods within it.
     */
    @Transactional(readOnly = true)
    public ReviewComparison compare(VendorCategory category, @Nullable String period) {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        ReviewPeriod within = period == null || period.isBlank() ? null : period("period", period);
        Map<String, Object> params = new HashMap<>();
        params.put("org", orgId);
        params.put("category", category.name());
        String scope;
        if (within == null) {
            scope = "r.period_end = (select max(r2.period_end) from vendor_reviews r2 where r2.org_id = r.org_id "
                    + "and r2.vendor_id = r.vendor_id and r2.archived = false)";
        } else {
            scope = "r.period_start >= :from and r.period_end <= :to";
            params.put("from", within.start());
            params.put("to", within.end());
        }
        record Reviewed(String periods, int reviews, Scores scores) {}
        Map<UUID, Reviewed> reviewed = new HashMap<>();
        jdbc.sql("select r.vendor_id, min(r.review_period) as first_period, max(r.review_period) as last_period, count(*) as reviews, "
                        + MEANS + " from vendor_reviews r join vendors v on v.id = r.vendor_id and v.org_id = r.org_id "
                        + "where r.org_id = :org and r.archived = false and v.archived = false and v.category = :category and " + scope
                        + " group by r.vendor_id")
                .params(params)
                .query(rs -> {
                    String first = rs.getString("first_period");
                    String last = rs.getString("last_period");
                    reviewed.put(rs.getObject("vendor_id", UUID.class),
                            new Reviewed(first.equals(last) ? first : first + " – " + last, rs.getInt("reviews"), means(rs)));
                });
        List<ReviewComparison.Row> rows = new ArrayList<>();
        jdbc.sql("select id, coalesce(trading_name, legal_name) as name, strategic_tier from vendors "
                        + "where org_id = :org and archived = false and category = :category")
                .param("org", orgId)
                .param("category", category.name())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Reviewed r = reviewed.get(id);
                    rows.add(new ReviewComparison.Row(id, rs.getString("name"), StrategicTier.valueOf(rs.getString("strategic_tier")),
                            r == null ? null : r.periods(), r == null ? 0 : r.reviews(), r == null ? Scores.none() : r.scores()));
                });
        rows.sort(Comparator.comparing((ReviewComparison.Row r) -> r.scores().overall(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.name().toLowerCase(java.util.Locale.ROOT)));
        return new ReviewComparison(category, within == null ? null : within.label(), rows, meanOf(rows));
    }

    /** How many current vendors each category has, for choosing a comparison. */
    @Transactional(readOnly = true)
    public Map<VendorCategory, Integer> categories() {
        UUID orgId = Access.require(Permission.VENDORS_VIEW).orgId();
        Map<VendorCategory, Integer> counts = new LinkedHashMap<>();
        for (VendorCategory c : VendorCategory.values()) {
            counts.put(c, 0);
        }
        jdbc.sql("select category, count(*) from vendors where org_id = :org and archived = false group by category")
                .param("org", orgId)
                .query(rs -> {
                    counts.put(VendorCategory.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    // ---- changing

    @Transactional
    public VendorReviewView create(SaveVendorReview command) {
        OrgAccess caller = Access.require(Permission.VENDORS_MANAGE);
        if (command.vendorId() == null) {
            throw InvalidInputException.of("vendorId", "required", "vendorId is required");
        }
        UUID vendorId = command.vendorId();
        try {
            vendors.findCurrent(vendorId);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("vendorId", "unknown", "vendorId names no vendor of this organization");
        }
        ReviewPeriod period = check(command);
        if (reviews.existsByVendorIdAndPeriodAndReviewerIdAndArchivedFalse(vendorId, period.label(), caller.accountId())) {
            throw new ConflictException("period", "you have reviewed this vendor for " + period.label() + " already; change that review");
        }
        var review = new VendorReview(vendorId, caller.accountId());
        review.score(period, scores(command), command.comments());
        reviews.saveAndFlush(review);
        audit.record("vendor-review.created", "VendorReview", review.getId(), null, review.snapshot());
        VendorReviewView created = view(review.getId());
        tellOwner(vendors.find(vendorId), created, caller);
        return created;
    }

    /** Changes a review; only its reviewer may. The vendor of a review does not change. */
    @Transactional
    public VendorReviewView update(UUID id, SaveVendorReview command, long expectedVersion) {
        OrgAccess caller = Access.require(Permission.VENDORS_MANAGE);
        VendorReview review = find(id);
        Versions.check(expectedVersion, review.version());
        if (!review.reviewerId().equals(caller.accountId())) {
            throw new ForbiddenException("only the reviewer may change a review");
        }
        if (command.vendorId() != null && !command.vendorId().equals(review.vendorId())) {
            throw InvalidInputException.of("vendorId", "immutable", "a review's vendor cannot change; record a new review instead");
        }
        ReviewPeriod period = check(command);
        if (!period.label().equals(review.period())
                && reviews.existsByVendorIdAndPeriodAndReviewerIdAndArchivedFalse(review.vendorId(), period.label(), caller.accountId())) {
            throw new ConflictException("period", "you have reviewed this vendor for " + period.label() + " already");
        }
        var before = review.snapshot();
        review.score(period, scores(command), command.comments());
        reviews.saveAndFlush(review);
        audit.record("vendor-review.updated", "VendorReview", id, before, review.snapshot());
        return view(id);
    }

    /** Withdraws a review: it no longer counts in trends and comparisons. Its reviewer or a CIO may. */
    @Transactional
    public void withdraw(UUID id, @Nullable Long expectedVersion) {
        OrgAccess caller = Access.require(Permission.VENDORS_MANAGE);
        VendorReview review = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, review.version());
        }
        if (!review.reviewerId().equals(caller.accountId()) && caller.role() != Role.CIO) {
            throw new ForbiddenException("only the reviewer or a CIO may withdraw a review");
        }
        var before = review.snapshot();
        review.archive();
        reviews.saveAndFlush(review);
        audit.record("vendor-review.withdrawn", "VendorReview", id, before, review.snapshot());
    }

    // ---- helpers

    /** The member who owns the relationship hears of a review someone else recorded. */
    private void tellOwner(Vendor vendor, VendorReviewView review, OrgAccess caller) {
        UUID owner = vendor.ownerId();
        if (owner == null || owner.equals(caller.accountId()) || !members.isActiveMember(owner)) {
            return;
        }
        String title = "New review of " + vendor.displayName() + " for " + review.period() + ": " + review.overall().toPlainString() + " of 5";
        String body = "By " + (review.reviewerName() == null ? "a colleague" : review.reviewerName())
                + (review.comments() == null ? "." : ": " + abbreviate(review.comments(), 300));
        notifications.notify(List.of(owner), new Notice("vendor.reviewed", title, body, "/o/" + caller.slug() + "/vendors/" + vendor.getId() + "#reviews"));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private VendorReview find(UUID id) {
        return reviews.findById(id).filter(r -> !r.archived()).orElseThrow(() -> new NotFoundException("Review"));
    }

    private static ReviewPeriod check(SaveVendorReview c) {
        var checks = new Checks()
                .range("quality", c.quality(), 1, 5)
                .range("delivery", c.delivery(), 1, 5)
                .range("support", c.support(), 1, 5)
                .range("cost", c.cost(), 1, 5)
                .range("relationship", c.relationship(), 1, 5)
                .range("innovation", c.innovation(), 1, 5)
                .text("comments", c.comments(), 4000, false)
                .required("period", c.period());
        ReviewPeriod period = null;
        if (c.period() != null && !c.period().isBlank()) {
            period = ReviewPeriod.parse(c.period()).orElse(null);
            checks.rule(period != null, "period", "period",
                    "period must be a year, half, quarter or month such as 2026, 2026-H2, 2026-Q3 or 2026-09");
            if (period != null) {
                checks.rule(!period.start().isAfter(VendorNoteManagement.today()), "period", "future", "period must not lie in the future");
            }
        }
        checks.throwIfAny();
        return period;
    }

    static ReviewPeriod period(String field, String text) {
        return ReviewPeriod.parse(text).orElseThrow(() -> InvalidInputException.of(field, "period",
                field + " must be a year, half, quarter or month such as 2026, 2026-H2, 2026-Q3 or 2026-09"));
    }

    private static Scores scores(SaveVendorReview c) {
        return Scores.of(c.quality(), c.delivery(), c.support(), c.cost(), c.relationship(), c.innovation());
    }

    private static final String MEANS = "avg(r.quality * 1.0) as quality, avg(r.delivery * 1.0) as delivery, avg(r.support * 1.0) as support, "
            + "avg(r.cost * 1.0) as cost, avg(r.relationship * 1.0) as relationship, avg(r.innovation * 1.0) as innovation, "
            + "avg((r.quality + r.delivery + r.support + r.cost + r.relationship + r.innovation) / 6.0) as overall";

    private static Scores means(ResultSet rs) throws SQLException {
        return new Scores(two(rs.getBigDecimal("quality")), two(rs.getBigDecimal("delivery")), two(rs.getBigDecimal("support")),
                two(rs.getBigDecimal("cost")), two(rs.getBigDecimal("relationship")), two(rs.getBigDecimal("innovation")),
                two(rs.getBigDecimal("overall")));
    }

    private static @Nullable BigDecimal two(@Nullable BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /** The mean of each dimension over the rows that have scores. */
    private static Scores meanOf(List<ReviewComparison.Row> rows) {
        List<Scores> scored = rows.stream().map(ReviewComparison.Row::scores).filter(s -> !s.empty()).toList();
        if (scored.isEmpty()) {
            return Scores.none();
        }
        BigDecimal[] sums = new BigDecimal[7];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (Scores s : scored) {
            List<@Nullable BigDecimal> d = s.dimensions();
            for (int i = 0; i < 6; i++) {
                sums[i] = sums[i].add(d.get(i));
            }
            sums[6] = sums[6].add(s.overall());
        }
        BigDecimal n = BigDecimal.valueOf(scored.size());
        java.util.function.IntFunction<BigDecimal> mean = i -> sums[i].divide(n, 2, java.math.RoundingMode.HALF_EVEN);
        return new Scores(mean.apply(0), mean.apply(1), mean.apply(2), mean.apply(3), mean.apply(4), mean.apply(5), mean.apply(6));
    }

    private VendorReviewView view(UUID id) {
        VendorReviewView row = jdbc.sql(SELECT + " where r.org_id = :org and r.id = :id and r.archived = false")
                .param("org", org.opencio.platform.tenancy.TenantContext.requireOrgId())
                .param("id", id)
                .query(VendorReviewManagement::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Review"));
        return named(List.of(row)).getFirst();
    }

    private List<VendorReviewView> named(List<VendorReviewView> rows) {
        Map<UUID, String> names = members.displayNames(rows.stream().map(VendorReviewView::reviewerId).distinct().toList());
        return rows.stream()
                .map(r -> new VendorReviewView(r.id(), r.vendorId(), r.vendorName(), r.vendorCategory(), r.period(), r.periodStart(),
                        r.periodEnd(), r.quality(), r.delivery(), r.support(), r.cost(), r.relationship(), r.innovation(), r.overall(),
                        r.comments(), r.reviewerId(), names.get(r.reviewerId()), r.createdAt(), r.updatedAt(), r.version()))
                .toList();
    }

    private static VendorReviewView row(ResultSet rs, int n) throws SQLException {
        return new VendorReviewView(
                rs.getObject("id", UUID.class),
                rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_name"),
                VendorCategory.valueOf(rs.getString("vendor_category")),
                rs.getString("review_period"),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getInt("quality"),
                rs.getInt("delivery"),
                rs.getInt("support"),
                rs.getInt("cost"),
                rs.getInt("relationship"),
                rs.getInt("innovation"),
                rs.getBigDecimal("overall").setScale(2, java.math.RoundingMode.HALF_EVEN),
                rs.getString("comments"),
                rs.getObject("reviewer_id", UUID.class),
                null,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}

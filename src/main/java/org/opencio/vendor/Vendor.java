package org.opencio.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A company the organization buys from, or may buy from. */
@Entity
@Table(name = "vendors")
class Vendor extends TenantEntity {

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(name = "trading_name")
    private @Nullable String tradingName;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VendorCategory category;

    private @Nullable String website;

    @Column(name = "website_domain")
    private @Nullable String websiteDomain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VendorStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "strategic_tier", nullable = false)
    private StrategicTier strategicTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier", nullable = false)
    private RiskTier riskTier;

    /** Lower-case tags separated by commas, without spaces around them. */
    @Column(nullable = false)
    private String tags = "";

    private @Nullable String notes;

    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Column(nullable = false)
    private boolean archived;

    protected Vendor() {}

    Vendor(Details details) {
        apply(details);
    }

    /** Everything a person edits about a vendor, already validated. */
    record Details(
            String legalName,
            @Nullable String tradingName,
            VendorCategory category,
            @Nullable String website,
            VendorStatus status,
            StrategicTier strategicTier,
            RiskTier riskTier,
            List<String> tags,
            @Nullable String notes,
            @Nullable UUID ownerId) {}

    void apply(Details d) {
        legalName = d.legalName().trim();
        tradingName = blankToNull(d.tradingName());
        nameKey = VendorNames.key(legalName);
        category = d.category();
        website = blankToNull(d.website());
        websiteDomain = VendorNames.domain(website);
        status = d.status();
        strategicTier = d.strategicTier();
        riskTier = d.riskTier();
        tags = joinTags(d.tags());
        notes = blankToNull(d.notes());
        ownerId = d.ownerId();
    }

    static String joinTags(List<String> tags) {
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag.trim().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        return String.join(",", clean);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    void archive() {
        archived = true;
    }

    void restore() {
        archived = false;
    }

    /** The name people know the vendor by: the trading name when there is one. */
    String displayName() {
        return tradingName != null ? tradingName : legalName;
    }

    String legalName() {
        return legalName;
    }

    @Nullable
    String tradingName() {
        return tradingName;
    }

    String nameKey() {
        return nameKey;
    }

    VendorCategory category() {
        return category;
    }

    @Nullable
    String website() {
        return website;
    }

    @Nullable
    String websiteDomain() {
        return websiteDomain;
    }

    VendorStatus status() {
        return status;
    }

    StrategicTier strategicTier() {
        return strategicTier;
    }

    RiskTier riskTier() {
        return riskTier;
    }

    List<String> tags() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    @Nullable
    String notes() {
        return notes;
    }

    @Nullable
    UUID ownerId() {
        return ownerId;
    }

    boolean archived() {
        return archived;
    }

    /** What the audit trail keeps of a vendor before and after a change. */
    record Snapshot(
            String legalName,
            @Nullable String tradingName,
            VendorCategory category,
            @Nullable String website,
            VendorStatus status,
            StrategicTier strategicTier,
            RiskTier riskTier,
            List<String> tags,
            @Nullable String notes,
            @Nullable UUID ownerId,
            boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(legalName, tradingName, category, website, status, strategicTier, riskTier, tags(), notes, ownerId, archived);
    }
}

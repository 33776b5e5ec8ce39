package org.opencio.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.opencio.platform.persistence.BaseEntity;

/** An organization served by OpenCIO. Its own id is the tenant id of everything it owns. */
@Entity
@Table(name = "organizations")
class Organization extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "base_currency", nullable = false)
    private String baseCurrency;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false)
    private String locale;

    @Column(name = "fiscal_year_start", nullable = false)
    private int fiscalYearStart;

    @Column(nullable = false)
    private boolean archived;

    protected Organization() {}

    Organization(String slug, String name, String baseCurrency, String timeZone, String locale, int fiscalYearStart) {
        this.slug = slug;
        update(name, baseCurrency, timeZone, locale, fiscalYearStart);
    }

    void update(String name, String baseCurrency, String timeZone, String locale, int fiscalYearStart) {
        this.name = name.trim();
        this.baseCurrency = baseCurrency;
        this.timeZone = timeZone;
        this.locale = locale;
        this.fiscalYearStart = fiscalYearStart;
    }

    OrganizationView view() {
        return new OrganizationView(
                getId(), slug, name, baseCurrency, timeZone, locale, fiscalYearStart, archived, version());
    }

    String slug() {
        return slug;
    }

    String name() {
        return name;
    }

    String baseCurrency() {
        return baseCurrency;
    }
}

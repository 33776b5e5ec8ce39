package org.opencio.vendor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opencio.organization.OrganizationManagement;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Today in the current organization's time zone: a contract's dates are calendar dates there. The clock is the
 * application's {@link Clock} bean when there is one (tests fix it), the system clock otherwise.
 */
@Component
class ContractClock {

    private final Clock clock;
    private final OrganizationManagement organizations;

    ContractClock(ObjectProvider<Clock> clock, OrganizationManagement organizations) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.organizations = organizations;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /** The organization's zone: from the member's access, or looked up for work that runs without one. */
    ZoneId zone() {
        return TenantContext.access()
                .map(OrgAccess::timeZone)
                .or(() -> organizations.find(TenantContext.requireOrgId()).map(o -> o.timeZone()))
                .map(ZoneId::of)
                .orElseThrow(() -> new NotFoundException("Organization"));
    }
}

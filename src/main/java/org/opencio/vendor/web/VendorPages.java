package org.opencio.vendor.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.opencio.platform.tenancy.TenantContext;

/** What several vendor pages share. */
final class VendorPages {

    private VendorPages() {}

    /** Today in the organization's time zone. */
    static LocalDate today() {
        return LocalDate.now(TenantContext.access().map(a -> ZoneId.of(a.timeZone())).orElse(ZoneId.of("UTC")));
    }
}

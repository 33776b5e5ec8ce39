package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Vendors extends JpaRepository<Vendor, UUID> {

    /** Vendors whose name or website could be the same company as a new one. */
    List<Vendor> findByNameKeyOrWebsiteDomain(String nameKey, String websiteDomain);

    List<Vendor> findByNameKey(String nameKey);
}

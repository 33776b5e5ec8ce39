package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VendorContacts extends JpaRepository<VendorContact, UUID> {

    List<VendorContact> findByVendorIdAndArchivedFalseOrderByKindAscNameAsc(UUID vendorId);
}

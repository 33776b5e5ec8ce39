package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VendorNotes extends JpaRepository<VendorNote, UUID> {

    List<VendorNote> findByVendorIdAndArchivedFalseOrderByNotedOnDescCreatedAtDesc(UUID vendorId);
}

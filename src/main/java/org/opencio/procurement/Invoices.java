package org.opencio.procurement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Invoices extends JpaRepository<Invoice, UUID> {

    List<Invoice> findByOrderIdOrderByCreatedAt(UUID orderId);

    boolean existsByVendorIdAndVendorInvoiceNumber(UUID vendorId, String vendorInvoiceNumber);
}

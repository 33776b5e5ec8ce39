package org.opencio.procurement;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which invoices a list shows; every part optional. */
public record InvoiceFilter(@Nullable InvoiceStatus status, @Nullable UUID orderId, @Nullable UUID vendorId) {}

package org.opencio.procurement;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Placing the order of an approved request: the vendor (when the request names none), whom to send it to, when it is expected. */
public record PlaceOrder(@Nullable UUID vendorId, @Nullable UUID contactId, @Nullable LocalDate expectedOn, @Nullable String notes) {}

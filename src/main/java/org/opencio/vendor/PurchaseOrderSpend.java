package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What the vendor register will learn from procurement once purchase orders exist: the money ordered from each vendor
 * in a span of days, in one currency. No module implements it yet, so spend shows no purchase-order figures; the
 * procurement module provides a bean of this type when it arrives (it depends on the vendor module, not the other way).
 */
public interface PurchaseOrderSpend {

    /** Money ordered per vendor on purchase orders dated from {@code from} to {@code to}, in {@code currency}. */
    Map<UUID, BigDecimal> orderedByVendor(LocalDate from, LocalDate to, String currency);
}

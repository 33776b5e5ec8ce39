/**
 * Purchases: requests, approval chains by amount and category, purchase orders, receipt and invoice match, tied to
 * the budget (reservation on submit, commitment on order, actual on invoice) and the vendor register.
 */
@ApplicationModule(displayName = "Procurement")
@NullMarked
package org.opencio.procurement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

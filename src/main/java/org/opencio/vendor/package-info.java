/**
 * The vendor register: vendors and their contacts, contracts with their renewal and notice dates, performance
 * reviews, vendor intelligence notes and spend per vendor. Contract values are committed in the budget through the
 * budget module's ledger.
 */
@ApplicationModule(displayName = "Vendors")
@NullMarked
package org.opencio.vendor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

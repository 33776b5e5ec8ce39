/**
 * The IT budget per fiscal year: lines phased over months, cost categories, the four stages of money (plan, reserved,
 * committed, actual), budget checks for other modules, revisions after approval, forecasts and variance.
 */
@ApplicationModule(displayName = "Budget")
@NullMarked
package org.opencio.budget;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The asset register: a catalogue of models and the hardware the organization owns, with its lifecycle, who holds
 * it, its warranty and its book value. Goods received on purchase orders become assets in stock.
 */
@ApplicationModule(displayName = "Assets")
@NullMarked
package org.opencio.asset;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package org.opencio.asset;

import java.util.EnumSet;
import java.util.Set;

/** Where an asset is in its life, and where it may go from there. */
public enum AssetStatus {
    ORDERED,
    IN_STOCK,
    DEPLOYED,
    IN_REPAIR,
    RETIRED,
    DISPOSED;

    public Set<AssetStatus> next() {
        return switch (this) {
            case ORDERED -> EnumSet.of(IN_STOCK, RETIRED);
            // An asset in stock is deployed by checking it out to a person, not by a bare status change.
            case IN_STOCK -> EnumSet.of(IN_REPAIR, RETIRED);
            case DEPLOYED -> EnumSet.of(IN_STOCK, IN_REPAIR, RETIRED);
            case IN_REPAIR -> EnumSet.of(IN_STOCK, DEPLOYED, RETIRED);
            case RETIRED -> EnumSet.of(DISPOSED);
            case DISPOSED -> EnumSet.noneOf(AssetStatus.class);
        };
    }

    public boolean mayBecome(AssetStatus target) {
        return next().contains(target);
    }

    /** Whether an asset in this status may be held by a person (otherwise its assignment ends). */
    boolean mayBeHeld() {
        return this == DEPLOYED || this == IN_REPAIR;
    }
}

package org.opencio.shared;

/** The optimistic-locking check every update makes against the version its caller last saw. */
public final class Versions {

    private Versions() {}

    public static void check(long expected, long current) {
        if (expected != current) {
            throw new StaleVersionException(current);
        }
    }
}

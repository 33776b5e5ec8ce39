package org.opencio.vendor.rest;

import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.ETags;

/** State transitions check If-Match when the caller sends it; updates require it ({@link ETags#requireIfMatch}). */
final class IfMatch {

    private IfMatch() {}

    static @Nullable Long optional(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }
}

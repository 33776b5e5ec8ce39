package org.opencio.vendor.rest;

import org.jspecify.annotations.Nullable;

/** The optional reason every state transition accepts; it is kept in the audit trail. */
record Reason(@Nullable String reason) {

    static @Nullable String of(@Nullable Reason body) {
        return body == null ? null : body.reason();
    }
}

package org.opencio.budget.imports;

/** How a cost file writes dates with slashes or dots; ISO dates (2026-08-02) are read in every order. */
public enum DateOrder {
    /** ISO 8601 / RFC 3339, and M/D/YY(YY) as the FOCUS samples write them. */
    ISO,
    /** 8/2/2026 or 8/2/26: month first. */
    MDY,
    /** 2/8/2026, 02.08.2026 or 2-8-26: day first. */
    DMY
}

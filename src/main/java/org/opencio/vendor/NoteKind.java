package org.opencio.vendor;

/** Where a piece of vendor intelligence comes from. */
public enum NoteKind {
    BRIEFING,
    ROADMAP,
    MEETING,
    OTHER
}

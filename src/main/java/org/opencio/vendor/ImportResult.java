package org.opencio.vendor;

/** What an import did: rows read, records created, records updated and rows that changed nothing. */
public record ImportResult(int rows, int created, int updated, int unchanged) {}

package org.opencio.budget.imports;

import org.jspecify.annotations.Nullable;

/** A row an import refused: the line of the file it starts on, why, and (the start of) what it held. */
public record RejectionView(long lineNumber, String reason, @Nullable String content) {}

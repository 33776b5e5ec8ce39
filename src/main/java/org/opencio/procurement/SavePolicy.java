package org.opencio.procurement;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new or changed draft of the approval policy. Without rules, a new draft starts as a copy of the version in force.
 */
public record SavePolicy(@Nullable LocalDate effectiveFrom, @Nullable String note, @Nullable List<RuleInput> rules) {}

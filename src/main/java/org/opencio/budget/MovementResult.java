package org.opencio.budget;

/** What a stage change did: the check made before it, and whether it was a repeat of one already recorded. */
public record MovementResult(BudgetCheck check, boolean repeated) {}

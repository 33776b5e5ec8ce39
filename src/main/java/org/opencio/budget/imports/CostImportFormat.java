package org.opencio.budget.imports;

/** The kinds of cost file an import reads: a FinOps FOCUS cloud bill, or a general-ledger CSV export. */
public enum CostImportFormat {
    FOCUS,
    GL
}

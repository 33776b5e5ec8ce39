package org.opencio.budget.imports;

/** Where an import job stands. Only DONE has changed the budget; a FAILED import changed nothing. */
public enum CostImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}

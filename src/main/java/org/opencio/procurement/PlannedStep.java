package org.opencio.procurement;

import java.util.List;
import java.util.UUID;

/** A step of a request's approval: who may decide it, and whether one or all of them must approve. */
public record PlannedStep(int stage, String name, StepMode mode, List<UUID> approvers, boolean fallback) {

    public PlannedStep {
        approvers = List.copyOf(approvers);
    }
}

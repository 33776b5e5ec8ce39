package org.opencio.procurement;

import java.util.List;

/** A step a request would pass, with its approvers by name: what the policy preview shows. */
public record StepPreview(int stage, String name, StepMode mode, List<Approver> approvers, boolean fallback) {

    public record Approver(java.util.UUID accountId, String name) {}
}

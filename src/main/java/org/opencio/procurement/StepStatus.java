package org.opencio.procurement;

/** Where an approval step stands: a later stage WAITS until the stages before it are approved. */
public enum StepStatus {
    WAITING,
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED
}

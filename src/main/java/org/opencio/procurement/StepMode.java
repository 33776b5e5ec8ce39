package org.opencio.procurement;

/** How many of a step's approvers must approve. */
public enum StepMode {
    /** The first approval decides the step. */
    ANY,
    /** Every approver of the step must approve. */
    ALL
}

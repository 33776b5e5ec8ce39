package org.opencio.budget;

/** How a line's remaining months are projected: by what was planned, or by the pace of recent months. */
public enum ForecastMethod {
    REMAINING_PLAN,
    RUN_RATE
}

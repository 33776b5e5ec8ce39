package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How long approvals took in a period (days in the organization's time zone, both included): for the requests decided
 * in it, the hours from submission to decision; for the steps decided in it, from the step becoming pending to its
 * decision, by step name; for the decisions taken in it, from the step becoming pending to the decision, by approver;
 * and the requests week by week (weeks starting on Monday, by the day of decision).
 */
public record CycleTimeReport(
        LocalDate from, LocalDate to, Stat requests, List<Week> weeks, List<StepGroup> steps, List<ApproverGroup> approvers) {

    /** Median and 90th percentile in hours (one decimal), of {@code count} durations; both absent when there are none. */
    public record Stat(int count, @Nullable BigDecimal medianHours, @Nullable BigDecimal p90Hours) {}

    public record Week(LocalDate startsOn, Stat stat) {}

    public record StepGroup(String name, Stat stat) {}

    public record ApproverGroup(UUID approverId, String name, Stat stat) {}
}

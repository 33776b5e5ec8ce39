package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.opencio.procurement.CycleTimeReport;
import org.opencio.procurement.CycleTimes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Approval cycle time: per request, per step and per approver, median and 90th percentile in hours. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/purchase-requests/cycle-time")
@Tag(name = "Procurement")
class CycleTimeApiController {

    private final CycleTimes cycleTimes;

    CycleTimeApiController(CycleTimes cycleTimes) {
        this.cycleTimes = cycleTimes;
    }

    @GetMapping
    @Operation(summary = "Cycle time of the approvals decided from `from` to `to` (days, both included; by default the last 90 days)")
    CycleTimeReport report(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return cycleTimes.report(from, to);
    }
}

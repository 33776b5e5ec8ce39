package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.vendor.CalendarFeedView;
import org.opencio.vendor.ContractEvent;
import org.opencio.vendor.ContractEventFilter;
import org.opencio.vendor.ContractSettingsView;
import org.opencio.vendor.ContractType;
import org.opencio.vendor.RenewalCalendar;
import org.opencio.vendor.UpdateContractSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Contracts")
class RenewalApiController {

    record Reason(@Nullable String reason) {}

    private final RenewalCalendar calendar;

    RenewalApiController(RenewalCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/contract-events")
    @Operation(summary = "The renewal calendar: notice deadlines, renewals and ends between from and to (default: today and 90 days on), "
            + "in date order; filter by kind, vendorId, ownerId, type")
    CursorPage<ContractEvent> events(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) ContractEvent.@Nullable Kind kind,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable ContractType type,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        LocalDate start = from != null ? from : calendar.today();
        LocalDate end = to != null ? to : start.plusDays(90);
        return calendar.events(new ContractEventFilter(start, end, kind, vendorId, ownerId, type), limit, cursor, sort);
    }

    @GetMapping("/contract-settings")
    ResponseEntity<ContractSettingsView> settings(@PathVariable String orgSlug) {
        ContractSettingsView s = calendar.settings();
        return ETags.ok(s, s.version());
    }

    @PutMapping("/contract-settings")
    @Operation(summary = "The expiring window (days) and the reminder thresholds (days before a notice deadline); If-Match required")
    ResponseEntity<ContractSettingsView> updateSettings(
            @PathVariable String orgSlug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody UpdateContractSettings body) {
        calendar.settings();
        ContractSettingsView s = calendar.updateSettings(body, ETags.requireIfMatch(ifMatch));
        return ETags.ok(s, s.version());
    }

    @GetMapping("/calendar-feed")
    @Operation(summary = "Whether the organization's iCalendar feed is on; its secret address is shown only when created")
    CalendarFeedView feed(@PathVariable String orgSlug) {
        return calendar.feed();
    }

    @PostMapping("/calendar-feed")
    @Operation(summary = "Turn the iCalendar feed on, or rotate its secret address (the old one stops working); answers the address once")
    ResponseEntity<CalendarFeedView> createFeed(@PathVariable String orgSlug) {
        return ResponseEntity.status(HttpStatus.CREATED).body(calendar.createFeed());
    }

    @PostMapping("/calendar-feed/revoke")
    @Operation(summary = "Turn the iCalendar feed off: its address answers 404 from now on")
    ResponseEntity<Void> revokeFeed(@PathVariable String orgSlug, @RequestBody(required = false) @Nullable Reason body) {
        calendar.revokeFeed(body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }
}

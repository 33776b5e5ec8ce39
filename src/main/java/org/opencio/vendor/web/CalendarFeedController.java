package org.opencio.vendor.web;

import org.opencio.shared.NotFoundException;
import org.opencio.vendor.RenewalCalendar;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organization's renewal calendar for calendar programs, at its secret address and without signing in: the token
 * in the address is the credential (stored hashed, revocable). An unknown or revoked token is 404.
 */
@Controller
class CalendarFeedController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final RenewalCalendar calendar;

    CalendarFeedController(RenewalCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        String ics = calendar.ics(token).orElseThrow(() -> new NotFoundException("Calendar feed"));
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("contracts.ics").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(ics);
    }
}

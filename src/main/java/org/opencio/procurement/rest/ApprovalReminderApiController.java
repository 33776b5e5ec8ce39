package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.ApprovalReminderManagement;
import org.opencio.procurement.ApprovalReminderSettings;
import org.opencio.procurement.FollowUpView;
import org.opencio.procurement.UpdateApprovalReminders;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reminder and escalation settings of waiting approval steps, and the follow-ups a request's steps had. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Procurement")
class ApprovalReminderApiController {

    private final ApprovalReminderManagement reminders;

    ApprovalReminderApiController(ApprovalReminderManagement reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/approval-settings")
    ResponseEntity<ApprovalReminderSettings> settings(@PathVariable String orgSlug) {
        ApprovalReminderSettings s = reminders.settings();
        return ETags.ok(s, s.version());
    }

    @PutMapping("/approval-settings")
    @Operation(summary = "Business days a pending approval step waits before its approvers are reminded and before it is escalated; If-Match required")
    ResponseEntity<ApprovalReminderSettings> update(
            @PathVariable String orgSlug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody UpdateApprovalReminders body) {
        reminders.settings();
        ApprovalReminderSettings s = reminders.updateSettings(body, ETags.requireIfMatch(ifMatch));
        return ETags.ok(s, s.version());
    }

    @GetMapping("/purchase-requests/{id}/follow-ups")
    @Operation(summary = "The reminders and escalations of the request's approval steps, oldest first")
    List<FollowUpView> followUps(@PathVariable String orgSlug, @PathVariable String id) {
        return reminders.history(Ids.parse(id, "Purchase request"));
    }
}

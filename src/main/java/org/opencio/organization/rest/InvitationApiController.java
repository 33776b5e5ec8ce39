package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.AcceptInvitation;
import org.opencio.organization.InvitationManagement;
import org.opencio.organization.InvitationSent;
import org.opencio.organization.InvitationView;
import org.opencio.organization.InviteMember;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Invitations")
class InvitationApiController {

    private final InvitationManagement invitations;

    InvitationApiController(InvitationManagement invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/orgs/{orgSlug}/invitations")
    CursorPage<InvitationView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return invitations.list(status, limit, cursor, sort);
    }

    @PostMapping("/orgs/{orgSlug}/invitations")
    @Operation(summary = "Invite a person; the link is emailed, or returned as acceptUrl when no mail server is set up")
    ResponseEntity<InvitationSent> invite(@PathVariable String orgSlug, @RequestBody InviteMember command) {
        InvitationSent sent = invitations.invite(command);
        return ResponseEntity.created(
                        URI.create("/api/v1/orgs/" + orgSlug + "/invitations/" + sent.invitation().id()))
                .eTag(ETags.of(sent.invitation().version()))
                .body(sent);
    }

    @GetMapping("/orgs/{orgSlug}/invitations/{id}")
    ResponseEntity<InvitationView> get(@PathVariable String orgSlug, @PathVariable String id) {
        InvitationView i = invitations.get(Ids.parse(id, "Invitation"));
        return ETags.ok(i, i.version());
    }

    @PostMapping("/orgs/{orgSlug}/invitations/{id}/revoke")
    ResponseEntity<InvitationView> revoke(
            @PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        InvitationView i = invitations.revoke(Ids.parse(id, "Invitation"), Reason.of(body));
        return ETags.ok(i, i.version());
    }

    @PostMapping("/orgs/{orgSlug}/invitations/{id}/resend")
    InvitationSent resend(@PathVariable String orgSlug, @PathVariable String id) {
        return invitations.resend(Ids.parse(id, "Invitation"));
    }

    @PostMapping("/invitations/accept")
    @Operation(summary = "Accept an invitation with its token (no sign-in needed); answers the organization's slug")
    Map<String, String> accept(@RequestBody AcceptInvitation command) {
        return Map.of("orgSlug", invitations.accept(command));
    }
}

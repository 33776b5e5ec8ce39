package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.MemberView;
import org.opencio.organization.UpdateMember;
import org.opencio.platform.security.Role;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
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
@RequestMapping("/api/v1/orgs/{orgSlug}/members")
@Tag(name = "Members")
class MemberApiController {

    private final MemberManagement members;

    MemberApiController(MemberManagement members) {
        this.members = members;
    }

    @GetMapping
    CursorPage<MemberView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        return members.list(new MemberFilter(q, role, departmentId, active), limit, cursor, sort);
    }

    @GetMapping("/{id}")
    ResponseEntity<MemberView> get(@PathVariable String orgSlug, @PathVariable String id) {
        MemberView m = members.get(Ids.parse(id, "Member"));
        return ETags.ok(m, m.version());
    }

    @PutMapping("/{id}")
    ResponseEntity<MemberView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody UpdateMember command) {
        UUID memberId = Ids.parse(id, "Member");
        MemberView m = members.update(memberId, command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(m, m.version());
    }

    @PostMapping("/{id}/deactivate")
    ResponseEntity<MemberView> deactivate(
            @PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        MemberView m = members.deactivate(Ids.parse(id, "Member"), Reason.of(body));
        return ETags.ok(m, m.version());
    }

    @PostMapping("/{id}/reactivate")
    ResponseEntity<MemberView> reactivate(
            @PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        MemberView m = members.reactivate(Ids.parse(id, "Member"), Reason.of(body));
        return ETags.ok(m, m.version());
    }
}

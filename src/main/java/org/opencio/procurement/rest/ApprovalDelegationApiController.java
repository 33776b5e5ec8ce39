package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.DelegateApprovals;
import org.opencio.procurement.DelegationManagement;
import org.opencio.procurement.DelegationView;
import org.opencio.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delegations of approvals while someone is away. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/approval-delegations")
@Tag(name = "Procurement")
class ApprovalDelegationApiController {

    record Reason(@Nullable String reason) {}

    private final DelegationManagement delegations;

    ApprovalDelegationApiController(DelegationManagement delegations) {
        this.delegations = delegations;
    }

    /** The caller's delegations, given and received; {@code all=true} for everyone's (CIO). */
    @GetMapping
    List<DelegationView> list(@PathVariable String orgSlug, @RequestParam(defaultValue = "false") boolean all) {
        return delegations.list(all);
    }

    @PostMapping
    ResponseEntity<DelegationView> create(@PathVariable String orgSlug, @RequestBody DelegateApprovals body) {
        DelegationView d = delegations.delegate(body);
        return ResponseEntity.status(201).eTag(ETags.of(d.version())).body(d);
    }

    @GetMapping("/{id}")
    ResponseEntity<DelegationView> get(@PathVariable String orgSlug, @PathVariable String id) {
        DelegationView d = delegations.get(Ids.parse(id, "Delegation"));
        return ETags.ok(d, d.version());
    }

    @PostMapping("/{id}/revoke")
    DelegationView revoke(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return delegations.revoke(Ids.parse(id, "Delegation"), body == null ? null : body.reason());
    }
}

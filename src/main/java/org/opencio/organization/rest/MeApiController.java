package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.opencio.organization.AccountManagement;
import org.opencio.organization.AccountView;
import org.opencio.organization.CreateOrganization;
import org.opencio.organization.MembershipSummary;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.platform.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Me and my organizations")
class MeApiController {

    private final AccountManagement accounts;
    private final OrganizationManagement organizations;

    MeApiController(AccountManagement accounts, OrganizationManagement organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is, with the organizations they belong to")
    AccountView me() {
        return accounts.me();
    }

    @GetMapping("/orgs")
    @Operation(summary = "The organizations the caller is an active member of, with their role in each")
    List<MembershipSummary> organizations() {
        return organizations.mine();
    }

    @PostMapping("/orgs")
    @Operation(summary = "Create an organization (platform administrators); the creator becomes its first CIO")
    ResponseEntity<OrganizationView> create(@RequestBody CreateOrganization command) {
        OrganizationView org = organizations.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + org.slug()))
                .eTag(ETags.of(org.version()))
                .body(org);
    }
}

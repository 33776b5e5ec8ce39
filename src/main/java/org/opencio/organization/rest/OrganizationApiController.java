package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.organization.UpdateOrganization;
import org.opencio.platform.web.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Organizations")
class OrganizationApiController {

    private final OrganizationManagement organizations;

    OrganizationApiController(OrganizationManagement organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    ResponseEntity<OrganizationView> get(@PathVariable String orgSlug) {
        OrganizationView org = organizations.current();
        return ETags.ok(org, org.version());
    }

    @PutMapping
    ResponseEntity<OrganizationView> update(
            @PathVariable String orgSlug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody UpdateOrganization command) {
        OrganizationView org = organizations.update(command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(org, org.version());
    }
}

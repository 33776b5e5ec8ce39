package org.opencio.organization.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.opencio.organization.AccountManagement;
import org.opencio.organization.CreateToken;
import org.opencio.organization.CreatedToken;
import org.opencio.organization.TokenView;
import org.opencio.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/tokens")
@Tag(name = "Personal access tokens")
class TokenApiController {

    private final AccountManagement accounts;

    TokenApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The caller's own tokens for this organization")
    List<TokenView> list(@PathVariable String orgSlug) {
        return accounts.tokens();
    }

    @PostMapping
    @Operation(summary = "Create a token; the secret is in this answer only")
    ResponseEntity<CreatedToken> create(@PathVariable String orgSlug, @RequestBody CreateToken command) {
        CreatedToken created = accounts.createToken(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/tokens/" + created.token().id()))
                .body(created);
    }

    @PostMapping("/{id}/revoke")
    TokenView revoke(@PathVariable String orgSlug, @PathVariable String id) {
        return accounts.revokeToken(Ids.parse(id, "Token"));
    }
}

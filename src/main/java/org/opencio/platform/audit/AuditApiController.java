package org.opencio.platform.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/audit-events")
@Tag(name = "Audit trail")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first; action filters by prefix (member. finds all member changes)")
    CursorPage<AuditEventView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return log.list(new AuditFilter(entityType, entityId, actorId, action, from, to), limit, cursor);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the hash chain and report the first broken link, if any")
    AuditVerification verify(@PathVariable String orgSlug) {
        return log.verify();
    }
}

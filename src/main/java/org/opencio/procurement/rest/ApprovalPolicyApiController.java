package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.web.ETags;
import org.opencio.procurement.ApprovalPolicyManagement;
import org.opencio.procurement.PolicyView;
import org.opencio.procurement.PreviewRequest;
import org.opencio.procurement.SavePolicy;
import org.opencio.procurement.StepPreview;
import org.opencio.shared.Ids;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Versions of the purchase approval policy: list, draft, change, publish, discard, and a preview of the steps. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/approval-policies")
@Tag(name = "Procurement")
class ApprovalPolicyApiController {

    record Reason(@Nullable String reason) {}

    private final ApprovalPolicyManagement policies;

    ApprovalPolicyApiController(ApprovalPolicyManagement policies) {
        this.policies = policies;
    }

    @GetMapping
    List<PolicyView> list(@PathVariable String orgSlug) {
        return policies.versions();
    }

    /** The version in force today, or on {@code date}. */
    @GetMapping("/in-force")
    PolicyView inForce(
            @PathVariable String orgSlug, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        return policies.inForce(date);
    }

    /**
     * The steps a request would pass: under the version in force on {@code date}, or under the version {@code policyId}
     * (a draft being prepared, say). The requester defaults to the caller.
     */
    @GetMapping("/preview")
    List<StepPreview> preview(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable BigDecimal amount,
            @RequestParam(required = false) @Nullable String policyId,
            @RequestParam(required = false) @Nullable UUID requesterId,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(required = false) @Nullable ExpenseType expenseType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        UUID policy = policyId == null || policyId.isBlank() ? null : Ids.parse(policyId, "Approval policy");
        return policies.preview(policy, new PreviewRequest(amount, requesterId, departmentId, categoryId, expenseType, date));
    }

    @PostMapping
    ResponseEntity<PolicyView> create(@PathVariable String orgSlug, @RequestBody(required = false) @Nullable SavePolicy body) {
        PolicyView p = policies.createDraft(body == null ? new SavePolicy(null, null, null) : body);
        return ResponseEntity.status(201).eTag(ETags.of(p.version())).body(p);
    }

    @GetMapping("/{id}")
    ResponseEntity<PolicyView> get(@PathVariable String orgSlug, @PathVariable String id) {
        PolicyView p = policies.get(Ids.parse(id, "Approval policy"));
        return ETags.ok(p, p.version());
    }

    @PutMapping("/{id}")
    ResponseEntity<PolicyView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SavePolicy body) {
        UUID policyId = Ids.parse(id, "Approval policy");
        policies.get(policyId);
        PolicyView p = policies.updateDraft(policyId, body, ETags.requireIfMatch(ifMatch));
        return ETags.ok(p, p.version());
    }

    @PostMapping("/{id}/publish")
    PolicyView publish(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return policies.publish(Ids.parse(id, "Approval policy"), body == null ? null : body.reason());
    }

    @PostMapping("/{id}/discard")
    PolicyView discard(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return policies.discard(Ids.parse(id, "Approval policy"), body == null ? null : body.reason());
    }
}

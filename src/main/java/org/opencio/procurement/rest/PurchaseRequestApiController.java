package org.opencio.procurement.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetExceededException;
import org.opencio.budget.PurchaseBudget;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.platform.web.ProblemWriter;
import org.opencio.procurement.InboxItem;
import org.opencio.procurement.PurchaseOrderManagement;
import org.opencio.procurement.PurchaseRequestFilter;
import org.opencio.procurement.PurchaseRequestManagement;
import org.opencio.procurement.PurchaseRequestStatus;
import org.opencio.procurement.PurchaseRequestSummary;
import org.opencio.procurement.PurchaseRequestView;
import org.opencio.procurement.SavePurchaseRequest;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Purchase requests: drafts, submission for approval, the approvers' decisions and the approval inbox. */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/purchase-requests")
@Tag(name = "Procurement")
class PurchaseRequestApiController {

    /** The optional reason of a submission or withdrawal. */
    record Reason(@Nullable String reason) {}

    /** An approver's decision: the comment (required to reject or ask for changes) and, optionally, which step. */
    record DecisionBody(@Nullable String comment, @Nullable UUID stepId) {}

    private final PurchaseRequestManagement requests;
    private final PurchaseOrderManagement orders;
    private final JsonMapper json;

    PurchaseRequestApiController(PurchaseRequestManagement requests, PurchaseOrderManagement orders, JsonMapper json) {
        this.requests = requests;
        this.orders = orders;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Purchase requests the caller may see (employees: their own), filtered; needsMyApproval=true answers the inbox instead")
    Object list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable PurchaseRequestStatus status,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable UUID requesterId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean needsMyApproval,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        if (needsMyApproval) {
            return requests.inbox(limit, cursor);
        }
        return requests.list(new PurchaseRequestFilter(status, departmentId, vendorId, requesterId, mine), limit, cursor, sort);
    }

    @GetMapping("/inbox")
    @Operation(summary = "The approval steps waiting on the caller (or on someone the caller stands in for), oldest first")
    CursorPage<InboxItem> inbox(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return requests.inbox(limit, cursor);
    }

    @GetMapping("/budget-line-suggestion")
    @Operation(summary = "The budget line that fits a department and a cost category (204 when none does)")
    ResponseEntity<PurchaseBudget.LineFacts> suggestion(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(required = false) @Nullable LocalDate day) {
        return requests.suggestBudgetLine(departmentId, categoryId, day)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping
    @Operation(summary = "A new draft request with its lines")
    ResponseEntity<PurchaseRequestView> create(@PathVariable String orgSlug, @RequestBody SavePurchaseRequest body) {
        PurchaseRequestView r = requests.create(body);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/purchase-requests/" + r.id())).eTag(ETags.of(r.version())).body(r);
    }

    @GetMapping("/{id}")
    ResponseEntity<PurchaseRequestView> get(@PathVariable String orgSlug, @PathVariable String id) {
        PurchaseRequestView r = requests.get(Ids.parse(id, "Purchase request"));
        return ETags.ok(r, r.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a draft: the fields named in the body (JSON merge patch); lines, when named, replace every line")
    ResponseEntity<PurchaseRequestView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode body) {
        UUID requestId = Ids.parse(id, "Purchase request");
        requests.get(requestId);
        long version = ETags.requireIfMatch(ifMatch);
        if (!body.isObject()) {
            throw InvalidInputException.of("body", "json.invalid", "The body must be a JSON object of the fields to change.");
        }
        SavePurchaseRequest changes;
        try {
            changes = json.treeToValue(body, SavePurchaseRequest.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "json.invalid", "A field is unknown, or its value is of the wrong type.");
        }
        Set<String> fields = new HashSet<>(body.propertyNames());
        PurchaseRequestView r = requests.update(requestId, changes, fields, version);
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Draft → submitted: converts the lines into the base currency, reserves the total on the budget line "
            + "(409 with the budget's check when a blocking line would go over) and starts the first approval stage")
    ResponseEntity<PurchaseRequestView> submit(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        UUID requestId = Ids.parse(id, "Purchase request");
        PurchaseRequestView r = requests.submit(requestId, body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/approve")
    ResponseEntity<PurchaseRequestView> approve(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable DecisionBody body) {
        PurchaseRequestView r = requests.approve(Ids.parse(id, "Purchase request"), stepId(body), comment(body));
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject (comment required); the reservation is released")
    ResponseEntity<PurchaseRequestView> reject(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable DecisionBody body) {
        PurchaseRequestView r = requests.reject(Ids.parse(id, "Purchase request"), stepId(body), comment(body));
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/request-changes")
    @Operation(summary = "Return the request to its requester as a draft (comment required); resubmitting starts a new round")
    ResponseEntity<PurchaseRequestView> requestChanges(
            @PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable DecisionBody body) {
        PurchaseRequestView r = requests.requestChanges(Ids.parse(id, "Purchase request"), stepId(body), comment(body));
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "The requester takes a submitted request back; the reservation is released")
    ResponseEntity<PurchaseRequestView> withdraw(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        UUID requestId = Ids.parse(id, "Purchase request");
        PurchaseRequestView r = requests.withdraw(requestId, body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(r, r.version());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an approved request that will not be ordered (reason required); its reservation is released")
    ResponseEntity<PurchaseRequestView> cancel(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        UUID requestId = Ids.parse(id, "Purchase request");
        orders.cancelApproved(requestId, body == null ? null : body.reason());
        PurchaseRequestView r = requests.get(requestId);
        return ETags.ok(r, r.version());
    }

    /** A budget line that blocks overspending refused the reservation: 409 with the budget's check. */
    @ExceptionHandler(BudgetExceededException.class)
    ResponseEntity<ProblemDetail> refused(BudgetExceededException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.CONFLICT, "budget-exceeded", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "budgetLineId", "detail", e.getMessage())));
        problem.setProperty("check", e.check());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static @Nullable UUID stepId(@Nullable DecisionBody body) {
        return body == null ? null : body.stepId();
    }

    private static @Nullable String comment(@Nullable DecisionBody body) {
        return body == null ? null : body.comment();
    }

    private static @Nullable Long version(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }
}

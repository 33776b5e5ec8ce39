package org.opencio.budget.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetView;
import org.opencio.budget.CreateBudget;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.GridFilter;
import org.opencio.budget.ProposeRevision;
import org.opencio.budget.RevisionManagement;
import org.opencio.budget.RevisionView;
import org.opencio.budget.SaveBudgetLine;
import org.opencio.platform.web.ETags;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
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
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Budget")
class BudgetApiController {

    record Reason(@Nullable String reason) {}

    record UpdateBudget(@Nullable String name, @Nullable BigDecimal warnPercent) {}

    /** Money spent by hand; {@code currency} defaults to the budget's, another one is converted with the rate of {@code date}. */
    record ManualActual(
            @Nullable UUID lineId, @Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate date, @Nullable String description) {}

    private final BudgetManagement budgets;
    private final RevisionManagement revisions;
    private final BudgetLedger ledger;

    BudgetApiController(BudgetManagement budgets, RevisionManagement revisions, BudgetLedger ledger) {
        this.budgets = budgets;
        this.revisions = revisions;
        this.ledger = ledger;
    }

    @GetMapping("/budgets")
    @Operation(summary = "The budgets of every fiscal year, newest first, with their totals")
    List<BudgetView> list(@PathVariable String orgSlug) {
        return budgets.budgets();
    }

    @PostMapping("/budgets")
    ResponseEntity<BudgetView> create(@PathVariable String orgSlug, @RequestBody CreateBudget command) {
        BudgetView b = budgets.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/budgets/" + b.fiscalYear()))
                .eTag(ETags.of(b.version()))
                .body(b);
    }

    @GetMapping("/budgets/{fiscalYear}")
    ResponseEntity<BudgetView> get(@PathVariable String orgSlug, @PathVariable String fiscalYear) {
        BudgetView b = budgets.budget(year(fiscalYear));
        return ETags.ok(b, b.version());
    }

    @PutMapping("/budgets/{fiscalYear}")
    ResponseEntity<BudgetView> update(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody UpdateBudget body) {
        int year = year(fiscalYear);
        BudgetView b = budgets.update(year, body.name(), body.warnPercent(), ETags.requireIfMatch(ifMatch));
        return ETags.ok(b, b.version());
    }

    @PostMapping("/budgets/{fiscalYear}/submit")
    BudgetView submit(@PathVariable String orgSlug, @PathVariable String fiscalYear, @RequestBody(required = false) @Nullable Reason body) {
        return budgets.submit(year(fiscalYear), body == null ? null : body.reason());
    }

    @PostMapping("/budgets/{fiscalYear}/approve")
    @Operation(summary = "Approve a submitted budget (executives); it is locked afterwards")
    BudgetView approve(@PathVariable String orgSlug, @PathVariable String fiscalYear, @RequestBody(required = false) @Nullable Reason body) {
        return budgets.approve(year(fiscalYear), body == null ? null : body.reason());
    }

    @PostMapping("/budgets/{fiscalYear}/return")
    @Operation(summary = "Send a submitted budget back to draft, with a reason (executives)")
    BudgetView returnToDraft(@PathVariable String orgSlug, @PathVariable String fiscalYear, @RequestBody(required = false) @Nullable Reason body) {
        return budgets.returnToDraft(year(fiscalYear), body == null ? null : body.reason());
    }

    @GetMapping("/budgets/{fiscalYear}/lines")
    @Operation(summary = "The budget grid: every line with its stages, months, forecast and variance")
    List<BudgetLineView> lines(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(required = false) @Nullable ExpenseType expenseType,
            @RequestParam(required = false) @Nullable UUID vendorId) {
        return budgets.grid(year(fiscalYear), new GridFilter(departmentId, categoryId, expenseType, vendorId));
    }

    @PostMapping("/budgets/{fiscalYear}/lines")
    ResponseEntity<BudgetLineView> addLine(@PathVariable String orgSlug, @PathVariable String fiscalYear, @RequestBody SaveBudgetLine command) {
        BudgetLineView line = budgets.addLine(year(fiscalYear), command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/budget-lines/" + line.id()))
                .eTag(ETags.of(line.version()))
                .body(line);
    }

    @GetMapping("/budget-lines/{id}")
    ResponseEntity<BudgetLineView> line(@PathVariable String orgSlug, @PathVariable String id) {
        BudgetLineView line = budgets.line(Ids.parse(id, "Budget line"));
        return ETags.ok(line, line.version());
    }

    @PutMapping("/budget-lines/{id}")
    ResponseEntity<BudgetLineView> updateLine(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SaveBudgetLine command) {
        UUID lineId = Ids.parse(id, "Budget line");
        BudgetLineView line = budgets.updateLine(lineId, command, ETags.requireIfMatch(ifMatch));
        return ETags.ok(line, line.version());
    }

    @GetMapping("/budget-lines/{id}/check")
    @Operation(summary = "Would this amount fit the line? OK, WARNING or OVER, and whether its policy allows it")
    BudgetCheck check(@PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable BigDecimal amount) {
        UUID lineId = Ids.parse(id, "Budget line");
        budgets.line(lineId);
        return ledger.check(lineId, amount);
    }

    @PostMapping("/actuals")
    @Operation(summary = "Record money spent by hand on a line (an expense or a correction); in another currency than the budget's "
            + "it is converted with the exchange rate valid on its date and keeps the original amount, currency and rate")
    ResponseEntity<BudgetLineView> recordActual(@PathVariable String orgSlug, @RequestBody ManualActual body) {
        if (body.lineId() == null) {
            throw InvalidInputException.of("lineId", "required", "lineId is required");
        }
        BudgetLineView line = budgets.recordActual(body.lineId(), body.amount(), body.currency(), body.date(), body.description());
        return ResponseEntity.status(201).eTag(ETags.of(line.version())).body(line);
    }

    @GetMapping("/budgets/{fiscalYear}/revisions")
    List<RevisionView> revisions(@PathVariable String orgSlug, @PathVariable String fiscalYear) {
        return revisions.list(year(fiscalYear));
    }

    @PostMapping("/budgets/{fiscalYear}/revisions")
    @Operation(summary = "Propose a reallocation between lines or a supplementary amount for an approved budget")
    ResponseEntity<RevisionView> propose(@PathVariable String orgSlug, @PathVariable String fiscalYear, @RequestBody ProposeRevision command) {
        RevisionView r = revisions.propose(year(fiscalYear), command);
        return ResponseEntity.status(201).eTag(ETags.of(r.version())).body(r);
    }

    @PostMapping("/budget-revisions/{id}/approve")
    RevisionView approveRevision(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return revisions.approve(Ids.parse(id, "Budget revision"), body == null ? null : body.reason());
    }

    @PostMapping("/budget-revisions/{id}/reject")
    RevisionView rejectRevision(@PathVariable String orgSlug, @PathVariable String id, @RequestBody(required = false) @Nullable Reason body) {
        return revisions.reject(Ids.parse(id, "Budget revision"), body == null ? null : body.reason());
    }

    /** A fiscal year in a path; anything else names no budget. */
    static int year(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Budget");
        }
    }
}

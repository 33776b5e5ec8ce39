package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.XlsxWriter;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.ETags;
import org.opencio.platform.web.ProblemWriter;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.CommitmentRefusedException;
import org.opencio.vendor.ContractCsv;
import org.opencio.vendor.ContractFilter;
import org.opencio.vendor.ContractManagement;
import org.opencio.vendor.ContractStatus;
import org.opencio.vendor.ContractType;
import org.opencio.vendor.ContractView;
import org.opencio.vendor.RenewContract;
import org.opencio.vendor.SaveContract;
import org.opencio.vendor.TerminateContract;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/contracts")
@Tag(name = "Contracts")
class ContractApiController {

    record Reason(@Nullable String reason) {}

    private final ContractManagement contracts;
    private final ContractCsv csv;
    private final JsonMapper json;

    ContractApiController(ContractManagement contracts, ContractCsv csv, JsonMapper json) {
        this.contracts = contracts;
        this.csv = csv;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Contracts (current terms unless includeRenewed), filtered and sorted; "
            + "sort by title, vendor, endDate, noticeDeadline (default), annualValue, status or createdAt")
    CursorPage<ContractView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable ContractStatus status,
            @RequestParam(required = false) @Nullable ContractType type,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable LocalDate noticeBefore,
            @RequestParam(required = false) @Nullable LocalDate noticeAfter,
            @RequestParam(required = false) @Nullable Integer expiringWithinDays,
            @RequestParam(defaultValue = "false") boolean includeRenewed,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort) {
        var filter = new ContractFilter(q, vendorId, status, type, ownerId, noticeBefore, noticeAfter, expiringWithinDays, includeRenewed, archived);
        return contracts.list(filter, limit, cursor, sort);
    }

    @PostMapping
    @Operation(summary = "A new contract, as a draft; activate it to commit its annual value in the budget")
    ResponseEntity<ContractView> create(@PathVariable String orgSlug, @RequestBody SaveContract command) {
        ContractView c = contracts.create(command);
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/contracts/" + c.id())).eTag(ETags.of(c.version())).body(c);
    }

    @GetMapping("/{id}")
    ResponseEntity<ContractView> get(@PathVariable String orgSlug, @PathVariable String id) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        return ETags.ok(c, c.version());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the fields named in the body (JSON merge patch; null clears). A contract in force keeps its "
            + "dates, renewal, values and currency: renew it for a new term")
    ResponseEntity<ContractView> update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode body) {
        UUID contractId = Ids.parse(id, "Contract");
        contracts.get(contractId);
        long version = ETags.requireIfMatch(ifMatch);
        if (!body.isObject()) {
            throw InvalidInputException.of("body", "json.invalid", "The body must be a JSON object of the fields to change.");
        }
        SaveContract changes = JsonBodies.read(json, body, SaveContract.class);
        Set<String> fields = new HashSet<>(body.propertyNames());
        ContractView c = contracts.update(contractId, changes, fields, version);
        return ETags.ok(c, c.version());
    }

    @GetMapping("/{id}/terms")
    @Operation(summary = "Every term of the contract this term belongs to, the first one first, with prices and their changes")
    List<ContractView> terms(@PathVariable String orgSlug, @PathVariable String id) {
        return contracts.terms(Ids.parse(id, "Contract"));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Draft → active; commits the annual value on the budget line (409 with the budget check when its policy blocks it)")
    ResponseEntity<ContractView> activate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        ContractView c = contracts.activate(Ids.parse(id, "Contract"), body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(c, c.version());
    }

    @PostMapping("/{id}/terminate")
    @Operation(summary = "Notice given (reason required): ends on effectiveDate (default: the end of the term), does not renew, "
            + "releases what remains committed in the budget")
    ResponseEntity<ContractView> terminate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable TerminateContract body) {
        UUID contractId = Ids.parse(id, "Contract");
        ContractView c = contracts.terminate(contractId, body == null ? new TerminateContract(null, null) : body, version(ifMatch));
        return ETags.ok(c, c.version());
    }

    @PostMapping("/{id}/renew")
    @Operation(summary = "A new term following this one (dates, values and terms as given, the rest carried over); answers the new term")
    ResponseEntity<ContractView> renew(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable RenewContract body) {
        UUID contractId = Ids.parse(id, "Contract");
        ContractView next = contracts.renew(contractId, body == null ? RenewContract.asBefore(null) : body, version(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/orgs/" + orgSlug + "/contracts/" + next.id()))
                .eTag(ETags.of(next.version()))
                .body(next);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a contract that is not in force (a draft, or an ended term)")
    ResponseEntity<ContractView> archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        ContractView c = contracts.archive(Ids.parse(id, "Contract"), body == null ? null : body.reason(), version(ifMatch));
        return ETags.ok(c, c.version());
    }

    @GetMapping("/export")
    @Operation(summary = "The contracts as a file: format=csv (RFC 4180, formula-safe; importable again) or xlsx; the list's filters apply")
    void export(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable ContractStatus status,
            @RequestParam(required = false) @Nullable ContractType type,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(defaultValue = "false") boolean includeRenewed,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidInputException.of("format", "enum", "format must be csv or xlsx");
        }
        ExportTable table = csv.export(new ContractFilter(q, vendorId, status, type, ownerId, null, null, null, includeRenewed, archived), sort);
        write(table, format, response);
    }

    static void write(ExportTable table, String format, HttpServletResponse response) throws IOException {
        response.setContentType(format.equals("csv") ? CsvWriter.CONTENT_TYPE : XlsxWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("contracts-" + LocalDate.now() + "." + format).build().toString());
        if (format.equals("csv")) {
            CsvWriter.write(table, response.getOutputStream());
        } else {
            XlsxWriter.write(table, response.getOutputStream());
        }
    }

    @PostMapping("/import")
    @Operation(summary = "Import contracts from CSV (multipart: file; dryRun=true only checks). Every row is checked first; any "
            + "bad row refuses the whole file with a 400 naming row, column and reason, and nothing is written")
    ResponseEntity<ContractCsv.ImportResult> importFile(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        // Without a file part the file is empty: refused as such, after the permission is checked.
        ContractCsv.ImportResult result = csv.importFile(file == null ? java.io.InputStream.nullInputStream() : file.getInputStream(), dryRun);
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    /** A budget line that blocks overspending refused the annual value: 409 with the check, so the caller sees why. */
    @ExceptionHandler(CommitmentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommitmentRefusedException e) {
        return JsonBodies.conflict(e);
    }

    private static @Nullable Long version(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requireIfMatch(ifMatch);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemWriter.problem(status, type, detail));
    }
}

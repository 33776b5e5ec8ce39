package org.opencio.budget.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.CursorPage;
import org.opencio.shared.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/cost-imports")
@Tag(name = "Cost imports")
class CostImportApiController {

    private final CostImportManagement imports;

    CostImportApiController(CostImportManagement imports) {
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "Upload a FOCUS cloud bill or a GL export (multipart: file, format, fiscalYear, for FOCUS the measure "
            + "BILLED or EFFECTIVE, for GL the columns); answers 202 with the import job to poll")
    ResponseEntity<CostImportView> upload(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable CostImportFormat format,
            @RequestParam(required = false) @Nullable Integer fiscalYear,
            @RequestParam(defaultValue = "false") boolean strict,
            @RequestParam(required = false) @Nullable String dateColumn,
            @RequestParam(required = false) @Nullable String amountColumn,
            @RequestParam(required = false) @Nullable String lineCodeColumn,
            @RequestParam(required = false) @Nullable String accountColumn,
            @RequestParam(required = false) @Nullable String descriptionColumn,
            @RequestParam(required = false) @Nullable String referenceColumn,
            @RequestParam(required = false) @Nullable String currencyColumn,
            @RequestParam(required = false) GlMapping.@Nullable Delimiter delimiter,
            @RequestParam(required = false) GlMapping.@Nullable DecimalSeparator decimalSeparator,
            @RequestParam(required = false) @Nullable DateOrder dateOrder,
            @RequestParam(required = false) @Nullable CostMeasure measure,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var mapping = new GlMapping(dateColumn, amountColumn, lineCodeColumn, accountColumn, descriptionColumn, referenceColumn,
                currencyColumn, delimiter, decimalSeparator, dateOrder);
        var uploaded = imports.upload(new CostImportManagement.Upload(format, fiscalYear, strict, mapping, measure), file, idempotencyKey);
        var response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/orgs/" + orgSlug + "/cost-imports/" + uploaded.job().id()));
        if (uploaded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(uploaded.job());
    }

    @GetMapping
    @Operation(summary = "Imports, newest first; filter by status")
    CursorPage<CostImportView> list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable CostImportStatus status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return imports.list(status, limit, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import job: status, progress and report (poll it until DONE or FAILED)")
    CostImportView get(@PathVariable String orgSlug, @PathVariable String id) {
        return imports.get(Ids.parse(id, "Cost import"));
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "The rows an import rejected, by line of the file, with the reason")
    CursorPage<RejectionView> rejections(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return imports.rejections(Ids.parse(id, "Cost import"), limit, cursor);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "What a finished import recorded on each budget line, and where its unallocated cost came from")
    CostImportManagement.Report report(@PathVariable String orgSlug, @PathVariable String id) {
        return imports.report(Ids.parse(id, "Cost import"));
    }
}

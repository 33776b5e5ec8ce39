package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.XlsxWriter;
import org.opencio.platform.web.ProblemWriter;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.ImportRejectedException;
import org.opencio.vendor.ImportResult;
import org.opencio.vendor.RiskTier;
import org.opencio.vendor.StrategicTier;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorCsv;
import org.opencio.vendor.VendorFilter;
import org.opencio.vendor.VendorStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV import and export of the vendor register and of vendor contacts (columns in the README). */
@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/vendors")
@Tag(name = "Vendors")
class VendorCsvApiController {

    private final VendorCsv csv;

    VendorCsvApiController(VendorCsv csv) {
        this.csv = csv;
    }

    @GetMapping("/export")
    @Operation(summary = "The vendors (with the list's filters) as CSV or Excel; text cannot run as a spreadsheet formula")
    void exportVendors(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable VendorStatus status,
            @RequestParam(required = false) @Nullable StrategicTier strategicTier,
            @RequestParam(required = false) @Nullable RiskTier riskTier,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable Boolean archived,
            HttpServletResponse response) throws IOException {
        boolean xlsx = xlsx(format);
        var filter = new VendorFilter(q, category, status, strategicTier, riskTier, tag, ownerId, archived);
        write(csv.exportVendors(filter), "vendors-" + orgSlug, xlsx, response);
    }

    @GetMapping("/contacts/export")
    @Operation(summary = "The contacts of the vendors (with the list's filters) as CSV or Excel")
    void exportContacts(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable Boolean archived,
            HttpServletResponse response) throws IOException {
        boolean xlsx = xlsx(format);
        var filter = new VendorFilter(null, category, null, null, null, null, null, archived);
        write(csv.exportContacts(filter), "vendor-contacts-" + orgSlug, xlsx, response);
    }

    @PostMapping(path = "/import", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "Add and update vendors from a CSV file (multipart field 'file'); all rows or none, with every problem by row")
    ImportResult importVendors(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable MultipartFile file) {
        return csv.importVendors(file);
    }

    @PostMapping(path = "/contacts/import", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    @Operation(summary = "Add and update vendor contacts from a CSV file (multipart field 'file'); all rows or none")
    ImportResult importContacts(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable MultipartFile file) {
        return csv.importContacts(file);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(e));
    }

    /** The problem detail of a refused import: every problem with its row, column and reason. */
    static ProblemDetail problem(ImportRejectedException e) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "import-rejected", e.getMessage());
        problem.setProperty("errors", e.errors().stream().map(r -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("row", r.row());
            error.put("column", r.column());
            error.put("field", r.column() == null ? "file" : r.column());
            error.put("code", "import");
            error.put("detail", r.detail());
            return error;
        }).toList());
        return problem;
    }

    private static boolean xlsx(@Nullable String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
            return false;
        }
        if (format.equalsIgnoreCase("xlsx")) {
            return true;
        }
        throw InvalidInputException.of("format", "format", "format must be csv or xlsx");
    }

    static void write(ExportTable table, String name, boolean xlsx, HttpServletResponse response) throws IOException {
        String file = name + "-" + java.time.LocalDate.now() + (xlsx ? ".xlsx" : ".csv");
        response.setContentType(xlsx ? XlsxWriter.CONTENT_TYPE : CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        if (xlsx) {
            XlsxWriter.write(table, response.getOutputStream());
        } else {
            CsvWriter.write(table, response.getOutputStream());
        }
    }
}

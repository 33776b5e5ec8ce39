package org.opencio.budget.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetExport;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.GridFilter;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.XlsxWriter;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}")
@Tag(name = "Budget")
class BudgetExportApiController {

    private final BudgetExport export;

    BudgetExportApiController(BudgetExport export) {
        this.export = export;
    }

    @GetMapping("/budgets/{fiscalYear}/export")
    @Operation(summary = "The budget grid as a file: format=csv (RFC 4180, formula-safe) or xlsx; the grid's filters apply")
    void export(
            @PathVariable String orgSlug,
            @PathVariable String fiscalYear,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID categoryId,
            @RequestParam(required = false) @Nullable ExpenseType expenseType,
            @RequestParam(required = false) @Nullable UUID vendorId,
            HttpServletResponse response)
            throws IOException {
        int year = BudgetApiController.year(fiscalYear);
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidInputException.of("format", "enum", "format must be csv or xlsx");
        }
        ExportTable table = export.table(year, new GridFilter(departmentId, categoryId, expenseType, vendorId));
        response.setContentType(format.equals("csv") ? CsvWriter.CONTENT_TYPE : XlsxWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(BudgetExport.fileName(year, format)).build().toString());
        if (format.equals("csv")) {
            CsvWriter.write(table, response.getOutputStream());
        } else {
            XlsxWriter.write(table, response.getOutputStream());
        }
    }
}

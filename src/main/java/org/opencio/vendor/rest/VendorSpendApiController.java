package org.opencio.vendor.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.vendor.SpendReport;
import org.opencio.vendor.VendorCategory;
import org.opencio.vendor.VendorSpend;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs/{orgSlug}/vendor-spend")
@Tag(name = "Vendors")
class VendorSpendApiController {

    private final VendorSpend spend;

    VendorSpendApiController(VendorSpend spend) {
        this.spend = spend;
    }

    @GetMapping
    @Operation(summary = "Spend per vendor in a fiscal year (default: the current one): contract values, and the budget's plan, "
            + "commitments and actuals on lines naming the vendor; ranked by spend")
    SpendReport report(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable Integer fiscalYear,
            @RequestParam(required = false) @Nullable VendorCategory category,
            @RequestParam(required = false) @Nullable UUID vendorId) {
        return spend.report(fiscalYear == null ? spend.currentFiscalYear() : fiscalYear, category, vendorId);
    }
}

package org.opencio.budget.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cost imports page: upload a file, watch it run, read its report and its rejected rows. */
@Controller
@RequestMapping("/o/{orgSlug}/cost-imports")
class CostImportWebController {

    /** The upload form; the GL fields matter only for a GL file. */
    record UploadForm(
            @Nullable CostImportFormat format,
            @Nullable Integer fiscalYear,
            @Nullable Boolean strict,
            @Nullable String dateColumn,
            @Nullable String amountColumn,
            @Nullable String lineCodeColumn,
            @Nullable String accountColumn,
            @Nullable String descriptionColumn,
            @Nullable String referenceColumn,
            @Nullable String currencyColumn,
            GlMapping.@Nullable Delimiter delimiter,
            GlMapping.@Nullable DecimalSeparator decimalSeparator,
            @Nullable DateOrder dateOrder,
            @Nullable CostMeasure measure) {

        static UploadForm of(GlMapping m, @Nullable Integer fiscalYear, CostMeasure measure) {
            return new UploadForm(CostImportFormat.FOCUS, fiscalYear, false, m.dateColumn(), m.amountColumn(), m.lineCodeColumn(),
                    m.accountColumn(), m.descriptionColumn(), m.referenceColumn(), m.currencyColumn(), m.delimiter(),
                    m.decimalSeparator(), m.dateOrder(), measure);
        }

        GlMapping mapping() {
            return new GlMapping(dateColumn, amountColumn, lineCodeColumn, accountColumn, descriptionColumn, referenceColumn,
                    currencyColumn, delimiter, decimalSeparator, dateOrder);
        }
    }

    private final CostImportManagement imports;

    CostImportWebController(CostImportManagement imports) {
        this.imports = imports;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable CostImportStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        var years = imports.fiscalYears();
        GlMapping remembered = imports.remembered().orElse(GlMapping.empty());
        model.addAttribute("form", UploadForm.of(remembered, years.isEmpty() ? null : years.getFirst(), imports.rememberedMeasure()));
        return page(model, status, cursor);
    }

    @PostMapping
    String upload(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @ModelAttribute("form") UploadForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.ACTUALS_RECORD);
        page(model, null, null);
        return Forms.submit(model, "budget/imports", binding, () -> {
            var upload = new CostImportManagement.Upload(form.format(), form.fiscalYear(), Boolean.TRUE.equals(form.strict()),
                    form.format() == CostImportFormat.GL ? form.mapping() : null, form.format() == CostImportFormat.FOCUS ? form.measure() : null);
            CostImportView job = imports.upload(upload, file, null).job();
            Flash.success(redirect, "costImports.uploaded", job.fileName());
            return "redirect:/o/" + orgSlug + "/cost-imports/" + job.id();
        });
    }

    private String page(Model model, @Nullable CostImportStatus status, @Nullable String cursor) {
        model.addAttribute("page", imports.list(status, null, cursor));
        model.addAttribute("status", status);
        model.addAttribute("statuses", CostImportStatus.values());
        model.addAttribute("years", imports.fiscalYears());
        model.addAttribute("formats", CostImportFormat.values());
        model.addAttribute("delimiters", GlMapping.Delimiter.values());
        model.addAttribute("separators", GlMapping.DecimalSeparator.values());
        model.addAttribute("dateOrders", DateOrder.values());
        model.addAttribute("measures", CostMeasure.values());
        model.addAttribute("canImport", TenantContext.requireAccess().can(Permission.ACTUALS_RECORD));
        return "budget/imports";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        UUID importId = Ids.parse(id, "Cost import");
        CostImportView job = imports.get(importId);
        model.addAttribute("job", job);
        model.addAttribute("report", imports.report(importId));
        model.addAttribute("rejections", imports.rejections(importId, null, cursor));
        return "budget/imports-detail";
    }

    /** The progress bar alone, for htmx to poll; when the import has ended, htmx reloads the whole page. */
    @GetMapping("/{id}/progress")
    String progress(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model) {
        CostImportView job = imports.get(Ids.parse(id, "Cost import"));
        if (htmx == null) {
            return "redirect:/o/" + orgSlug + "/cost-imports/" + job.id();
        }
        if (job.status().finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "budget/imports-progress :: progress";
    }

    /** The rejected rows as CSV for a spreadsheet; no cell can run as a formula there. */
    @GetMapping("/{id}/rejections.csv")
    void rejectionsCsv(@PathVariable String orgSlug, @PathVariable String id, HttpServletResponse response) throws IOException {
        UUID importId = Ids.parse(id, "Cost import");
        imports.get(importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-rows-" + importId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejections(importId, out);
        out.flush();
    }
}

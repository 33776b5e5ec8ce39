package org.opencio.vendor.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.export.CsvWriter;
import org.opencio.platform.files.Downloads;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.BillingFrequency;
import org.opencio.vendor.ContractCsv;
import org.opencio.vendor.ContractDocumentManagement;
import org.opencio.vendor.ContractDocumentView;
import org.opencio.vendor.ContractFilter;
import org.opencio.vendor.ContractManagement;
import org.opencio.vendor.ContractStatus;
import org.opencio.vendor.ContractType;
import org.opencio.vendor.ContractView;
import org.opencio.vendor.DocumentRejectedException;
import org.opencio.vendor.NoticeUnit;
import org.opencio.vendor.RenewalCalendar;
import org.opencio.vendor.SaveContract;
import org.opencio.vendor.TerminateContract;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contract pages: the list, a contract with its terms and documents, the forms, renewal, import and export. */
@Controller
@RequestMapping("/o/{orgSlug}/contracts")
class ContractWebController {

    /** The list's filters as the page's query carries them. */
    record ListQuery(
            @Nullable String q,
            @Nullable UUID vendorId,
            @Nullable ContractStatus status,
            @Nullable ContractType type,
            @Nullable UUID ownerId,
            @Nullable Integer within,
            @Nullable Boolean renewed,
            @Nullable Boolean archived) {

        ContractFilter filter() {
            return new ContractFilter(q, vendorId, status, type, ownerId, null, null, within, Boolean.TRUE.equals(renewed),
                    Boolean.TRUE.equals(archived));
        }

        boolean any() {
            return (q != null && !q.isBlank()) || vendorId != null || status != null || type != null || ownerId != null || within != null
                    || Boolean.TRUE.equals(renewed) || Boolean.TRUE.equals(archived);
        }
    }

    /** The termination form. */
    record TerminateForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveDate, @Nullable String reason) {}

    private final ContractManagement contracts;
    private final ContractDocumentManagement documents;
    private final ContractCsv csv;
    private final RenewalCalendar calendar;
    private final MemberManagement members;
    private final BudgetLineChoices lines;

    ContractWebController(
            ContractManagement contracts,
            ContractDocumentManagement documents,
            ContractCsv csv,
            RenewalCalendar calendar,
            MemberManagement members,
            BudgetLineChoices lines) {
        this.contracts = contracts;
        this.documents = documents;
        this.csv = csv;
        this.calendar = calendar;
        this.members = members;
        this.lines = lines;
    }

    // ---- the list

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @ModelAttribute("query") ListQuery query,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        if (binding.hasErrors()) {
            throw InvalidInputException.of(binding.getFieldErrors().getFirst().getField(), "invalid", "a filter has an invalid value");
        }
        CursorPage<ContractView> page = contracts.list(query.filter(), 50, cursor, sort);
        model.addAttribute("page", page);
        // A contract in force that does not renew needs its decision by its end: the list says how far away that is.
        LocalDate today = calendar.today();
        Map<UUID, Long> daysToEnd = new HashMap<>();
        page.items().stream()
                .filter(c -> c.status().inForce() && !c.autoRenew() && c.endDate() != null)
                .forEach(c -> daysToEnd.put(c.id(), ChronoUnit.DAYS.between(today, c.endDate())));
        model.addAttribute("daysToEnd", daysToEnd);
        model.addAttribute("sort", sort == null ? "noticeDeadline" : sort);
        model.addAttribute("filtered", query.any());
        String queryString = request.getQueryString();
        model.addAttribute("exportLink", "/o/" + orgSlug + "/contracts/export" + (queryString == null ? "" : "?" + queryString));
        choices(model);
        return "vendor/contracts";
    }

    @GetMapping("/export")
    void export(
            @PathVariable String orgSlug,
            @ModelAttribute("query") ListQuery query,
            @RequestParam(required = false) @Nullable String sort,
            HttpServletResponse response)
            throws IOException {
        var table = csv.export(query.filter(), sort);
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("contracts-" + calendar.today() + ".csv").build().toString());
        CsvWriter.write(table, response.getOutputStream());
    }

    // ---- import

    @GetMapping("/import")
    String importForm(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.CONTRACTS_MANAGE);
        model.addAttribute("columns", ContractCsv.COLUMNS);
        return "vendor/contract-import";
    }

    @PostMapping("/import")
    String importFile(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Access.require(Permission.CONTRACTS_MANAGE);
        model.addAttribute("columns", ContractCsv.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", java.util.Map.of("file", "Choose a CSV file to import."));
            return "vendor/contract-import";
        }
        try {
            ContractCsv.ImportResult result = csv.importFile(file.getInputStream(), dryRun);
            if (dryRun) {
                model.addAttribute("checked", result);
                return "vendor/contract-import";
            }
            Flash.success(redirect, "contracts.import.done", result.created());
            return "redirect:/o/" + orgSlug + "/contracts";
        } catch (ContractCsv.ImportRefusedException e) {
            model.addAttribute("rowErrors", e.rowErrors());
            return "vendor/contract-import";
        }
    }

    // ---- adding and changing

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable UUID vendorId, Model model) {
        Access.require(Permission.CONTRACTS_MANAGE);
        ContractForm empty = ContractForm.empty(TenantContext.requireAccess().baseCurrency());
        if (vendorId != null) {
            empty = new ContractForm(vendorId, null, empty.type(), null, null, null, null, false, 12, null, NoticeUnit.MONTHS, null, null,
                    empty.currency(), empty.billingFrequency(), null, null);
        }
        model.addAttribute("form", empty);
        return form(model, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") ContractForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.CONTRACTS_MANAGE);
        form(model, null);
        return Forms.submit(model, "vendor/contract-form", binding, () -> {
            ContractView c = contracts.create(form.toCommand());
            Flash.success(redirect, "contracts.created", c.title());
            return "redirect:/o/" + orgSlug + "/contracts/" + c.id();
        });
    }

    @GetMapping("/{id}")
    String contract(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        return page(model, c);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        Access.require(Permission.CONTRACTS_MANAGE);
        model.addAttribute("form", ContractForm.of(c));
        return form(model, c);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("form") ContractForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        Access.require(Permission.CONTRACTS_MANAGE);
        form(model, c);
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/contract-form", binding, () -> {
            SaveContract command = form.toCommand();
            ContractView saved = contracts.update(c.id(), command, new java.util.HashSet<>(ContractManagement.editableFields(c)), version);
            Flash.success(redirect, "contracts.saved", saved.title());
            return "redirect:/o/" + orgSlug + "/contracts/" + saved.id();
        });
    }

    // ---- transitions

    @PostMapping("/{id}/activate")
    String activate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        page(model, c);
        return Forms.submit(model, "vendor/contract", () -> {
            contracts.activate(c.id(), reason, version);
            Flash.success(redirect, "contracts.activated", c.title());
            return "redirect:/o/" + orgSlug + "/contracts/" + c.id();
        });
    }

    @PostMapping("/{id}/terminate")
    String terminate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            @ModelAttribute("terminate") TerminateForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        page(model, c);
        return Forms.submit(model, "vendor/contract", binding, () -> {
            ContractView t = contracts.terminate(c.id(), new TerminateContract(form.reason(), form.effectiveDate()), version);
            Flash.success(redirect, "contracts.terminated", t.title(), t.terminatedOn());
            return "redirect:/o/" + orgSlug + "/contracts/" + c.id();
        });
    }

    @PostMapping("/{id}/archive")
    String archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        page(model, c);
        return Forms.submit(model, "vendor/contract", () -> {
            contracts.archive(c.id(), reason, version);
            Flash.success(redirect, "contracts.archived", c.title());
            return "redirect:/o/" + orgSlug + "/contracts/" + c.id();
        });
    }

    @GetMapping("/{id}/renew")
    String renewForm(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        Access.require(Permission.CONTRACTS_MANAGE);
        model.addAttribute("form", RenewForm.of(contracts.proposeRenewal(c.id())));
        return renewPage(model, c);
    }

    @PostMapping("/{id}/renew")
    String renew(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            @ModelAttribute("form") RenewForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        Access.require(Permission.CONTRACTS_MANAGE);
        renewPage(model, c);
        return Forms.submit(model, "vendor/contract-renew", binding, () -> {
            ContractView next = contracts.renew(c.id(), form.toCommand(), version);
            Flash.success(redirect, "contracts.renewed", next.title(), next.termNumber());
            return "redirect:/o/" + orgSlug + "/contracts/" + next.id();
        });
    }

    // ---- documents

    @PostMapping("/{id}/documents")
    String upload(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        ContractView c = contracts.get(Ids.parse(id, "Contract"));
        Access.require(Permission.CONTRACTS_MANAGE);
        page(model, c);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", java.util.Map.of("file", "Choose a PDF file to attach."));
            return "vendor/contract";
        }
        try {
            ContractDocumentView d = documents.upload(c.id(), file.getOriginalFilename(), file.getSize(), file.getInputStream());
            Flash.success(redirect, "contracts.documents.attached", d.fileName());
            return "redirect:/o/" + orgSlug + "/contracts/" + c.id() + "#documents";
        } catch (DocumentRejectedException e) {
            model.addAttribute("errors", java.util.Map.of("file", e.getMessage()));
        } catch (org.opencio.shared.ConflictException e) {
            model.addAttribute("errors", java.util.Map.of("file", e.getMessage()));
        }
        return "vendor/contract";
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String orgSlug, @PathVariable String id, @PathVariable String documentId) {
        ContractDocumentView.Content content = documents.download(Ids.parse(id, "Contract"), Ids.parse(documentId, "Document"));
        return Downloads.attachment(content.document().fileName(), content.document().contentType(), content.bytes(), content.document().version());
    }

    @PostMapping("/{id}/documents/{documentId}/archive")
    String archiveDocument(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String documentId,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect) {
        UUID contractId = Ids.parse(id, "Contract");
        ContractDocumentView d = documents.get(contractId, Ids.parse(documentId, "Document"));
        ContractView c = contracts.get(contractId);
        page(model, c);
        return Forms.submit(model, "vendor/contract", () -> {
            documents.archive(contractId, d.id(), version, null);
            Flash.success(redirect, "contracts.documents.archived", d.fileName());
            return "redirect:/o/" + orgSlug + "/contracts/" + contractId + "#documents";
        });
    }

    // ---- pages

    private String page(Model model, ContractView c) {
        boolean manage = TenantContext.requireAccess().can(Permission.CONTRACTS_MANAGE);
        model.addAttribute("contract", c);
        model.addAttribute("terms", contracts.terms(c.id()));
        model.addAttribute("documents", documents.list(c.id(), false));
        model.addAttribute("budgetLine", lines.line(c.budgetLineId()).orElse(null));
        model.addAttribute("canManage", manage);
        model.addAttribute("editable", ContractManagement.editableFields(c));
        model.addAttribute("today", calendar.today());
        model.addAttribute("daysToEnd", c.endDate() == null ? null : java.time.temporal.ChronoUnit.DAYS.between(calendar.today(), c.endDate()));
        model.addAttribute("maxDocumentMb", documents.maxBytes() / (1024 * 1024));
        if (!model.containsAttribute("terminate")) {
            model.addAttribute("terminate", new TerminateForm(c.endDate(), null));
        }
        return "vendor/contract";
    }

    private String form(Model model, @Nullable ContractView c) {
        model.addAttribute("contract", c);
        if (c != null && !model.containsAttribute("version")) {
            model.addAttribute("version", c.version());
        }
        model.addAttribute("editable", c == null ? SaveContract.FIELDS : ContractManagement.editableFields(c));
        model.addAttribute("billingFrequencies", BillingFrequency.values());
        model.addAttribute("noticeUnits", NoticeUnit.values());
        model.addAttribute("budgetLines", lines.choices(calendar.today().getYear() - 1));
        model.addAttribute("budgetVisible", lines.visible());
        choices(model);
        return "vendor/contract-form";
    }

    private String renewPage(Model model, ContractView c) {
        model.addAttribute("contract", c);
        if (!model.containsAttribute("version")) {
            model.addAttribute("version", c.version());
        }
        model.addAttribute("billingFrequencies", BillingFrequency.values());
        model.addAttribute("noticeUnits", NoticeUnit.values());
        model.addAttribute("budgetLines", lines.choices(calendar.today().getYear() - 1));
        model.addAttribute("budgetVisible", lines.visible());
        return "vendor/contract-renew";
    }

    private void choices(Model model) {
        model.addAttribute("vendors", contracts.vendorChoices());
        model.addAttribute("people", members.list(MemberFilter.none(), 500, null, "name").items());
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("windows", List.of(30, 60, 90, 180));
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.CONTRACTS_MANAGE));
    }
}

package org.opencio.procurement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.ApprovalReminderManagement;
import org.opencio.procurement.PlaceOrder;
import org.opencio.procurement.PurchaseOrderManagement;
import org.opencio.procurement.PurchaseOrderView;
import org.opencio.procurement.PurchaseRequestChoices;
import org.opencio.procurement.PurchaseRequestFilter;
import org.opencio.procurement.PurchaseRequestManagement;
import org.opencio.procurement.PurchaseRequestStatus;
import org.opencio.procurement.PurchaseRequestSummary;
import org.opencio.procurement.PurchaseRequestView;
import org.opencio.procurement.SavePurchaseRequest;
import org.opencio.procurement.WaitingSteps;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of purchase requests: the list (an employee's own), the approval inbox, the form of a new request or of a draft
 * being edited, and a request with its decisions and attachments.
 */
@Controller
@RequestMapping("/o/{orgSlug}/purchase-requests")
class PurchaseRequestWebController {

    /** The fields an edit of a draft sets: all of the form's (the expense type is not on the form and stays). */
    static final Set<String> EDITABLE = Set.of("title", "justification", "neededBy", "departmentId", "budgetLineId", "vendorId", "lines");

    private final PurchaseRequestManagement requests;
    private final PurchaseRequestChoices choices;
    private final RequestPage requestPage;
    private final PurchaseOrderManagement orders;
    private final WaitingSteps waiting;
    private final DepartmentManagement departments;
    private final VendorDirectory vendors;

    PurchaseRequestWebController(
            PurchaseRequestManagement requests,
            PurchaseRequestChoices choices,
            RequestPage requestPage,
            PurchaseOrderManagement orders,
            WaitingSteps waiting,
            DepartmentManagement departments,
            VendorDirectory vendors) {
        this.requests = requests;
        this.choices = choices;
        this.requestPage = requestPage;
        this.orders = orders;
        this.waiting = waiting;
        this.departments = departments;
        this.vendors = vendors;
    }

    /**
     * The list in two views, its state in the address: {@code view=mine} (the caller's own requests, with the step each
     * waits on and who decides it) and {@code view=all} for the roles that see every request, filtered by status,
     * department and vendor. An employee sees their own.
     */
    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable PurchaseRequestStatus status,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        OrgAccess caller = TenantContext.requireAccess();
        boolean seesAll = caller.can(Permission.PURCHASE_REQUESTS_VIEW_ALL);
        boolean canCreate = caller.can(Permission.PURCHASE_REQUESTS_CREATE);
        boolean own = !seesAll || "mine".equals(view) || (view == null && mine && canCreate);
        var page = own
                ? requests.list(new PurchaseRequestFilter(status, null, null, null, true), null, cursor, null)
                : requests.list(new PurchaseRequestFilter(status, departmentId, vendorId, null, false), null, cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("own", own);
        model.addAttribute("seesAll", seesAll);
        model.addAttribute("canCreate", canCreate);
        model.addAttribute("statuses", PurchaseRequestStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("departmentId", own ? null : departmentId);
        model.addAttribute("vendorId", own ? null : vendorId);
        model.addAttribute("waiting", waiting.of(page.items().stream().map(PurchaseRequestSummary::id).toList()));
        if (!own) {
            model.addAttribute("departments", departments.tree());
            model.addAttribute("vendors", vendors.options());
            Set<UUID> vendorIds = new HashSet<>();
            page.items().forEach(r -> {
                if (r.vendorId() != null) {
                    vendorIds.add(r.vendorId());
                }
            });
            model.addAttribute("vendorNames", vendors.names(vendorIds));
            Map<UUID, String> departmentNames = new HashMap<>();
            departments.tree().forEach(e -> departmentNames.put(e.department().id(), e.department().name()));
            model.addAttribute("departmentNames", departmentNames);
        }
        return "procurement/purchase-requests";
    }

    @GetMapping("/inbox")
    String inbox(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("page", requests.inbox(null, cursor));
        return "procurement/purchase-request-inbox";
    }

    @GetMapping("/new")
    String form(@PathVariable String orgSlug, Model model) {
        return form(model, PurchaseRequestForm.empty(), null);
    }

    @PostMapping
    String create(@PathVariable String orgSlug, HttpServletRequest http, Model model, RedirectAttributes redirect) {
        PurchaseRequestForm form = PurchaseRequestForm.read(http);
        String view = form(model, form, null);
        return save(form, model, view, command -> {
            PurchaseRequestView r = requests.create(command);
            Flash.success(redirect, "purchaseRequest.created", r.number());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + r.id();
        });
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        PurchaseRequestView r = ownDraft(Ids.parse(id, "Purchase request"));
        return form(model, PurchaseRequestForm.of(r), r);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String orgSlug, @PathVariable String id, HttpServletRequest http, Model model, RedirectAttributes redirect) {
        PurchaseRequestView r = ownDraft(Ids.parse(id, "Purchase request"));
        PurchaseRequestForm form = PurchaseRequestForm.read(http);
        String view = form(model, form, r);
        // Without the version the form was loaded with, an edit could silently overwrite someone else's.
        long version = form.version() == null ? -1 : form.version();
        return save(form, model, view, command -> {
            PurchaseRequestView saved = requests.update(r.id(), command, EDITABLE, version);
            Flash.success(redirect, "purchaseRequest.saved", saved.number());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + saved.id();
        });
    }

    /** The budget line field again, with the line that fits the chosen department and categories selected (for htmx). */
    @GetMapping("/budget-line-suggestion")
    String suggestion(@PathVariable String orgSlug, HttpServletRequest http, Model model) {
        UUID department = PurchaseRequestForm.tryId(http.getParameter("departmentId"));
        UUID category = PurchaseRequestForm.firstId(PurchaseRequestForm.values(http, "categoryId"));
        Optional<PurchaseBudget.LineFacts> suggested = requests.suggestBudgetLine(department, category, null);
        String current = http.getParameter("budgetLineId");
        model.addAttribute("budgetLines", requests.budgetLineChoices());
        model.addAttribute("budgetLineId", suggested.map(l -> l.id().toString()).orElse(current == null ? "" : current));
        model.addAttribute("suggested", suggested.orElse(null));
        model.addAttribute("suggestionAsked", department != null || category != null);
        return "procurement/purchase-request-form :: budgetLine";
    }

    /** The form with what it offers to choose from; {@code editing} is the draft being changed, or null for a new one. */
    private String form(Model model, PurchaseRequestForm form, @Nullable PurchaseRequestView editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("baseCurrency", TenantContext.requireAccess().baseCurrency());
        model.addAttribute("choices", choices.forForm());
        model.addAttribute("budgetLines", requests.budgetLineChoices());
        model.addAttribute("budgetLineId", form.budgetLineId());
        model.addAttribute("lineIndexes", java.util.stream.IntStream.range(0, form.lines().size()).boxed().toList());
        return "procurement/purchase-request-form";
    }

    /** Runs the save with the form's command; values that could not be read, or a refusal, show the form again with the errors on its fields. */
    private static String save(PurchaseRequestForm form, Model model, String view, java.util.function.Function<SavePurchaseRequest, String> action) {
        PurchaseRequestForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            model.addAttribute("errors", parsed.errors());
            return view;
        }
        return Forms.submit(model, view, () -> {
            try {
                return action.apply(parsed.command());
            } catch (InvalidInputException e) {
                throw parsed.onFormLines(e);
            }
        });
    }

    private PurchaseRequestView ownDraft(UUID id) {
        PurchaseRequestView r = requests.get(id);
        if (!r.requesterId().equals(TenantContext.requireAccess().accountId())) {
            throw new ForbiddenException("only the requester changes a request");
        }
        if (r.status() != PurchaseRequestStatus.DRAFT) {
            throw new ConflictException("status", "the request is no longer a draft; only drafts are edited");
        }
        return r;
    }

    @GetMapping("/{id}")
    String show(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        return page(Ids.parse(id, "Purchase request"), model);
    }

    @PostMapping("/{id}/{action:submit|approve|reject|request-changes|withdraw}")
    String act(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            RedirectAttributes redirect) {
        UUID requestId = Ids.parse(id, "Purchase request");
        requests.get(requestId);
        page(requestId, model);
        return Forms.submit(model, "procurement/purchase-request", () -> {
            PurchaseRequestView r = switch (action) {
                case "submit" -> requests.submit(requestId, comment, null);
                case "approve" -> requests.approve(requestId, null, comment);
                case "reject" -> requests.reject(requestId, null, comment);
                case "request-changes" -> requests.requestChanges(requestId, null, comment);
                default -> requests.withdraw(requestId, comment, null);
            };
            String done = switch (action) {
                case "submit" -> "purchaseRequest.done.submit";
                case "approve" -> "purchaseRequest.done.approve";
                case "reject" -> "purchaseRequest.done.reject";
                case "request-changes" -> "purchaseRequest.done.request-changes";
                default -> "purchaseRequest.done.withdraw";
            };
            Flash.success(redirect, done, r.number());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + requestId;
        });
    }

    /** A buyer places the order of an approved request (choosing the vendor when the request names none). */
    @PostMapping("/{id}/order")
    String order(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable LocalDate expectedOn,
            @RequestParam(required = false) @Nullable String notes,
            Model model,
            RedirectAttributes redirect) {
        UUID requestId = Ids.parse(id, "Purchase request");
        page(requestId, model);
        return Forms.submit(model, "procurement/purchase-request", () -> {
            PurchaseOrderView o = orders.place(requestId, new PlaceOrder(vendorId, null, expectedOn, notes));
            Flash.success(redirect, "purchaseOrder.done.placed", o.number());
            return "redirect:/o/" + orgSlug + "/purchase-orders/" + o.id();
        });
    }

    /** An approved request that will not be ordered: cancelled, its reservation released. */
    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        UUID requestId = Ids.parse(id, "Purchase request");
        PurchaseRequestView r = requests.get(requestId);
        page(requestId, model);
        return Forms.submit(model, "procurement/purchase-request", () -> {
            orders.cancelApproved(requestId, reason);
            Flash.success(redirect, "purchaseRequest.done.cancel", r.number());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + requestId;
        });
    }

    private String page(UUID id, Model model) {
        return requestPage.show(id, model);
    }
}

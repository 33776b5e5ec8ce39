package org.opencio.procurement.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.ApprovalReminderManagement;
import org.opencio.procurement.PurchaseRequestFilter;
import org.opencio.procurement.PurchaseRequestManagement;
import org.opencio.procurement.PurchaseRequestStatus;
import org.opencio.procurement.PurchaseRequestSummary;
import org.opencio.procurement.PurchaseRequestView;
import org.opencio.procurement.SavePurchaseRequest;
import org.opencio.procurement.WaitingSteps;
import org.opencio.shared.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of purchase requests: the list (an employee's own), the approval inbox, the form of a new one and a request with its decisions. */
@Controller
@RequestMapping("/o/{orgSlug}/purchase-requests")
class PurchaseRequestWebController {

    /** Lines a new request's form offers. */
    static final int FORM_LINES = 3;

    private final PurchaseRequestManagement requests;
    private final WaitingSteps waiting;
    private final ApprovalReminderManagement reminders;
    private final DepartmentManagement departments;
    private final VendorDirectory vendors;

    PurchaseRequestWebController(
            PurchaseRequestManagement requests,
            WaitingSteps waiting,
            ApprovalReminderManagement reminders,
            DepartmentManagement departments,
            VendorDirectory vendors) {
        this.requests = requests;
        this.waiting = waiting;
        this.reminders = reminders;
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
        model.addAttribute("requestTitle", "");
        model.addAttribute("justification", "");
        formChoices(model, null);
        return "procurement/purchase-request-form";
    }

    private void formChoices(Model model, @Nullable UUID budgetLineId) {
        model.addAttribute("lineIndexes", indexes());
        model.addAttribute("budgetLines", requests.budgetLineChoices());
        model.addAttribute("budgetLineId", budgetLineId);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String justification,
            @RequestParam(required = false) @Nullable UUID budgetLineId,
            @RequestParam(required = false) @Nullable List<String> description,
            @RequestParam(required = false) @Nullable List<String> quantity,
            @RequestParam(required = false) @Nullable List<String> unitPrice,
            @RequestParam(required = false) @Nullable List<String> currency,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("requestTitle", title);
        // What the person typed in the lines comes back with the errors.
        model.addAttribute("descriptions", description);
        model.addAttribute("quantities", quantity);
        model.addAttribute("unitPrices", unitPrice);
        model.addAttribute("currencies", currency);
        model.addAttribute("justification", justification);
        formChoices(model, budgetLineId);
        List<SavePurchaseRequest.Line> lines = new ArrayList<>();
        for (int i = 0; description != null && i < description.size() && i < FORM_LINES; i++) {
            if (description.get(i) == null || description.get(i).isBlank()) {
                continue;
            }
            lines.add(new SavePurchaseRequest.Line(description.get(i), null, number(quantity, i), number(unitPrice, i),
                    currency == null || i >= currency.size() || currency.get(i).isBlank() ? null : currency.get(i).strip(), null, null, null));
        }
        return Forms.submit(model, "procurement/purchase-request-form", () -> {
            PurchaseRequestView r = requests.create(new SavePurchaseRequest(title, justification, null, null, budgetLineId, null, null, lines));
            Flash.success(redirect, "purchaseRequest.created", r.number());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + r.id();
        });
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

    private String page(UUID id, Model model) {
        PurchaseRequestView r = requests.get(id);
        UUID me = TenantContext.requireAccess().accountId();
        boolean own = r.requesterId().equals(me);
        model.addAttribute("request", r);
        model.addAttribute("followUps", reminders.history(id));
        model.addAttribute("own", own);
        model.addAttribute("canDecide", !own && r.status() == PurchaseRequestStatus.SUBMITTED && !r.waitingOn().isEmpty());
        return "procurement/purchase-request";
    }

    private static List<Integer> indexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < FORM_LINES; i++) {
            out.add(i);
        }
        return out;
    }

    /** A typed number, or null (refused as required) when it is empty or not a number. */
    private static @Nullable BigDecimal number(@Nullable List<String> values, int i) {
        if (values == null || i >= values.size() || values.get(i) == null || values.get(i).isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(values.get(i).strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.opencio.procurement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.ExpenseType;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Amounts;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.ApprovalPolicyManagement;
import org.opencio.procurement.ApproverKind;
import org.opencio.procurement.PolicyStatus;
import org.opencio.procurement.PolicyView;
import org.opencio.procurement.PreviewRequest;
import org.opencio.procurement.RuleInput;
import org.opencio.procurement.RuleView;
import org.opencio.procurement.SavePolicy;
import org.opencio.procurement.StepMode;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval policy pages: the version in force with a "try it" preview and the list of versions, and a version's
 * page where a CIO edits a draft's rules as rows of a table, then publishes or discards it.
 */
@Controller
@RequestMapping("/o/{orgSlug}")
class ApprovalPolicyWebController {

    /** Blank rows offered below a draft's rules for new ones. */
    static final int BLANK_ROWS = 3;

    /** One rule row as typed. A row without a name and stage is an unused blank row. */
    record RuleRow(
            @Nullable String stage,
            @Nullable String name,
            @Nullable String amountAbove,
            @Nullable String amountUpTo,
            @Nullable List<UUID> categoryIds,
            @Nullable UUID departmentId,
            @Nullable ExpenseType expenseType,
            @Nullable ApproverKind approverKind,
            @Nullable Role approverRole,
            @Nullable UUID approverId,
            @Nullable StepMode mode) {

        public boolean blank() {
            return (stage == null || stage.isBlank()) && (name == null || name.isBlank());
        }

        static RuleRow of(RuleView r) {
            return new RuleRow(String.valueOf(r.stage()), r.name(), plain(r.amountAbove()), plain(r.amountUpTo()), r.categoryIds(),
                    r.departmentId(), r.expenseType(), r.approverKind(), r.approverRole(), r.approverId(), r.mode());
        }

        static RuleRow empty() {
            return new RuleRow(null, null, null, null, List.of(), null, null, ApproverKind.ROLE, null, null, StepMode.ANY);
        }

        private static @Nullable String plain(@Nullable BigDecimal amount) {
            return amount == null ? null : amount.stripTrailingZeros().toPlainString();
        }
    }

    record PolicyForm(@Nullable String effectiveFrom, @Nullable String note, @Nullable List<RuleRow> rules) {}

    record PreviewForm(@Nullable String amount, @Nullable UUID requesterId, @Nullable UUID departmentId, @Nullable UUID categoryId,
            @Nullable ExpenseType expenseType, @Nullable String date) {}

    private final ApprovalPolicyManagement policies;
    private final MemberManagement members;
    private final DepartmentManagement departments;
    private final CostCategoryManagement categories;

    ApprovalPolicyWebController(
            ApprovalPolicyManagement policies, MemberManagement members, DepartmentManagement departments, CostCategoryManagement categories) {
        this.policies = policies;
        this.members = members;
        this.departments = departments;
        this.categories = categories;
    }

    @GetMapping("/approval-policy")
    String overview(@PathVariable String orgSlug, @ModelAttribute("preview") PreviewForm preview, Model model) {
        List<PolicyView> versions = policies.versions();
        PolicyView inForce = versions.stream().filter(PolicyView::inForce).findFirst().orElseGet(() -> policies.inForce(null));
        model.addAttribute("inForce", inForce);
        model.addAttribute("versions", versions.stream().filter(v -> !v.builtIn()).toList());
        model.addAttribute("draft", versions.stream().filter(v -> v.status() == PolicyStatus.DRAFT).findFirst().orElse(null));
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.APPROVAL_POLICY_MANAGE));
        choices(model);
        model.addAttribute("people", people());
        if (preview.amount() != null && !preview.amount().isBlank()) {
            Forms.submit(model, "procurement/approval-policy", () -> {
                model.addAttribute("steps", policies.preview(null, previewRequest(preview)));
                return "procurement/approval-policy";
            });
        }
        return "procurement/approval-policy";
    }

    @PostMapping("/approval-policies")
    String newDraft(@PathVariable String orgSlug, RedirectAttributes redirect) {
        PolicyView draft = policies.createDraft(new SavePolicy(null, null, null));
        Flash.success(redirect, "policy.flash.drafted", draft.versionNumber());
        return "redirect:/o/" + orgSlug + "/approval-policies/" + draft.id();
    }

    @GetMapping("/approval-policies/{id}")
    String version(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        PolicyView policy = policies.get(Ids.parse(id, "Approval policy"));
        List<RuleRow> rows = new ArrayList<>(policy.rules().stream().map(RuleRow::of).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(RuleRow.empty());
        }
        model.addAttribute("form", new PolicyForm(String.valueOf(policy.effectiveFrom()), policy.note(), rows));
        return versionPage(model, policy);
    }

    @PostMapping("/approval-policies/{id}")
    String save(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") long version,
            @ModelAttribute("form") PolicyForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        UUID policyId = Ids.parse(id, "Approval policy");
        PolicyView policy = policies.get(policyId);
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        versionPage(model, policy);
        return Forms.submit(model, "procurement/approval-policy-version", binding, () -> {
            List<RuleRow> rows = form.rules() == null ? List.of() : form.rules();
            List<Integer> positions = new ArrayList<>();
            List<RuleInput> inputs = new ArrayList<>();
            var errors = new LinkedHashMap<String, String>();
            for (int i = 0; i < rows.size(); i++) {
                RuleRow row = rows.get(i);
                if (row == null || row.blank()) {
                    continue;
                }
                positions.add(i);
                inputs.add(input(row, i, errors));
            }
            LocalDate effectiveFrom = date(form.effectiveFrom(), "effectiveFrom", errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            try {
                policies.updateDraft(policyId, new SavePolicy(effectiveFrom, form.note(), inputs), version);
            } catch (InvalidInputException e) {
                throw renumbered(e, positions);
            }
            Flash.success(redirect, "policy.flash.saved", policy.versionNumber());
            return "redirect:/o/" + orgSlug + "/approval-policies/" + policyId;
        });
    }

    @PostMapping("/approval-policies/{id}/publish")
    String publish(
            @PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect) {
        UUID policyId = Ids.parse(id, "Approval policy");
        PolicyView policy = policies.get(policyId);
        model.addAttribute("form", formOf(policy));
        versionPage(model, policy);
        return Forms.submit(model, "procurement/approval-policy-version", () -> {
            policies.publish(policyId, reason);
            Flash.success(redirect, "policy.flash.published", policy.versionNumber());
            return "redirect:/o/" + orgSlug + "/approval-policy";
        });
    }

    @PostMapping("/approval-policies/{id}/discard")
    String discard(
            @PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect) {
        UUID policyId = Ids.parse(id, "Approval policy");
        PolicyView policy = policies.get(policyId);
        model.addAttribute("form", formOf(policy));
        versionPage(model, policy);
        return Forms.submit(model, "procurement/approval-policy-version", () -> {
            policies.discard(policyId, reason);
            Flash.success(redirect, "policy.flash.discarded", policy.versionNumber());
            return "redirect:/o/" + orgSlug + "/approval-policy";
        });
    }

    private String versionPage(Model model, PolicyView policy) {
        model.addAttribute("policy", policy);
        model.addAttribute("editable", policy.status() == PolicyStatus.DRAFT
                && TenantContext.requireAccess().can(Permission.APPROVAL_POLICY_MANAGE));
        choices(model);
        model.addAttribute("approvers", approvers());
        return "procurement/approval-policy-version";
    }

    private static PolicyForm formOf(PolicyView policy) {
        List<RuleRow> rows = new ArrayList<>(policy.rules().stream().map(RuleRow::of).toList());
        rows.add(RuleRow.empty());
        return new PolicyForm(String.valueOf(policy.effectiveFrom()), policy.note(), rows);
    }

    private void choices(Model model) {
        model.addAttribute("baseCurrency", TenantContext.requireAccess().baseCurrency());
        model.addAttribute("departments", departments.tree());
        model.addAttribute("categories", categories.list().stream().filter(c -> !c.retired()).toList());
        model.addAttribute("kinds", ApproverKind.values());
        model.addAttribute("modes", StepMode.values());
        model.addAttribute("expenseTypes", ExpenseType.values());
        model.addAttribute("approverRoles", List.of(Role.IT_STAFF, Role.IT_MANAGER, Role.CIO, Role.EXECUTIVE));
    }

    /** People who may be named as approvers: the IT line and the executives, by name. */
    private Map<UUID, String> approvers() {
        List<UUID> ids = new ArrayList<>();
        for (Role role : List.of(Role.CIO, Role.EXECUTIVE, Role.IT_MANAGER, Role.IT_STAFF)) {
            ids.addAll(members.activeAccounts(role));
        }
        return sortedByName(members.displayNames(ids));
    }

    /** Everyone who may ask for a purchase, for the preview's requester. */
    private Map<UUID, String> people() {
        List<UUID> ids = new ArrayList<>();
        for (Role role : Role.values()) {
            ids.addAll(members.activeAccounts(role));
        }
        return sortedByName(members.displayNames(ids));
    }

    private static Map<UUID, String> sortedByName(Map<UUID, String> names) {
        Map<UUID, String> sorted = new LinkedHashMap<>();
        names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static RuleInput input(RuleRow row, int index, Map<String, String> errors) {
        String f = "rules[" + index + "].";
        Integer stage = null;
        if (row.stage() != null && !row.stage().isBlank()) {
            try {
                stage = Integer.valueOf(row.stage().strip());
            } catch (NumberFormatException e) {
                errors.put(f + "stage", "stage is not a whole number");
            }
        }
        return new RuleInput(stage, row.name(), amount(row.amountAbove(), f + "amountAbove", errors),
                amount(row.amountUpTo(), f + "amountUpTo", errors), row.categoryIds(), row.departmentId(), row.expenseType(),
                row.approverKind(), row.approverRole(), row.approverId(), row.mode());
    }

    private static @Nullable BigDecimal amount(@Nullable String text, String field, Map<String, String> errors) {
        try {
            return Amounts.parse(text, locale());
        } catch (IllegalArgumentException e) {
            errors.put(field, "“" + text.strip() + "” is not an amount");
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank() || "null".equals(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, field + " is not a date");
            return null;
        }
    }

    /** The service numbers the rules it was given; the page shows errors next to the row they came from. */
    private static InvalidInputException renumbered(InvalidInputException e, List<Integer> positions) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (var error : e.errors()) {
            String field = error.field();
            var m = java.util.regex.Pattern.compile("^rules\\[(\\d+)]").matcher(field);
            if (m.find()) {
                int given = Integer.parseInt(m.group(1));
                int row = given < positions.size() ? positions.get(given) : given;
                field = "rules[" + row + "]" + field.substring(m.end());
            }
            errors.add(new InvalidInputException.FieldError(field, error.code(), error.detail()));
        }
        return new InvalidInputException(errors);
    }

    private static InvalidInputException invalid(Map<String, String> errors) {
        List<InvalidInputException.FieldError> list = new ArrayList<>();
        errors.forEach((field, detail) -> list.add(new InvalidInputException.FieldError(field, "format", detail)));
        return new InvalidInputException(list);
    }

    private static PreviewRequest previewRequest(PreviewForm form) {
        var errors = new LinkedHashMap<String, String>();
        BigDecimal amount = amount(form.amount(), "preview.amount", errors);
        LocalDate day = date(form.date(), "date", errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.of("amount", "number", "amount is not a number");
        }
        return new PreviewRequest(amount, form.requesterId(), form.departmentId(), form.categoryId(), form.expenseType(), day);
    }

    private static Locale locale() {
        return Locale.forLanguageTag(TenantContext.requireAccess().locale());
    }
}

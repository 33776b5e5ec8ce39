package org.opencio.procurement.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.platform.web.Formats;
import org.opencio.procurement.DelegateApprovals;
import org.opencio.procurement.DelegationManagement;
import org.opencio.shared.Ids;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The delegations page: mine (and, for a CIO, everyone's), and the form to name a delegate while away. */
@Controller
@RequestMapping("/o/{orgSlug}/approval-delegations")
class ApprovalDelegationWebController {

    record DelegationForm(
            @Nullable UUID delegatorId,
            @Nullable UUID delegateId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
            @Nullable String reason) {}

    private final DelegationManagement delegations;
    private final MemberManagement members;
    private final Formats formats;

    ApprovalDelegationWebController(DelegationManagement delegations, MemberManagement members, Formats formats) {
        this.delegations = delegations;
        this.members = members;
        this.formats = formats;
    }

    @GetMapping
    String list(@PathVariable String orgSlug, Model model) {
        LocalDate today = LocalDate.now(ZoneId.of(TenantContext.requireAccess().timeZone()));
        model.addAttribute("form", new DelegationForm(null, null, today, today.plusDays(6), null));
        return page(model);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") DelegationForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        page(model);
        return Forms.submit(model, "procurement/approval-delegations", binding, () -> {
            var d = delegations.delegate(new DelegateApprovals(form.delegatorId(), form.delegateId(), form.startsOn(), form.endsOn(), form.reason()));
            Flash.success(redirect, "delegation.created", d.delegateName(), d.delegatorName(), formats.day(d.startsOn()), formats.day(d.endsOn()));
            return "redirect:/o/" + orgSlug + "/approval-delegations";
        });
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String orgSlug, @PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        var d = delegations.revoke(Ids.parse(id, "Delegation"), reason);
        Flash.success(redirect, "delegation.revoked", d.delegateName());
        return "redirect:/o/" + orgSlug + "/approval-delegations";
    }

    private String page(Model model) {
        var access = TenantContext.requireAccess();
        boolean cio = access.can(Permission.APPROVAL_POLICY_MANAGE);
        model.addAttribute("delegations", delegations.list(cio));
        model.addAttribute("myId", access.accountId());
        model.addAttribute("isCio", cio);
        model.addAttribute("canDelegate", cio || DelegationManagement.approves(access.role()));
        model.addAttribute("people", people());
        return "procurement/approval-delegations";
    }

    /** The organization's active members by name, for the delegate (and, for a CIO, the delegator). */
    private Map<UUID, String> people() {
        List<UUID> ids = new ArrayList<>();
        for (Role role : Role.values()) {
            ids.addAll(members.activeAccounts(role));
        }
        Map<UUID, String> sorted = new LinkedHashMap<>();
        members.displayNames(ids).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}

package org.opencio.procurement.web;

import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.ApprovalReminderManagement;
import org.opencio.procurement.ApprovalReminderSettings;
import org.opencio.procurement.UpdateApprovalReminders;
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

/** The approval policy's reminder and escalation settings: read by those who read the policy, saved by those who manage it. */
@Controller
@RequestMapping("/o/{orgSlug}/approval-policy/reminders")
class ApprovalReminderWebController {

    /** The form as typed. */
    record ReminderForm(@Nullable Integer remindAfterBusinessDays, @Nullable Integer escalateAfterBusinessDays) {}

    private final ApprovalReminderManagement reminders;

    ApprovalReminderWebController(ApprovalReminderManagement reminders) {
        this.reminders = reminders;
    }

    @GetMapping
    String show(@PathVariable String orgSlug, Model model) {
        ApprovalReminderSettings s = reminders.settings();
        model.addAttribute("form", new ReminderForm(s.remindAfterBusinessDays(), s.escalateAfterBusinessDays()));
        return page(model, s);
    }

    @PostMapping
    String save(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("form") ReminderForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ApprovalReminderSettings s = reminders.settings();
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        model.addAttribute("version", version);
        page(model, s);
        return Forms.submit(model, "procurement/approval-reminders", binding, () -> {
            reminders.updateSettings(new UpdateApprovalReminders(form.remindAfterBusinessDays(), form.escalateAfterBusinessDays()), version);
            Flash.success(redirect, "approvalReminders.saved");
            return "redirect:/o/" + orgSlug + "/approval-policy/reminders";
        });
    }

    private String page(Model model, ApprovalReminderSettings s) {
        if (!model.containsAttribute("version")) {
            model.addAttribute("version", s.version());
        }
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.APPROVAL_POLICY_MANAGE));
        return "procurement/approval-reminders";
    }
}

package org.opencio.organization.web;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.InvitationManagement;
import org.opencio.organization.InvitationSent;
import org.opencio.organization.InviteMember;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.MemberView;
import org.opencio.organization.UpdateMember;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
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

/** People of the organization and the invitations that bring new ones in. */
@Controller
@RequestMapping("/o/{orgSlug}")
class MemberWebController {

    private final MemberManagement members;
    private final InvitationManagement invitations;
    private final DepartmentManagement departments;

    MemberWebController(MemberManagement members, InvitationManagement invitations, DepartmentManagement departments) {
        this.members = members;
        this.invitations = invitations;
        this.departments = departments;
    }

    @GetMapping("/members")
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(defaultValue = "true") boolean active,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        model.addAttribute("page", members.list(new MemberFilter(q, role, departmentId, active), null, cursor, sort));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("active", active);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", departments.tree());
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.MEMBERS_MANAGE));
        return "organization/members";
    }

    @GetMapping("/members/{id}")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        MemberView member = members.get(Ids.parse(id, "Member"));
        model.addAttribute("form", new UpdateMember(member.role(), member.departmentId(), member.approvalLimit()));
        return memberForm(model, member);
    }

    @PostMapping("/members/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") UpdateMember form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        MemberView member = members.get(Ids.parse(id, "Member"));
        memberForm(model, member);
        return Forms.submit(model, "organization/member", binding, () -> {
            members.update(member.id(), form, version);
            Flash.success(redirect, "members.updated", member.displayName());
            return "redirect:/o/" + orgSlug + "/members";
        });
    }

    @PostMapping("/members/{id}/deactivate")
    String deactivate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        MemberView member = members.get(Ids.parse(id, "Member"));
        model.addAttribute("form", new UpdateMember(member.role(), member.departmentId(), member.approvalLimit()));
        memberForm(model, member);
        return Forms.submit(model, "organization/member", () -> {
            members.deactivate(member.id(), reason);
            Flash.success(redirect, "members.deactivated", member.displayName());
            return "redirect:/o/" + orgSlug + "/members";
        });
    }

    @PostMapping("/members/{id}/reactivate")
    String reactivate(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        MemberView member = members.get(Ids.parse(id, "Member"));
        model.addAttribute("form", new UpdateMember(member.role(), member.departmentId(), member.approvalLimit()));
        memberForm(model, member);
        return Forms.submit(model, "organization/member", () -> {
            members.reactivate(member.id(), reason);
            Flash.success(redirect, "members.reactivated", member.displayName());
            return "redirect:/o/" + orgSlug + "/members";
        });
    }

    @GetMapping("/invitations")
    String invitations(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        model.addAttribute("page", invitations.list(status == null || status.isBlank() ? null : status, null, cursor, sort));
        model.addAttribute("status", status);
        model.addAttribute("sort", sort == null ? "-createdAt" : sort);
        return "organization/invitations";
    }

    @GetMapping("/invitations/new")
    String inviteForm(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.MEMBERS_MANAGE);
        model.addAttribute("form", new InviteMember(null, Role.EMPLOYEE, null, null));
        return inviteModel(model);
    }

    @PostMapping("/invitations")
    String invite(
            @PathVariable String orgSlug,
            @ModelAttribute("form") InviteMember form,
            BindingResult binding,
            Model model) {
        inviteModel(model);
        return Forms.submit(model, "organization/invite", binding, () -> {
            InvitationSent sent = invitations.invite(form);
            model.addAttribute("sent", sent);
            return "organization/invitation-sent";
        });
    }

    @PostMapping("/invitations/{id}/resend")
    String resend(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        model.addAttribute("sent", invitations.resend(Ids.parse(id, "Invitation")));
        return "organization/invitation-sent";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(@PathVariable String orgSlug, @PathVariable String id, RedirectAttributes redirect) {
        var invitation = invitations.revoke(Ids.parse(id, "Invitation"), null);
        Flash.success(redirect, "invitations.revoked", invitation.email());
        return "redirect:/o/" + orgSlug + "/invitations";
    }

    private String inviteModel(Model model) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(access.role()::mayGrant).toList());
        model.addAttribute("departments", departments.tree());
        return "organization/invite";
    }

    private String memberForm(Model model, MemberView member) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("member", member);
        model.addAttribute("version", member.version());
        model.addAttribute("canManage", access.can(Permission.MEMBERS_MANAGE) && access.role().mayGrant(member.role()));
        model.addAttribute("isSelf", member.accountId().equals(access.accountId()));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(access.role()::mayGrant).toList());
        model.addAttribute("departments", departments.tree());
        return "organization/member";
    }
}

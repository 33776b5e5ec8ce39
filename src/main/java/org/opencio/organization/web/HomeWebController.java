package org.opencio.organization.web;

import java.util.List;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.OrganizationOverview;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.DepartmentManagement;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's start page (their organizations) and each organization's home page, shaped by role. */
@Controller
class HomeWebController {

    private final OrganizationManagement organizations;
    private final MemberManagement members;
    private final DepartmentManagement departments;

    HomeWebController(OrganizationManagement organizations, MemberManagement members, DepartmentManagement departments) {
        this.organizations = organizations;
        this.members = members;
        this.departments = departments;
    }

    @GetMapping("/")
    String home(Model model) {
        List<OrganizationOverview> mine = organizations.overview();
        if (mine.size() == 1 && !CurrentUser.require().platformAdmin()) {
            return "redirect:/o/" + mine.getFirst().slug();
        }
        model.addAttribute("memberships", mine);
        return "home/index";
    }

    @GetMapping("/o/{orgSlug}")
    String organization(@PathVariable String orgSlug, Model model) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("organization", organizations.current());
        if (access.can(Permission.MEMBERS_VIEW)) {
            model.addAttribute("recentMembers", members.list(MemberFilter.none(), 5, null, "-createdAt").items());
        }
        model.addAttribute("departmentCount", departments.tree().size());
        return "home/organization";
    }

    @GetMapping("/o/{orgSlug}/search")
    String search(@PathVariable String orgSlug, @RequestParam(defaultValue = "") String q, Model model) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("q", q);
        if (!q.isBlank()) {
            if (access.can(Permission.MEMBERS_VIEW)) {
                model.addAttribute("people", members.list(new MemberFilter(q, null, null, null), 20, null, null).items());
            }
            model.addAttribute("departments", departments.list(q, false, 20, null, null).items());
        }
        return "home/search";
    }
}

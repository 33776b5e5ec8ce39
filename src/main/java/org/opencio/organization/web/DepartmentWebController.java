package org.opencio.organization.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.DepartmentView;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.SaveDepartment;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
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

@Controller
@RequestMapping("/o/{orgSlug}/departments")
class DepartmentWebController {

    private final DepartmentManagement departments;
    private final MemberManagement members;

    DepartmentWebController(DepartmentManagement departments, MemberManagement members) {
        this.departments = departments;
        this.members = members;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        boolean searching = (q != null && !q.isBlank()) || archived || sort != null || cursor != null;
        if (searching) {
            model.addAttribute("page", departments.list(q, archived, null, cursor, sort));
        } else {
            model.addAttribute("tree", departments.tree());
        }
        model.addAttribute("q", q);
        model.addAttribute("archived", archived);
        model.addAttribute("sort", sort == null ? "name" : sort);
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.DEPARTMENTS_MANAGE));
        return "organization/departments";
    }

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, Model model) {
        Access.require(Permission.DEPARTMENTS_MANAGE);
        model.addAttribute("form", new SaveDepartment(null, null, null, null, null));
        return form(model, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") SaveDepartment form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        form(model, null);
        return Forms.submit(model, "organization/department-form", binding, () -> {
            DepartmentView d = departments.create(form);
            Flash.success(redirect, "departments.created", d.name());
            return "redirect:/o/" + orgSlug + "/departments";
        });
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        Access.require(Permission.DEPARTMENTS_MANAGE);
        DepartmentView d = departments.get(Ids.parse(id, "Department"));
        model.addAttribute("form", new SaveDepartment(d.code(), d.name(), d.costCentre(), d.parentId(), d.headAccountId()));
        model.addAttribute("version", d.version());
        return form(model, d);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") SaveDepartment form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        DepartmentView existing = departments.get(Ids.parse(id, "Department"));
        model.addAttribute("version", version);
        form(model, existing);
        return Forms.submit(model, "organization/department-form", binding, () -> {
            DepartmentView d = departments.update(existing.id(), form, version);
            Flash.success(redirect, "departments.updated", d.name());
            return "redirect:/o/" + orgSlug + "/departments";
        });
    }

    @PostMapping("/{id}/archive")
    String archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        DepartmentView existing = departments.get(Ids.parse(id, "Department"));
        model.addAttribute("form", new SaveDepartment(existing.code(), existing.name(), existing.costCentre(),
                existing.parentId(), existing.headAccountId()));
        model.addAttribute("version", existing.version());
        form(model, existing);
        return Forms.submit(model, "organization/department-form", () -> {
            departments.archive(existing.id(), reason);
            Flash.success(redirect, "departments.archivedMsg", existing.name());
            return "redirect:/o/" + orgSlug + "/departments";
        });
    }

    private String form(Model model, @Nullable DepartmentView department) {
        model.addAttribute("department", department);
        UUID self = department == null ? null : department.id();
        model.addAttribute("parents", departments.tree().stream().filter(e -> !e.department().id().equals(self)).toList());
        model.addAttribute("people", members.list(MemberFilter.none(), 500, null, "name").items());
        return "organization/department-form";
    }
}

package org.opencio.budget.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cost pools and resource towers budget lines are booked to: renamed, added and retired by the CIO. */
@Controller
@RequestMapping("/o/{orgSlug}/cost-categories")
class CostCategoryWebController {

    record NewCategoryForm(@Nullable String kind, @Nullable String code, @Nullable String name) {}

    private final CostCategoryManagement categories;

    CostCategoryWebController(CostCategoryManagement categories) {
        this.categories = categories;
    }

    @GetMapping
    String list(@PathVariable String orgSlug, Model model) {
        model.addAttribute("form", new NewCategoryForm("POOL", null, null));
        return page(model);
    }

    @PostMapping
    String create(@PathVariable String orgSlug, NewCategoryForm form, Model model, RedirectAttributes redirect) {
        Access.require(Permission.BUDGET_MANAGE);
        model.addAttribute("form", form);
        page(model);
        return Forms.submit(model, "budget/cost-categories", () -> {
            CostCategoryView c = categories.create(form.kind(), form.code(), form.name());
            Flash.success(redirect, "costCategories.created", c.name());
            return "redirect:/o/" + orgSlug + "/cost-categories";
        });
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam long version,
            @RequestParam(required = false) @Nullable String name,
            Model model,
            RedirectAttributes redirect) {
        CostCategoryView existing = find(id);
        model.addAttribute("form", new NewCategoryForm("POOL", null, null));
        model.addAttribute("editing", existing.id());
        model.addAttribute("editName", name);
        page(model);
        return Forms.submit(model, "budget/cost-categories", () -> {
            CostCategoryView c = categories.rename(existing.id(), name, version);
            Flash.success(redirect, "costCategories.renamed", c.name());
            return "redirect:/o/" + orgSlug + "/cost-categories";
        });
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable String orgSlug, @PathVariable String id, Model model, RedirectAttributes redirect) {
        CostCategoryView existing = find(id);
        model.addAttribute("form", new NewCategoryForm("POOL", null, null));
        page(model);
        return Forms.submit(model, "budget/cost-categories", () -> {
            CostCategoryView c = categories.retire(existing.id());
            Flash.success(redirect, "costCategories.retiredMsg", c.name());
            return "redirect:/o/" + orgSlug + "/cost-categories";
        });
    }

    private CostCategoryView find(String id) {
        UUID categoryId = Ids.parse(id, "Cost category");
        return categories.list().stream().filter(c -> c.id().equals(categoryId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Cost category"));
    }

    private String page(Model model) {
        List<CostCategoryView> all = categories.list();
        model.addAttribute("pools", all.stream().filter(c -> c.kind().equals("POOL")).toList());
        model.addAttribute("towers", all.stream().filter(c -> c.kind().equals("TOWER")).toList());
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.BUDGET_MANAGE));
        return "budget/cost-categories";
    }
}

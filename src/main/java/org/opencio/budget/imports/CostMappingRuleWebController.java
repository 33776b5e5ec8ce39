package org.opencio.budget.imports;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.imports.CostMappingRuleManagement.SaveMappingRule;
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

/** The mapping rules page: which imported cost goes to which budget line. */
@Controller
@RequestMapping("/o/{orgSlug}/cost-mapping-rules")
class CostMappingRuleWebController {

    private final CostMappingRuleManagement rules;

    CostMappingRuleWebController(CostMappingRuleManagement rules) {
        this.rules = rules;
    }

    /** The rules, and a form for a new one (filled from the query, e.g. from an import's unallocated cost). */
    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "false") boolean archived,
            @ModelAttribute("form") SaveMappingRule form,
            Model model) {
        return page(model, archived);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @ModelAttribute("form") SaveMappingRule form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Access.require(Permission.ACTUALS_RECORD);
        page(model, false);
        return Forms.submit(model, "budget/imports-rules", binding, () -> {
            MappingRuleView rule = rules.create(form);
            Flash.success(redirect, "costRules.created", rule.lineCode());
            return "redirect:/o/" + orgSlug + "/cost-mapping-rules";
        });
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        MappingRuleView rule = rules.get(Ids.parse(id, "Cost mapping rule"));
        Access.require(Permission.ACTUALS_RECORD);
        model.addAttribute("form", SaveMappingRule.of(rule));
        model.addAttribute("rule", rule);
        model.addAttribute("version", rule.version());
        return "budget/imports-rule-form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("form") SaveMappingRule form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        MappingRuleView rule = rules.get(Ids.parse(id, "Cost mapping rule"));
        model.addAttribute("rule", rule);
        model.addAttribute("version", version);
        return Forms.submit(model, "budget/imports-rule-form", binding, () -> {
            MappingRuleView saved = rules.update(rule.id(), form, version);
            Flash.success(redirect, "costRules.updated", saved.lineCode());
            return "redirect:/o/" + orgSlug + "/cost-mapping-rules";
        });
    }

    @PostMapping("/{id}/archive")
    String archive(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        UUID ruleId = Ids.parse(id, "Cost mapping rule");
        MappingRuleView rule = rules.get(ruleId);
        model.addAttribute("rule", rule);
        model.addAttribute("form", SaveMappingRule.of(rule));
        model.addAttribute("version", rule.version());
        return Forms.submit(model, "budget/imports-rule-form", () -> {
            rules.archive(ruleId, reason);
            Flash.success(redirect, "costRules.archived", rule.lineCode());
            return "redirect:/o/" + orgSlug + "/cost-mapping-rules";
        });
    }

    private String page(Model model, boolean archived) {
        model.addAttribute("rules", rules.list(archived));
        model.addAttribute("archived", archived);
        model.addAttribute("canEdit", TenantContext.requireAccess().can(Permission.ACTUALS_RECORD));
        return "budget/imports-rules";
    }
}

package org.opencio.organization.web;

import org.jspecify.annotations.Nullable;
import org.opencio.organization.AccountManagement;
import org.opencio.organization.ChangePassword;
import org.opencio.organization.CreateToken;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's profile: password, and their API tokens per organization. */
@Controller
class ProfileWebController {

    private final AccountManagement accounts;

    ProfileWebController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("account", accounts.me());
        model.addAttribute("form", new ChangePassword(null, null));
        return "organization/profile";
    }

    @PostMapping("/profile/name")
    String rename(@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String displayName,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("account", accounts.me());
        model.addAttribute("form", new ChangePassword(null, null));
        return Forms.submit(model, "organization/profile", () -> {
            accounts.rename(displayName);
            Flash.success(redirect, "profile.renamed");
            return "redirect:/profile";
        });
    }

    @PostMapping("/profile/password")
    String changePassword(@ModelAttribute("form") ChangePassword form, Model model, RedirectAttributes redirect) {
        model.addAttribute("account", accounts.me());
        return Forms.submit(model, "organization/profile", () -> {
            accounts.changePassword(form);
            Flash.success(redirect, "profile.passwordChanged");
            return "redirect:/profile";
        });
    }

    @GetMapping("/o/{orgSlug}/tokens")
    String tokens(@PathVariable String orgSlug, Model model) {
        model.addAttribute("tokens", accounts.tokens());
        model.addAttribute("form", new CreateToken(null, 90));
        return "organization/tokens";
    }

    @PostMapping("/o/{orgSlug}/tokens")
    String createToken(
            @PathVariable String orgSlug,
            @ModelAttribute("form") CreateToken form,
            BindingResult binding,
            Model model) {
        model.addAttribute("tokens", accounts.tokens());
        return Forms.submit(model, "organization/tokens", binding, () -> {
            model.addAttribute("created", accounts.createToken(form));
            model.addAttribute("tokens", accounts.tokens());
            model.addAttribute("form", new CreateToken(null, 90));
            return "organization/tokens";
        });
    }

    @PostMapping("/o/{orgSlug}/tokens/{id}/revoke")
    String revoke(@PathVariable String orgSlug, @PathVariable String id, RedirectAttributes redirect) {
        var token = accounts.revokeToken(Ids.parse(id, "Token"));
        Flash.success(redirect, "tokens.revoked", token.name());
        return "redirect:/o/" + orgSlug + "/tokens";
    }
}

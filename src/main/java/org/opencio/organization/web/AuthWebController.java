package org.opencio.organization.web;

import org.jspecify.annotations.Nullable;
import org.opencio.organization.AcceptInvitation;
import org.opencio.organization.InvitationManagement;
import org.opencio.organization.InvitationPreview;
import org.opencio.organization.OrganizationView;
import org.opencio.organization.Setup;
import org.opencio.organization.SetupCommand;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages reached without signing in: sign-in, first-run setup and accepting an invitation. */
@Controller
class AuthWebController {

    private final Setup setup;
    private final InvitationManagement invitations;

    AuthWebController(Setup setup, InvitationManagement invitations) {
        this.setup = setup;
        this.invitations = invitations;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("setupNeeded", setup.needed());
        return "auth/login";
    }

    @GetMapping("/setup")
    String setupForm(@RequestParam(required = false) @Nullable String token, Model model) {
        if (!setup.needed() || !setup.tokenValid(token)) {
            throw new NotFoundException("Setup");
        }
        model.addAttribute("token", token);
        model.addAttribute("form", new SetupCommand(null, null, null, null, null, "EUR", "UTC", "en-US", 1));
        return OrganizationWebController.choices(model, "auth/setup");
    }

    @PostMapping("/setup")
    String completeSetup(
            @RequestParam(required = false) @Nullable String token,
            @ModelAttribute("form") SetupCommand form,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("token", token);
        OrganizationWebController.choices(model, "auth/setup");
        return Forms.submit(model, "auth/setup", () -> {
            OrganizationView org = setup.complete(token, form);
            Flash.success(redirect, "setup.done", org.name());
            return "redirect:/login?setup";
        });
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        InvitationPreview preview = invitations.preview(token);
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        model.addAttribute("form", new AcceptInvitation(token, null, null));
        return "auth/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable String token,
            @ModelAttribute("form") AcceptInvitation form,
            Model model,
            RedirectAttributes redirect) {
        InvitationPreview preview = invitations.preview(token);
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        return Forms.submit(model, "auth/invitation", () -> {
            invitations.accept(new AcceptInvitation(token, form.displayName(), form.password()));
            Flash.success(redirect, "invitation.accepted", preview.organizationName());
            return "redirect:/login?joined";
        });
    }
}

package org.opencio.vendor.web;

import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.vendor.ContactKind;
import org.opencio.vendor.ContactView;
import org.opencio.vendor.SaveContact;
import org.opencio.vendor.VendorContactManagement;
import org.opencio.vendor.VendorManagement;
import org.opencio.vendor.VendorView;
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

/** Adding, changing and removing the people at a vendor. */
@Controller
@RequestMapping("/o/{orgSlug}/vendors/{vendorId}/contacts")
class VendorContactWebController {

    /** The contact form, its values as typed. */
    record ContactForm(@Nullable String name, @Nullable String kind, @Nullable String jobTitle, @Nullable String email, @Nullable String phone) {

        static ContactForm of(ContactView c) {
            return new ContactForm(c.name(), c.kind().name(), c.jobTitle(), c.email(), c.phone());
        }

        SaveContact command() {
            var values = new FormValues();
            var command = new SaveContact(name, values.choice("kind", kind, ContactKind.class), jobTitle, email, phone);
            values.throwIfAny();
            return command;
        }
    }

    private final VendorManagement vendors;
    private final VendorContactManagement contacts;

    VendorContactWebController(VendorManagement vendors, VendorContactManagement contacts) {
        this.vendors = vendors;
        this.contacts = contacts;
    }

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, @PathVariable String vendorId, Model model) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        Access.require(Permission.VENDORS_MANAGE);
        model.addAttribute("form", new ContactForm(null, ContactKind.ACCOUNT_MANAGER.name(), null, null, null));
        return form(model, vendor, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @ModelAttribute("form") ContactForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, vendor, null);
        return Forms.submit(model, "vendor/contact-form", binding, () -> {
            ContactView c = contacts.create(vendor.id(), form.command());
            Flash.success(redirect, "vendors.contacts.created", c.name());
            return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#contacts";
        });
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String vendorId, @PathVariable String id, Model model) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        ContactView contact = contacts.get(vendor.id(), Ids.parse(id, "Contact"));
        Access.require(Permission.VENDORS_MANAGE);
        model.addAttribute("form", ContactForm.of(contact));
        return form(model, vendor, contact);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") ContactForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        ContactView contact = contacts.get(vendor.id(), Ids.parse(id, "Contact"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, vendor, contact);
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/contact-form", binding, () -> {
            ContactView c = contacts.update(vendor.id(), contact.id(), form.command(), version);
            Flash.success(redirect, "vendors.contacts.updated", c.name());
            return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#contacts";
        });
    }

    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        ContactView contact = contacts.get(vendor.id(), Ids.parse(id, "Contact"));
        contacts.remove(vendor.id(), contact.id(), null);
        Flash.success(redirect, "vendors.contacts.removed", contact.name());
        return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#contacts";
    }

    private String form(Model model, VendorView vendor, @Nullable ContactView contact) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("contact", contact);
        if (contact != null) {
            model.addAttribute("version", contact.version());
        }
        model.addAttribute("kinds", ContactKind.values());
        return "vendor/contact-form";
    }
}

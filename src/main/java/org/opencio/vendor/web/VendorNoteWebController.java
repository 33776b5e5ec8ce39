package org.opencio.vendor.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.NoteKind;
import org.opencio.vendor.SaveVendorNote;
import org.opencio.vendor.VendorManagement;
import org.opencio.vendor.VendorNoteManagement;
import org.opencio.vendor.VendorNoteView;
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

/** Vendor intelligence notes: what a vendor presented in a briefing or roadmap session, and why it matters. */
@Controller
@RequestMapping("/o/{orgSlug}/vendors/{vendorId}/notes")
class VendorNoteWebController {

    /** The note form; tags typed as one text. */
    record NoteForm(
            @Nullable String notedOn,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String body,
            @Nullable String relevance,
            @Nullable String tags) {

        /** The note as entered; a day that is no date is refused at its field. */
        SaveVendorNote command() {
            LocalDate day = null;
            if (notedOn != null && !notedOn.isBlank()) {
                try {
                    day = LocalDate.parse(notedOn.strip());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("notedOn", "date", "notedOn must be a date such as 2026-03-12");
                }
            }
            var values = new FormValues();
            NoteKind chosen = values.choice("kind", kind, NoteKind.class);
            values.throwIfAny();
            return new SaveVendorNote(day, chosen, title, body, relevance, TagText.parse(tags));
        }
    }

    private final VendorManagement vendors;
    private final VendorNoteManagement notes;

    VendorNoteWebController(VendorManagement vendors, VendorNoteManagement notes) {
        this.vendors = vendors;
        this.notes = notes;
    }

    @GetMapping("/new")
    String newForm(@PathVariable String orgSlug, @PathVariable String vendorId, Model model) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        Access.require(Permission.VENDORS_MANAGE);
        model.addAttribute("form", new NoteForm(null, NoteKind.BRIEFING.name(), null, null, null, null));
        return form(model, vendor, null);
    }

    @PostMapping
    String create(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @ModelAttribute("form") NoteForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, vendor, null);
        return Forms.submit(model, "vendor/note-form", binding, () -> {
            VendorNoteView n = notes.create(vendor.id(), form.command());
            Flash.success(redirect, "vendors.notes.created", n.title());
            return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#intelligence";
        });
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String orgSlug, @PathVariable String vendorId, @PathVariable String id, Model model) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        VendorNoteView note = notes.get(vendor.id(), Ids.parse(id, "Note"));
        Access.require(Permission.VENDORS_MANAGE);
        model.addAttribute("form", new NoteForm(note.notedOn().toString(), note.kind().name(), note.title(), note.body(), note.relevance(),
                String.join(", ", note.tags())));
        return form(model, vendor, note);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable String orgSlug,
            @PathVariable String vendorId,
            @PathVariable String id,
            @RequestParam long version,
            @ModelAttribute("form") NoteForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        VendorNoteView note = notes.get(vendor.id(), Ids.parse(id, "Note"));
        Access.require(Permission.VENDORS_MANAGE);
        form(model, vendor, note);
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/note-form", binding, () -> {
            VendorNoteView n = notes.update(vendor.id(), note.id(), form.command(), version);
            Flash.success(redirect, "vendors.notes.updated", n.title());
            return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#intelligence";
        });
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String orgSlug, @PathVariable String vendorId, @PathVariable String id, RedirectAttributes redirect) {
        VendorView vendor = vendors.get(Ids.parse(vendorId, "Vendor"));
        VendorNoteView note = notes.get(vendor.id(), Ids.parse(id, "Note"));
        notes.remove(vendor.id(), note.id(), null);
        Flash.success(redirect, "vendors.notes.removed", note.title());
        return "redirect:/o/" + orgSlug + "/vendors/" + vendor.id() + "#intelligence";
    }

    private String form(Model model, VendorView vendor, @Nullable VendorNoteView note) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("note", note);
        if (note != null) {
            model.addAttribute("version", note.version());
        }
        model.addAttribute("kinds", NoteKind.values());
        return "vendor/note-form";
    }
}

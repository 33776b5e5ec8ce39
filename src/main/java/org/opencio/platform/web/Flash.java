package org.opencio.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A one-time message shown on the next page after a redirect; the text comes from messages.properties. */
public final class Flash {

    private Flash() {}

    public static void success(RedirectAttributes attributes, String messageKey, Object... args) {
        attributes.addFlashAttribute("flashKey", messageKey);
        attributes.addFlashAttribute("flashArgs", args);
        attributes.addFlashAttribute("flashKind", "success");
    }
}

package org.opencio.platform.notification;

import org.jspecify.annotations.Nullable;
import org.opencio.platform.web.Flash;
import org.opencio.shared.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/o/{orgSlug}/notifications")
class NotificationWebController {

    private final Notifications notifications;

    NotificationWebController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String inbox(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        model.addAttribute("page", notifications.inbox(unread, null, cursor));
        model.addAttribute("unread", unread);
        return "platform/notifications";
    }

    /** Opens a notification: marks it read and goes where it points. */
    @PostMapping("/{id}/open")
    String open(@PathVariable String orgSlug, @PathVariable String id) {
        NotificationView n = notifications.markRead(Ids.parse(id, "Notification"));
        String link = n.link();
        // Only paths inside the application are followed, never another site.
        boolean internal = link != null && link.startsWith("/") && !link.startsWith("//");
        return "redirect:" + (internal ? link : "/o/" + orgSlug + "/notifications");
    }

    @PostMapping("/read-all")
    String readAll(@PathVariable String orgSlug, RedirectAttributes redirect) {
        int marked = notifications.markAllRead();
        Flash.success(redirect, "notifications.allRead", marked);
        return "redirect:/o/" + orgSlug + "/notifications";
    }
}

package org.opencio.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/** What the page layout shows around every page: who is signed in, their organizations and the navigation. */
@Component("shell")
public class Shell {

    private final IdentityDirectory directory;
    private final List<NavItem> items;

    private final org.opencio.platform.notification.Notifications notifications;

    Shell(IdentityDirectory directory, List<NavItem> items, org.opencio.platform.notification.Notifications notifications) {
        this.directory = directory;
        this.notifications = notifications;
        this.items = items.stream()
                .sorted(Comparator.comparing(NavItem::section).thenComparingInt(NavItem::order))
                .toList();
    }

    public Optional<AccountPrincipal> me() {
        return CurrentUser.get();
    }

    public Optional<OrgAccess> org() {
        return TenantContext.access();
    }

    /** How many notifications the person has not read yet in the current organization. */
    public long unreadNotifications() {
        return org().isPresent() ? notifications.unreadCount() : 0;
    }

    /** Whether the current member's role carries the named permission. */
    public boolean can(String permission) {
        return org().map(a -> a.can(org.opencio.platform.security.Permission.valueOf(permission))).orElse(false);
    }

    /** The current organization's slug, or null outside one. */
    public @org.jspecify.annotations.Nullable String slug() {
        return org().map(OrgAccess::slug).orElse(null);
    }

    /** The path prefix of the current organization's pages, {@code /o/{slug}}. */
    public String base() {
        return org().map(a -> "/o/" + a.slug()).orElse("");
    }

    /** Whether the given navigation entry is the section the current page belongs to. */
    public boolean active(NavItem item) {
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String currentPath = request.getRequestURI().substring(request.getContextPath().length());
        String base = base();
        if (!covers(item, currentPath, base)) {
            return false;
        }
        // Of the entries whose path leads to this page, only the most specific is the current one: the approvals inbox
        // under /purchase-requests/inbox is not also the list of purchase requests.
        return items.stream().noneMatch(other -> other.path().length() > item.path().length() && covers(other, currentPath, base));
    }

    private static boolean covers(NavItem item, String currentPath, String base) {
        String target = base + item.path();
        if (item.path().isEmpty()) {
            return currentPath.equals(target);
        }
        return currentPath.equals(target) || currentPath.startsWith(target + "/") || currentPath.startsWith(target + "?");
    }

    public List<OrgAccess> memberships() {
        return me().map(p -> directory.memberships(p.accountId())).orElse(List.of());
    }

    /** Navigation sections (in the order of their first entry) with the entries the current role may use. */
    public Map<String, List<NavItem>> navigation() {
        Map<String, List<NavItem>> sections = new LinkedHashMap<>();
        org().ifPresent(access -> items.stream()
                .filter(i -> i.permission() == null || access.can(i.permission()))
                .forEach(i -> sections.computeIfAbsent(i.section(), s -> new java.util.ArrayList<>())
                        .add(i)));
        return sections;
    }
}

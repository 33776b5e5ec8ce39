package org.opencio.asset.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.asset.AssetFilter;
import org.opencio.asset.AssetManagement;
import org.opencio.asset.AssetStatus;
import org.opencio.asset.AssetType;
import org.opencio.asset.AssetView;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.MemberView;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
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

/** The asset register's pages: the list with its filters and search, and an asset with its history and actions. */
@Controller
@RequestMapping("/o/{orgSlug}/assets")
class AssetWebController {

    private final AssetManagement assets;
    private final MemberManagement members;

    AssetWebController(AssetManagement assets, MemberManagement members) {
        this.assets = assets;
        this.members = members;
    }

    @GetMapping
    String list(
            @PathVariable String orgSlug,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable AssetType type,
            @RequestParam(required = false) @Nullable AssetStatus status,
            @RequestParam(required = false) @Nullable UUID departmentId,
            @RequestParam(required = false) @Nullable UUID assigneeId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        var filter = new AssetFilter(type, status, departmentId, assigneeId, q);
        model.addAttribute("page", assets.list(filter, null, cursor, sort));
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", q != null && !q.isBlank() || type != null || status != null || departmentId != null || assigneeId != null);
        model.addAttribute("sort", sort == null || sort.isBlank() ? "tag" : sort);
        model.addAttribute("types", AssetType.values());
        model.addAttribute("statuses", AssetStatus.values());
        return "asset/assets";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String orgSlug, @PathVariable String id, Model model) {
        AssetView asset = assets.get(Ids.parse(id, "Asset"));
        boolean canManage = can(Permission.ASSETS_MANAGE);
        model.addAttribute("asset", asset);
        model.addAttribute("history", assets.history(asset.id()));
        model.addAttribute("canManage", canManage);
        List<MemberView> people = canManage && asset.status() == AssetStatus.IN_STOCK && can(Permission.MEMBERS_VIEW)
                ? members.list(new MemberFilter(null, null, null, true), 500, null, null).items()
                : List.of();
        model.addAttribute("people", people);
        return "asset/asset";
    }

    @PostMapping("/{id}/status")
    String status(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable AssetStatus status,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        AssetView a = assets.changeStatus(Ids.parse(id, "Asset"), status, reason, version);
        Flash.success(redirect, "assets.statusChanged", a.tag());
        return "redirect:/o/" + orgSlug + "/assets/" + a.id();
    }

    @PostMapping("/{id}/check-out")
    String checkOut(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable UUID assigneeId,
            @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        AssetView a = assets.checkOut(Ids.parse(id, "Asset"), assigneeId, null, version);
        Flash.success(redirect, "assets.checkedOut", a.tag(), a.assigneeName());
        return "redirect:/o/" + orgSlug + "/assets/" + a.id();
    }

    @PostMapping("/{id}/check-in")
    String checkIn(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        AssetView a = assets.checkIn(Ids.parse(id, "Asset"), reason, version);
        Flash.success(redirect, "assets.checkedIn", a.tag());
        return "redirect:/o/" + orgSlug + "/assets/" + a.id();
    }

    private static boolean can(Permission permission) {
        return TenantContext.requireAccess().can(permission);
    }
}

package org.opencio.vendor.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberFilter;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.shared.InvalidInputException;
import org.opencio.vendor.CalendarFeedView;
import org.opencio.vendor.ContractEvent;
import org.opencio.vendor.ContractEventFilter;
import org.opencio.vendor.ContractManagement;
import org.opencio.vendor.ContractSettingsView;
import org.opencio.vendor.ContractType;
import org.opencio.vendor.RenewalCalendar;
import org.opencio.vendor.UpdateContractSettings;
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

/** The renewal calendar: upcoming deadlines and renewals, a month view, and the reminder and feed settings. */
@Controller
@RequestMapping("/o/{orgSlug}/renewals")
class RenewalWebController {

    static final List<Integer> WINDOWS = List.of(30, 60, 90, 180);

    /** The filters of both views. */
    record EventQuery(ContractEvent.@Nullable Kind kind, @Nullable UUID vendorId, @Nullable UUID ownerId, @Nullable ContractType type) {

        boolean any() {
            return kind != null || vendorId != null || ownerId != null || type != null;
        }
    }

    /** A day of the month view with its events; {@code inMonth} is false for the days that pad the first and last week. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<ContractEvent> events) {}

    /** The settings form as typed: the reminder days as "90, 60, 30". */
    record SettingsForm(@Nullable Integer expiringWindowDays, @Nullable String reminderDays) {}

    private final RenewalCalendar calendar;
    private final ContractManagement contracts;
    private final MemberManagement members;

    RenewalWebController(RenewalCalendar calendar, ContractManagement contracts, MemberManagement members) {
        this.calendar = calendar;
        this.contracts = contracts;
        this.members = members;
    }

    @GetMapping
    String upcoming(
            @PathVariable String orgSlug,
            @ModelAttribute("query") EventQuery query,
            BindingResult binding,
            @RequestParam(defaultValue = "90") int days,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        invalid(binding);
        if (!WINDOWS.contains(days)) {
            throw InvalidInputException.of("days", "range", "days must be one of " + WINDOWS);
        }
        LocalDate today = calendar.today();
        var filter = new ContractEventFilter(today, today.plusDays(days), query.kind(), query.vendorId(), query.ownerId(), query.type());
        model.addAttribute("page", calendar.events(filter, 50, cursor, sort));
        model.addAttribute("days", days);
        model.addAttribute("sort", sort == null ? "date" : sort);
        model.addAttribute("until", today.plusDays(days));
        choices(model, query);
        return "vendor/renewals";
    }

    @GetMapping("/month")
    String month(
            @PathVariable String orgSlug,
            @ModelAttribute("query") EventQuery query,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String month,
            Model model) {
        invalid(binding);
        LocalDate today = calendar.today();
        YearMonth shown = monthOf(month, today);
        var locale = ContractPages.locale();
        DayOfWeek firstDay = WeekFields.of(locale).getFirstDayOfWeek();
        LocalDate start = shown.atDay(1).with(TemporalAdjusters.previousOrSame(firstDay));
        LocalDate end = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(firstDay.minus(1)));
        List<ContractEvent> events = calendar.between(
                new ContractEventFilter(start, end, query.kind(), query.vendorId(), query.ownerId(), query.type()));
        Map<LocalDate, List<ContractEvent>> byDay = new LinkedHashMap<>();
        events.forEach(e -> byDay.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusWeeks(1)) {
            List<Day> week = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate d = day.plusDays(i);
                week.add(new Day(d, YearMonth.from(d).equals(shown), d.equals(today), byDay.getOrDefault(d, List.of())));
            }
            weeks.add(week);
        }
        List<DayOfWeek> dayOrder = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            dayOrder.add(firstDay.plus(i));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("weekdays", dayOrder.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        model.addAttribute("weekdaysShort", dayOrder.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        model.addAttribute("monthTitle", DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(shown));
        model.addAttribute("month", shown.toString());
        model.addAttribute("previous", shown.minusMonths(1).toString());
        model.addAttribute("next", shown.plusMonths(1).toString());
        model.addAttribute("thisMonth", YearMonth.from(today).toString());
        model.addAttribute("eventCount", events.stream().filter(e -> YearMonth.from(e.date()).equals(shown)).count());
        model.addAttribute("listing", events.stream().filter(e -> YearMonth.from(e.date()).equals(shown)).toList());
        choices(model, query);
        return "vendor/renewals-month";
    }

    // ---- settings and the feed

    @GetMapping("/settings")
    String settings(@PathVariable String orgSlug, Model model) {
        ContractSettingsView s = calendar.settings();
        model.addAttribute("form", new SettingsForm(s.expiringWindowDays(), join(s.reminderDays())));
        return settingsPage(model, s);
    }

    @PostMapping("/settings")
    String saveSettings(
            @PathVariable String orgSlug,
            @RequestParam(defaultValue = "-1") long version,
            @ModelAttribute("form") SettingsForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        ContractSettingsView s = calendar.settings();
        Access.require(Permission.CONTRACTS_MANAGE);
        settingsPage(model, s);
        model.addAttribute("version", version);
        return Forms.submit(model, "vendor/renewals-settings", binding, () -> {
            calendar.updateSettings(new UpdateContractSettings(form.expiringWindowDays(), days(form.reminderDays())), version);
            Flash.success(redirect, "renewals.settings.saved");
            return "redirect:/o/" + orgSlug + "/renewals/settings";
        });
    }

    /** Turns the feed on or rotates it, and shows the new address once, on this answer only. */
    @PostMapping("/settings/feed")
    String createFeed(@PathVariable String orgSlug, Model model) {
        ContractSettingsView s = calendar.settings();
        Access.require(Permission.CONTRACTS_MANAGE);
        CalendarFeedView created = calendar.createFeed();
        model.addAttribute("form", new SettingsForm(s.expiringWindowDays(), join(s.reminderDays())));
        settingsPage(model, s);
        model.addAttribute("feed", created);
        model.addAttribute("createdUrl", created.url());
        return "vendor/renewals-settings";
    }

    @PostMapping("/settings/feed/revoke")
    String revokeFeed(@PathVariable String orgSlug, @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
        ContractSettingsView s = calendar.settings();
        Access.require(Permission.CONTRACTS_MANAGE);
        model.addAttribute("form", new SettingsForm(s.expiringWindowDays(), join(s.reminderDays())));
        settingsPage(model, s);
        return Forms.submit(model, "vendor/renewals-settings", () -> {
            calendar.revokeFeed(reason);
            Flash.success(redirect, "renewals.feed.revoked");
            return "redirect:/o/" + orgSlug + "/renewals/settings";
        });
    }

    private String settingsPage(Model model, ContractSettingsView s) {
        if (!model.containsAttribute("version")) {
            model.addAttribute("version", s.version());
        }
        model.addAttribute("settings", s);
        model.addAttribute("feed", calendar.feed());
        model.addAttribute("canManage", TenantContext.requireAccess().can(Permission.CONTRACTS_MANAGE));
        return "vendor/renewals-settings";
    }

    private void choices(Model model, EventQuery query) {
        model.addAttribute("vendors", contracts.vendorChoices());
        model.addAttribute("people", members.list(MemberFilter.none(), 500, null, "name").items());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("kinds", ContractEvent.Kind.values());
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("filtered", query.any());
        model.addAttribute("today", calendar.today());
    }

    private static void invalid(BindingResult binding) {
        if (binding.hasErrors()) {
            throw InvalidInputException.of(binding.getFieldErrors().getFirst().getField(), "invalid", "a filter has an invalid value");
        }
    }

    static YearMonth monthOf(@Nullable String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 1900 || month.getYear() > 2999) {
                throw new java.time.format.DateTimeParseException("out of range", text, 0);
            }
            return month;
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("month", "month", "month must look like 2027-03");
        }
    }

    static String join(List<Integer> days) {
        return String.join(", ", days.stream().map(String::valueOf).toList());
    }

    /** "90, 60; 30" → [90, 60, 30]; something that is not a list of numbers is a field error. */
    static List<Integer> days(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("reminderDays", "number", "reminderDays must be whole numbers of days, such as 90, 60, 30");
        }
    }
}

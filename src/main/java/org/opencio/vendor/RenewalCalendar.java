package org.opencio.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.TokenHashing;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.Ids;
import org.opencio.shared.Money;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal calendar: notice deadlines, renewals and ends of contracts as dated events, for the upcoming list, the
 * month view and the organization's iCalendar feed; and the settings that decide when a contract is expiring and
 * when people are reminded.
 */
@Service
public class RenewalCalendar {

    static final Map<String, String> SORTS = Map.of("date", "e.event_date", "id", "e.event_id");
    static final int MONTH_CAP = 2000;
    static final int FEED_CAP = 5000;
    static final String FEED_PREFIX = "ocal_";

    private final JdbcClient jdbc;
    private final MemberManagement members;
    private final OrganizationManagement organizations;
    private final ContractClock clock;
    private final ContractSettingsStore settings;
    private final Contracts contracts;
    private final ContractManagement management;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final String baseUrl;

    RenewalCalendar(
            JdbcClient jdbc,
            MemberManagement members,
            OrganizationManagement organizations,
            ContractClock clock,
            ContractSettingsStore settings,
            Contracts contracts,
            ContractManagement management,
            AuditTrail audit,
            MessageSource messages,
            PlatformTransactionManager txManager,
            @Value("${opencio.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.members = members;
        this.organizations = organizations;
        this.clock = clock;
        this.settings = settings;
        this.contracts = contracts;
        this.management = management;
        this.audit = audit;
        this.messages = messages;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setReadOnly(true);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Today in the organization's time zone. */
    public LocalDate today() {
        return clock.today();
    }

    // ---- events

    /** The dated events between two days, paged by date (then by contract). */
    @Transactional(readOnly = true)
    public CursorPage<ContractEvent> events(ContractEventFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.CONTRACTS_VIEW).orgId();
        range(filter);
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("date"), "date");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        String sql = eventsSql(orgId, filter, params) + keyset.condition() + keyset.orderBy() + " limit " + keyset.fetch();
        LocalDate today = clock.today();
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs, today)).list();
        CursorPage<Row> page = keyset.page(rows, request, r -> Map.of("date", r.event().date(), "id", r.eventId()));
        return new CursorPage<>(named(page.items().stream().map(Row::event).toList()), page.nextCursor());
    }

    /** Every event between two days in date order, for a month view; at most {@value #MONTH_CAP}. */
    @Transactional(readOnly = true)
    public List<ContractEvent> between(ContractEventFilter filter) {
        UUID orgId = Access.require(Permission.CONTRACTS_VIEW).orgId();
        range(filter);
        return named(read(orgId, filter, MONTH_CAP, clock.today()));
    }

    private List<ContractEvent> read(UUID orgId, ContractEventFilter filter, int max, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String sql = eventsSql(orgId, filter, params) + " order by e.event_date, e.event_id limit " + max;
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, today).event()).list();
    }

    private static void range(ContractEventFilter filter) {
        new Checks()
                .required("from", filter.from())
                .required("to", filter.to())
                .throwIfAny();
        new Checks()
                .rule(!filter.to().isBefore(filter.from()), "to", "before-start", "to must not be before from")
                .rule(ChronoUnit.DAYS.between(filter.from(), filter.to()) <= 3660, "to", "range", "the range may span at most ten years")
                .throwIfAny();
    }

    /**
     * One branch per kind of event, each a contract term in a state where that date matters: the notice deadline of
     * a term in force; the renewal of an auto-renewing term in force, or the start of the term that renewed a term;
     * the end of a term in force that does not renew, of a terminated term (its termination date) and of an expired one.
     */
    private static String eventsSql(UUID orgId, ContractEventFilter f, Map<String, Object> params) {
        String columns = "c.id as contract_id, c.title, c.status, c.contract_type, c.owner_id, c.vendor_id, "
                + "coalesce(v.trading_name, v.legal_name) as vendor_name, c.annual_value, c.currency, c.term_number, c.updated_at, ";
        String from = " from contracts c join vendors v on v.id = c.vendor_id and v.org_id = c.org_id ";
        String scope = " where c.org_id = :org and c.archived = false ";
        String union = "select " + columns + "'NOTICE_DEADLINE' as kind, c.notice_deadline as event_date" + from + scope
                + "and c.status in ('ACTIVE', 'EXPIRING') and c.notice_deadline is not null "
                + "union all select " + columns + "'RENEWAL' as kind, c.next_renewal_date as event_date" + from + scope
                + "and c.status in ('ACTIVE', 'EXPIRING') and c.auto_renew = true and c.next_renewal_date is not null "
                + "union all select " + columns + "'RENEWAL' as kind, n.start_date as event_date" + from
                + "join contracts n on n.previous_term_id = c.id and n.org_id = c.org_id " + scope + "and c.status = 'RENEWED' "
                + "union all select " + columns + "'END' as kind, c.end_date as event_date" + from + scope
                + "and ((c.status in ('ACTIVE', 'EXPIRING') and c.auto_renew = false) or c.status = 'EXPIRED') and c.end_date is not null "
                + "union all select " + columns + "'END' as kind, c.terminated_on as event_date" + from + scope
                + "and c.status = 'TERMINATED' and c.terminated_on is not null";
        StringBuilder sql = new StringBuilder("select e.*, e.kind || ':' || cast(e.contract_id as varchar(36)) as event_id from (")
                .append(union)
                .append(") e where e.event_date between :from and :to");
        params.put("org", orgId);
        params.put("from", f.from());
        params.put("to", f.to());
        if (f.kind() != null) {
            sql.append(" and e.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.vendorId() != null) {
            sql.append(" and e.vendor_id = :vendor");
            params.put("vendor", f.vendorId());
        }
        if (f.ownerId() != null) {
            sql.append(" and e.owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.type() != null) {
            sql.append(" and e.contract_type = :type");
            params.put("type", f.type().name());
        }
        // The outer query is "select … from (select e.* …)": the keyset condition and order name e.event_date / e.event_id.
        return "select e.* from (" + sql + ") e where 1 = 1";
    }

    private record Row(ContractEvent event, String eventId) {}

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate date = rs.getObject("event_date", LocalDate.class);
        String currency = rs.getString("currency");
        var event = new ContractEvent(
                date,
                ContractEvent.Kind.valueOf(rs.getString("kind")),
                rs.getObject("contract_id", UUID.class),
                rs.getString("title"),
                rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_name"),
                ContractType.valueOf(rs.getString("contract_type")),
                ContractStatus.valueOf(rs.getString("status")),
                rs.getObject("owner_id", UUID.class),
                null,
                rs.getBigDecimal("annual_value").setScale(Money.fractionDigits(currency), RoundingMode.HALF_EVEN),
                currency,
                rs.getInt("term_number"),
                ChronoUnit.DAYS.between(today, date),
                rs.getTimestamp("updated_at").toInstant());
        return new Row(event, rs.getString("event_id"));
    }

    private List<ContractEvent> named(List<ContractEvent> events) {
        Set<UUID> owners = new HashSet<>();
        events.stream().map(ContractEvent::ownerId).filter(java.util.Objects::nonNull).forEach(owners::add);
        if (owners.isEmpty()) {
            return events;
        }
        Map<UUID, String> names = members.displayNames(owners);
        return events.stream()
                .map(e -> e.ownerId() == null ? e : new ContractEvent(e.date(), e.kind(), e.contractId(), e.title(), e.vendorId(), e.vendorName(),
                        e.type(), e.status(), e.ownerId(), names.get(e.ownerId()), e.annualValue(), e.currency(), e.termNumber(), e.daysAway(),
                        e.updatedAt()))
                .toList();
    }

    // ---- settings

    @Transactional(readOnly = true)
    public ContractSettingsView settings() {
        Access.require(Permission.CONTRACTS_VIEW);
        var s = settings.get();
        return new ContractSettingsView(s.expiringWindowDays(), s.reminderDays(), s.version());
    }

    /** Saves the settings; contracts in force are re-judged against the new expiring window at once. */
    @Transactional
    public ContractSettingsView updateSettings(UpdateContractSettings command, long expectedVersion) {
        Access.require(Permission.CONTRACTS_MANAGE);
        Checks checks = new Checks().range("expiringWindowDays", command.expiringWindowDays(), 0, 365).required("reminderDays", command.reminderDays());
        List<Integer> days = command.reminderDays() == null ? List.of() : command.reminderDays();
        if (command.reminderDays() != null) {
            checks.rule(!days.isEmpty() && days.size() <= 10, "reminderDays", "count", "give between 1 and 10 reminder days")
                    .rule(days.stream().allMatch(d -> d != null && d >= 1 && d <= 365), "reminderDays", "range",
                            "each reminder day must be between 1 and 365");
        }
        checks.throwIfAny();
        List<Integer> sorted = new TreeSet<>(days).descendingSet().stream().toList();
        var before = settings.get();
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(before.version());
        }
        long version = settings.save(command.expiringWindowDays(), sorted, expectedVersion);
        if (version < 0) {
            throw new StaleVersionException(settings.get().version());
        }
        audit.record("contract-settings.updated", "ContractSettings", TenantContext.requireOrgId(),
                Map.of("expiringWindowDays", before.expiringWindowDays(), "reminderDays", before.reminderDays()),
                Map.of("expiringWindowDays", command.expiringWindowDays(), "reminderDays", sorted));
        LocalDate today = clock.today();
        for (Contract c : contracts.findByStatusInAndArchivedFalse(List.of(ContractStatus.ACTIVE, ContractStatus.EXPIRING))) {
            management.refresh(c, today, command.expiringWindowDays());
        }
        return new ContractSettingsView(command.expiringWindowDays(), sorted, version);
    }

    // ---- the calendar feed

    @Transactional(readOnly = true)
    public CalendarFeedView feed() {
        Access.require(Permission.CONTRACTS_VIEW);
        return activeFeed(TenantContext.requireOrgId())
                .map(f -> new CalendarFeedView(true, f.createdAt(), f.createdBy(),
                        f.createdBy() == null ? null : members.displayNames(List.of(f.createdBy())).get(f.createdBy()), f.lastUsedAt(), null))
                .orElse(new CalendarFeedView(false, null, null, null, null, null));
    }

    /**
     * Turns the feed on, or gives it a new secret address (the old one stops working at once). The answer carries the
     * address; it is not stored and cannot be shown again.
     */
    @Transactional
    public CalendarFeedView createFeed() {
        OrgAccess caller = Access.require(Permission.CONTRACTS_MANAGE);
        Instant now = Instant.now();
        boolean rotated = revokeActive(caller.orgId(), now) > 0;
        String token = TokenHashing.newSecret(FEED_PREFIX);
        UUID id = Ids.newId();
        jdbc.sql("insert into contract_calendar_feeds (id, org_id, token_hash, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(id, caller.orgId(), TokenHashing.sha256(token), caller.accountId(), Timestamp.from(now))
                .update();
        audit.record(rotated ? "contract-calendar-feed.rotated" : "contract-calendar-feed.created", "ContractCalendarFeed", id, null,
                Map.of("createdAt", now.toString()));
        String name = members.displayNames(List.of(caller.accountId())).get(caller.accountId());
        return new CalendarFeedView(true, now, caller.accountId(), name, null, feedUrl(token));
    }

    /** Turns the feed off: its address answers 404 from now on. */
    @Transactional
    public void revokeFeed(@Nullable String reason) {
        OrgAccess caller = Access.require(Permission.CONTRACTS_MANAGE);
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        var feed = activeFeed(caller.orgId()).orElseThrow(() -> new NotFoundException("Calendar feed"));
        revokeActive(caller.orgId(), Instant.now());
        audit.record("contract-calendar-feed.revoked", "ContractCalendarFeed", feed.id(), Map.of("active", true),
                AuditTrail.withReason(Map.of("active", false), reason));
    }

    /**
     * The feed of the organization whose active token this is, read without a signed-in person: the token is the
     * credential. Empty for an unknown or revoked token.
     */
    public Optional<String> ics(String token) {
        if (token == null || !token.startsWith(FEED_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = TokenHashing.sha256(token);
        record Feed(UUID id, UUID orgId) {}
        Optional<Feed> feed = jdbc.sql("select id, org_id from contract_calendar_feeds where token_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Feed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        UUID orgId = feed.get().orgId();
        return TenantContext.callInOrg(orgId, () -> organizations.find(orgId).filter(o -> !o.archived()).map(org -> {
            jdbc.sql("update contract_calendar_feeds set last_used_at = ? where id = ?")
                    .params(Timestamp.from(Instant.now()), feed.get().id())
                    .update();
            return tx.execute(s -> render(org));
        }));
    }

    /** From a year back to ten years ahead, every event of the organization, as an iCalendar. */
    private String render(OrganizationView org) {
        LocalDate today = LocalDate.ofInstant(clock.now(), java.time.ZoneId.of(org.timeZone()));
        Locale locale = Locale.forLanguageTag(org.locale());
        List<ContractEvent> events = read(org.id(), new ContractEventFilter(today.minusYears(1), today.plusYears(10), null, null, null, null),
                FEED_CAP, today);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ICalendar cal = new ICalendar()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//OpenCIO//Contract renewals//EN")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", messages.getMessage("renewals.feed.calendarName", new Object[] {org.name()}, locale))
                .text("X-WR-TIMEZONE", org.timeZone())
                .raw("REFRESH-INTERVAL;VALUE=DURATION", "PT6H")
                .raw("X-PUBLISHED-TTL", "PT6H");
        for (ContractEvent e : events) {
            String kind = messages.getMessage("renewals.kind." + e.kind().name(), null, locale);
            String summary = messages.getMessage("renewals.feed.summary", new Object[] {kind, e.title(), e.vendorName()}, locale);
            String link = baseUrl + "/o/" + org.slug() + "/contracts/" + e.contractId();
            String description = messages.getMessage("renewals.feed.description." + e.kind().name(),
                    new Object[] {e.title(), e.vendorName(), dates.format(e.date()), amount(e.annualValue(), e.currency(), locale), e.termNumber()},
                    locale) + "\n" + link;
            cal.begin("VEVENT")
                    .raw("UID", e.contractId() + "-" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "@opencio")
                    .utc("DTSTAMP", e.updatedAt())
                    .date("DTSTART", e.date())
                    .date("DTEND", e.date().plusDays(1))
                    .text("SUMMARY", summary)
                    .text("DESCRIPTION", description)
                    .raw("URL", link)
                    .text("CATEGORIES", kind)
                    .raw("TRANSP", "TRANSPARENT")
                    .begin("VALARM")
                    .raw("ACTION", "DISPLAY")
                    .text("DESCRIPTION", summary)
                    .raw("TRIGGER", e.kind() == ContractEvent.Kind.NOTICE_DEADLINE ? "-P14D" : "-P7D")
                    .end("VALARM")
                    .end("VEVENT");
        }
        return cal.end("VCALENDAR").build();
    }

    private static String amount(BigDecimal value, String currency, Locale locale) {
        var format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance(currency));
        return format.format(value);
    }

    String feedUrl(String token) {
        return baseUrl + "/calendar/" + token + ".ics";
    }

    private record ActiveFeed(UUID id, Instant createdAt, @Nullable UUID createdBy, @Nullable Instant lastUsedAt) {}

    private Optional<ActiveFeed> activeFeed(UUID orgId) {
        return jdbc.sql("select id, created_at, created_by, last_used_at from contract_calendar_feeds where org_id = ? and revoked_at is null "
                        + "order by created_at desc")
                .param(orgId)
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp(4);
                    return new ActiveFeed(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class),
                            used == null ? null : used.toInstant());
                })
                .list()
                .stream()
                .findFirst();
    }

    private int revokeActive(UUID orgId, Instant now) {
        return jdbc.sql("update contract_calendar_feeds set revoked_at = ? where org_id = ? and revoked_at is null")
                .params(Timestamp.from(now), orgId)
                .update();
    }
}

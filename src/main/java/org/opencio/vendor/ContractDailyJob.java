package org.opencio.vendor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily life of contracts, once per organization and local day (from {@code opencio.contracts.daily-hour}, 6 by
 * default, in the organization's time zone): auto-renewing terms past their end are renewed, others expire, statuses
 * follow the expiring window, commitments of finished terms are released, and owners and CIOs are reminded of notice
 * deadlines. The job ticks every hour and takes a ShedLock, so one node runs it at a time; within it, each
 * organization's settings row is locked while it is worked on and records the day it was done. A reminder is keyed by
 * contract, deadline and threshold in {@code contract_reminders}, inserted in the same transaction as the notification:
 * it is sent once, whatever restarts or repeated runs there are. A job that missed days sends only the latest threshold
 * reached.
 */
@Component
class ContractDailyJob {

    private static final Logger log = LoggerFactory.getLogger(ContractDailyJob.class);

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final ContractManagement management;
    private final ContractSettingsStore settings;
    private final ContractClock clock;
    private final OrganizationManagement organizations;
    private final MemberManagement members;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate orgTx;
    private final TransactionTemplate contractTx;
    private final int dailyHour;

    ContractDailyJob(
            JdbcClient jdbc,
            Contracts contracts,
            ContractManagement management,
            ContractSettingsStore settings,
            ContractClock clock,
            OrganizationManagement organizations,
            MemberManagement members,
            Notifications notifications,
            MessageSource messages,
            PlatformTransactionManager txManager,
            @Value("${opencio.contracts.daily-hour:6}") int dailyHour) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.management = management;
        this.settings = settings;
        this.clock = clock;
        this.organizations = organizations;
        this.members = members;
        this.notifications = notifications;
        this.messages = messages;
        this.orgTx = new TransactionTemplate(txManager);
        this.contractTx = new TransactionTemplate(txManager);
        this.contractTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dailyHour = dailyHour;
    }

    @Scheduled(cron = "${opencio.contracts.job-cron:0 7 * * * *}")
    @SchedulerLock(name = "contracts-daily", lockAtMostFor = "PT50M", lockAtLeastFor = "PT1M")
    void hourly() {
        run(clock.now());
    }

    /** Works on every organization whose local day has reached the daily hour and is not done yet; answers how many. */
    int run(Instant now) {
        List<UUID> orgIds = jdbc.sql("select distinct org_id from contracts where archived = false and (status in ('ACTIVE', 'EXPIRING') "
                        + "or (status = 'RENEWED' and budget_committed is not null and budget_released_on is null))")
                .query(UUID.class)
                .list();
        int done = 0;
        for (UUID orgId : orgIds) {
            try {
                if (runFor(orgId, now)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("Contract job failed for organization {}; it runs again within the hour", orgId, e);
            }
        }
        return done;
    }

    /** The organization's day, unless it is done already or its daily hour has not come yet. */
    boolean runFor(UUID orgId, Instant now) {
        OrganizationView org = organizations.find(orgId).filter(o -> !o.archived()).orElse(null);
        if (org == null) {
            return false;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, ZoneId.of(org.timeZone()));
        if (local.getHour() < dailyHour) {
            return false;
        }
        LocalDate today = local.toLocalDate();
        return TenantContext.callInOrg(orgId, () -> Boolean.TRUE.equals(orgTx.execute(status -> {
            var current = settings.lock(orgId);
            if (today.equals(current.lastRunOn())) {
                return false;
            }
            List<UUID> ids = jdbc.sql("select id from contracts where org_id = ? and archived = false and (status in ('ACTIVE', 'EXPIRING') "
                            + "or (status = 'RENEWED' and budget_committed is not null and budget_released_on is null)) order by id")
                    .param(orgId)
                    .query(UUID.class)
                    .list();
            for (UUID id : ids) {
                try {
                    contractTx.executeWithoutResult(s -> day(org, id, today, current));
                } catch (RuntimeException e) {
                    log.error("Contract job failed for contract {} of organization {}; the others go on", id, orgId, e);
                }
            }
            settings.markRun(orgId, today);
            return true;
        })));
    }

    private void day(OrganizationView org, UUID id, LocalDate today, ContractSettingsStore.Settings current) {
        Contract contract = contracts.lockById(id).orElse(null);
        if (contract == null || contract.archived()) {
            return;
        }
        int window = current.expiringWindowDays();
        if (contract.status() == ContractStatus.RENEWED) {
            management.releaseEnded(contract, today);
            return;
        }
        if (!contract.status().inForce()) {
            return;
        }
        if (contract.endDate() != null && contract.endDate().isBefore(today)) {
            if (contract.autoRenew()) {
                contract = renewUntilCurrent(org, contract, today, window);
            } else {
                management.expire(contract, today);
                tell(org, contract, "contract.expired", "contracts.notice.expired.title", "contracts.notice.expired.body",
                        contract.title(), vendorName(contract), date(org, contract.endDate()));
                return;
            }
        }
        management.refresh(contract, today, window);
        remind(org, contract, today, current.reminderDays());
    }

    /** Renews term after term until one covers today (a job that was down for long may owe several). */
    private Contract renewUntilCurrent(OrganizationView org, Contract contract, LocalDate today, int window) {
        Contract term = contract;
        for (int i = 0; i < 120 && term.endDate() != null && term.endDate().isBefore(today) && term.status().inForce(); i++) {
            Contract next = management.renew(term, RenewContract.asBefore(messages.getMessage("contracts.renewedAutomatically", null,
                    locale(org))), today, window, false);
            if (next.budgetLineId() != null && next.budgetCommitted() == null && next.annualValue().signum() > 0) {
                tell(org, next, "contract.budget-refused", "contracts.notice.budgetRefused.title", "contracts.notice.budgetRefused.body",
                        next.title(), vendorName(next), amount(org, next));
            }
            tell(org, next, "contract.renewed", "contracts.notice.renewed.title", "contracts.notice.renewed.body", next.title(),
                    vendorName(next), date(org, next.startDate()), date(org, next.endDate()), amount(org, next));
            term = next;
        }
        return term;
    }

    /** The reminder due today for the contract's decision date, once per contract, date and threshold. */
    private void remind(OrganizationView org, Contract contract, LocalDate today, List<Integer> thresholds) {
        LocalDate deadline = ContractDates.decisionDate(contract.noticeDeadline(), contract.endDate(), contract.autoRenew());
        if (deadline == null || thresholds.isEmpty()) {
            return;
        }
        OptionalInt due = ContractDates.dueReminder(deadline, today, thresholds);
        if (due.isEmpty()) {
            return;
        }
        Set<UUID> recipients = recipients(contract);
        int inserted = jdbc.sql("insert into contract_reminders (org_id, contract_id, deadline, days_before, sent_at, recipients) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(org.id(), contract.getId(), deadline, due.getAsInt(), Timestamp.from(Instant.now()), recipients.size())
                .update();
        if (inserted == 0) {
            return;
        }
        long left = ChronoUnit.DAYS.between(today, deadline);
        boolean notice = contract.noticeDeadline() != null;
        String key = notice ? "contracts.notice.reminder" : "contracts.notice.endReminder";
        String renewal = contract.autoRenew() && contract.nextRenewalDate() != null
                ? messages.getMessage("contracts.notice.renewsOn", new Object[] {date(org, contract.nextRenewalDate()), amount(org, contract)}, locale(org))
                : messages.getMessage("contracts.notice.endsOn", new Object[] {date(org, contract.endDate())}, locale(org));
        notifications.notify(recipients, new Notice("contract.reminder",
                messages.getMessage(key + ".title", new Object[] {left, contract.title()}, locale(org)),
                messages.getMessage(key + ".body", new Object[] {vendorName(contract), date(org, deadline), renewal}, locale(org)),
                link(org, contract)));
    }

    private void tell(OrganizationView org, Contract contract, String kind, String titleKey, String bodyKey, Object... args) {
        notifications.notify(recipients(contract), new Notice(kind, messages.getMessage(titleKey, args, locale(org)),
                messages.getMessage(bodyKey, args, locale(org)), link(org, contract)));
    }

    /** The contract's owner, while a member, and the organization's CIOs. */
    private Set<UUID> recipients(Contract contract) {
        Set<UUID> people = new LinkedHashSet<>();
        if (contract.ownerId() != null && members.isActiveMember(contract.ownerId())) {
            people.add(contract.ownerId());
        }
        people.addAll(members.activeAccounts(Role.CIO));
        return people;
    }

    private String vendorName(Contract contract) {
        return jdbc.sql("select coalesce(trading_name, legal_name) from vendors where org_id = ? and id = ?")
                .params(contract.orgId(), contract.vendorId())
                .query(String.class)
                .optional()
                .orElse("");
    }

    private static String link(OrganizationView org, Contract contract) {
        return "/o/" + org.slug() + "/contracts/" + contract.getId();
    }

    private static Locale locale(OrganizationView org) {
        return Locale.forLanguageTag(org.locale());
    }

    private static String date(OrganizationView org, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(org)).format(date);
    }

    private static String amount(OrganizationView org, Contract contract) {
        var format = java.text.NumberFormat.getCurrencyInstance(locale(org));
        format.setCurrency(java.util.Currency.getInstance(contract.currency()));
        return format.format(contract.annualValue());
    }
}

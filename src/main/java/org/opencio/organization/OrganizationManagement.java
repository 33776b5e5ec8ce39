package org.opencio.organization;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating organizations (platform administrators) and their settings (their CIO). */
@Service
public class OrganizationManagement {

    private final Organizations organizations;
    private final Memberships memberships;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final IdentityDirectory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    OrganizationManagement(
            Organizations organizations,
            Memberships memberships,
            Accounts accounts,
            AuditTrail audit,
            IdentityDirectory directory,
            ApplicationEventPublisher events,
            PlatformTransactionManager txManager,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A platform administrator creates an organization and becomes its first CIO (to invite the real one). */
    public OrganizationView create(CreateOrganization command) {
        Access.requirePlatformAdmin();
        return createWithCio(command, CurrentUser.require().accountId());
    }

    /** Creates the organization with the given account as its CIO, atomically (setup, bootstrap, demo). */
    OrganizationView createWithCio(CreateOrganization command, UUID cioAccountId) {
        validate(command);
        var org = new Organization(
                command.slug(),
                command.name(),
                command.baseCurrency(),
                command.timeZone(),
                command.locale(),
                command.fiscalYearStartMonth());
        return TenantContext.callInOrg(org.getId(), () -> tx.execute(status -> {
            if (organizations.existsBySlug(command.slug())) {
                throw new ConflictException("slug", "an organization with the slug '" + command.slug() + "' exists");
            }
            accounts.findById(cioAccountId).orElseThrow(() -> new NotFoundException("Account"));
            organizations.save(org);
            var cio = new Membership(cioAccountId, Role.CIO, null, BigDecimal.ZERO, org.baseCurrency());
            memberships.save(cio);
            audit.recordIn(org.getId(), "organization.created", "Organization", org.getId(), null, org.view());
            audit.recordIn(org.getId(), "member.added", "Membership", cio.getId(), null, cio.snapshot());
            events.publishEvent(new OrganizationCreated(org.getId(), org.slug()));
            return org.view();
        }));
    }

    /**
     * An organization by id, for work that runs without a member (scheduled jobs in each organization's time zone).
     * No permission is checked: only code calls this, never a request with an id from outside.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<OrganizationView> find(UUID orgId) {
        return organizations.findById(orgId).map(Organization::view);
    }

    @Transactional(readOnly = true)
    public OrganizationView current() {
        UUID orgId = TenantContext.requireAccess().orgId();
        return organizations.findById(orgId).orElseThrow(() -> new NotFoundException("Organization")).view();
    }

    @Transactional
    public OrganizationView update(UpdateOrganization command, long expectedVersion) {
        UUID orgId = Access.require(Permission.ORGANIZATION_MANAGE).orgId();
        new Checks()
                .text("name", command.name(), 200, true)
                .currency("baseCurrency", command.baseCurrency())
                .timeZone("timeZone", command.timeZone())
                .locale("locale", command.locale())
                .range("fiscalYearStartMonth", command.fiscalYearStartMonth(), 1, 12)
                .throwIfAny();
        Organization org = organizations.findById(orgId).orElseThrow(() -> new NotFoundException("Organization"));
        Versions.check(expectedVersion, org.version());
        var before = org.view();
        org.update(
                command.name(),
                command.baseCurrency(),
                command.timeZone(),
                command.locale(),
                command.fiscalYearStartMonth());
        organizations.saveAndFlush(org);
        audit.record("organization.updated", "Organization", orgId, before, org.view());
        return org.view();
    }

    /** The organizations the signed-in person is an active member of. */
    public List<MembershipSummary> mine() {
        return directory.memberships(CurrentUser.require().accountId()).stream()
                .map(a -> new MembershipSummary(a.slug(), a.orgName(), a.role(), a.baseCurrency(), a.timeZone()))
                .toList();
    }

    /**
     * The caller's organizations with their headline figures, read in one query per figure across all of them: the
     * home page of a fractional CIO.
     */
    @Transactional(readOnly = true)
    public List<OrganizationOverview> overview() {
        var mine = directory.memberships(CurrentUser.require().accountId());
        if (mine.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = mine.stream().map(org.opencio.platform.tenancy.OrgAccess::orgId).toList();
        var members = counts("select org_id, count(*) from memberships where active = true and org_id in (:ids) group by org_id", ids);
        var departments = counts("select org_id, count(*) from departments where archived = false and org_id in (:ids) group by org_id", ids);
        var invitations = counts("select org_id, count(*) from invitations where status = 'PENDING' and expires_at > current_timestamp "
                + "and org_id in (:ids) group by org_id", ids);
        return mine.stream()
                .map(a -> new OrganizationOverview(
                        a.slug(),
                        a.orgName(),
                        a.role(),
                        a.baseCurrency(),
                        a.timeZone(),
                        members.getOrDefault(a.orgId(), 0L),
                        departments.getOrDefault(a.orgId(), 0L),
                        invitations.getOrDefault(a.orgId(), 0L)))
                .toList();
    }

    private java.util.Map<UUID, Long> counts(String sql, List<UUID> orgIds) {
        var result = new java.util.HashMap<UUID, Long>();
        jdbc.sql(sql).param("ids", orgIds).query(rs -> {
            result.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return result;
    }

    @Transactional(readOnly = true)
    public boolean slugTaken(String slug) {
        return organizations.existsBySlug(slug);
    }

    void validateForCreate(CreateOrganization c) {
        validate(c);
    }

    private static void validate(CreateOrganization c) {
        new Checks()
                .text("name", c.name(), 200, true)
                .slug("slug", c.slug())
                .currency("baseCurrency", c.baseCurrency())
                .timeZone("timeZone", c.timeZone())
                .locale("locale", c.locale())
                .range("fiscalYearStartMonth", c.fiscalYearStartMonth(), 1, 12)
                .throwIfAny();
    }
}

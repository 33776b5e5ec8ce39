package org.opencio.organization;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.Role;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds organizations and people for tests through the real services. Every call makes fresh, uniquely named data,
 * so tests share one application context and one database without cleaning up.
 */
@Component
public class OrgFixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Accounts accounts;
    private final Memberships memberships;
    private final Organizations orgs;
    private final OrganizationManagement organizations;
    private final AccountManagement accountManagement;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final String passwordHash;

    OrgFixtures(
            Accounts accounts,
            Memberships memberships,
            Organizations orgs,
            OrganizationManagement organizations,
            AccountManagement accountManagement,
            AuditTrail audit,
            PasswordEncoder encoder,
            PlatformTransactionManager txManager) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.orgs = orgs;
        this.organizations = organizations;
        this.accountManagement = accountManagement;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /** A person in an organization, with an API token scoped to it. */
    public record Person(
            UUID accountId,
            UUID membershipId,
            String email,
            String name,
            Role role,
            String token,
            OrgAccess access,
            boolean platformAdmin) {

        public AccountPrincipal principal() {
            return new AccountPrincipal(accountId, email, name, platformAdmin, true, null, null);
        }

        public String bearer() {
            return "Bearer " + token;
        }
    }

    /** An organization and its CIO. */
    public record Org(UUID id, String slug, String name, Person cio) {}

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    public Org organization() {
        return organization("EUR");
    }

    public Org organization(String currency) {
        return organization(currency, false);
    }

    /**
     * A platform administrator: an account with the platform flag, CIO of an organization of its own so that it has an
     * API token (tokens always belong to one organization).
     */
    public Person platformAdmin() {
        return organization("EUR", true).cio();
    }

    private Org organization(String currency, boolean platformAdmin) {
        String slug = unique("org");
        String email = slug + "-cio@example.test";
        Account cio = tx.execute(s -> accounts.saveAndFlush(new Account(email, "CIO of " + slug, passwordHash, platformAdmin)));
        OrganizationView org = organizations.createWithCio(
                new CreateOrganization("Org " + slug, slug, currency, "Europe/Berlin", "en-GB", 1), cio.getId());
        UUID membershipId = TenantContext.callInOrg(
                org.id(), () -> tx.execute(s -> memberships.findByAccountId(cio.getId()).orElseThrow().getId()));
        Person person = withToken(org, cio, membershipId, Role.CIO);
        return new Org(org.id(), slug, org.name(), person);
    }

    /** A new person with the given role in the organization (and an API token there). */
    public Person member(Org org, Role role) {
        return member(org, role, null, BigDecimal.ZERO);
    }

    public Person member(Org org, Role role, UUID departmentId, BigDecimal limit) {
        String email = unique(role.name().toLowerCase()) + "@example.test";
        Account account = tx.execute(s -> accounts.saveAndFlush(new Account(email, "Person " + email, passwordHash, false)));
        return join(org, account, role, departmentId, limit);
    }

    /** Makes an existing person (from another organization) a member of this one too. */
    public Person join(Org org, Person existing, Role role) {
        Account account = accounts.findById(existing.accountId()).orElseThrow();
        return join(org, account, role, null, BigDecimal.ZERO);
    }

    private Person join(Org org, Account account, Role role, UUID departmentId, BigDecimal limit) {
        OrganizationView view = organizationView(org);
        UUID membershipId = RunAs.member(org.cio().principal(), org.cio().access(), () -> tx.execute(s -> {
            var membership = new Membership(account.getId(), role, departmentId, limit, view.baseCurrency());
            memberships.save(membership);
            audit.record("member.added", "Membership", membership.getId(), null, membership.snapshot());
            return membership.getId();
        }));
        return withToken(view, account, membershipId, role);
    }

    /** Runs work as this person, inside their organization, as a page or API request would. */
    public <T> T as(Person person, java.util.function.Supplier<T> work) {
        return RunAs.member(person.principal(), person.access(), work);
    }

    private OrganizationView organizationView(Org org) {
        return TenantContext.callInOrg(org.id(), () -> tx.execute(s -> orgs.findById(org.id()).orElseThrow().view()));
    }

    private Person withToken(OrganizationView org, Account account, UUID membershipId, Role role) {
        var access = new OrgAccess(org.id(), org.slug(), org.name(), org.baseCurrency(), org.timeZone(), org.locale(),
                account.getId(), membershipId, role);
        var principal = new AccountPrincipal(
                account.getId(), account.email(), account.displayName(), account.platformAdmin(), true, null, null);
        CreatedToken token = RunAs.member(principal, access, () -> tx.execute(s -> accountManagement.createToken(new CreateToken("tests", null))));
        return new Person(account.getId(), membershipId, account.email(), account.displayName(), role, token.secret(), access,
                account.platformAdmin());
    }
}

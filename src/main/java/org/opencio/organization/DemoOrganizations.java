package org.opencio.organization;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.demo.DemoData;
import org.opencio.platform.demo.DemoSettings;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.Role;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.security.TokenHashing;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode's people: a manufacturer (Acme) and a health provider (Northwind) served by one fractional CIO, with
 * departments and a person in every role.
 */
@Component
class DemoOrganizations implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganizations.class);

    static final String CIO_EMAIL = "dana.fischer@fractional-cio.example";

    private record Dept(String code, String name, String costCentre, @Nullable String parent) {}

    private record Person(String name, String email, Role role, @Nullable String dept, long limit) {}

    private final Accounts accounts;
    private final Organizations organizations;
    private final Memberships memberships;
    private final OrganizationManagement organizationManagement;
    private final DepartmentManagement departmentManagement;
    private final AuditTrail audit;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    DemoOrganizations(
            Accounts accounts,
            Organizations organizations,
            Memberships memberships,
            OrganizationManagement organizationManagement,
            DepartmentManagement departmentManagement,
            AuditTrail audit,
            PasswordEncoder encoder,
            PlatformTransactionManager txManager) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.memberships = memberships;
        this.organizationManagement = organizationManagement;
        this.departmentManagement = departmentManagement;
        this.audit = audit;
        this.encoder = encoder;
        this.tx = new TransactionTemplate(txManager);
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load(DemoSettings settings) {
        if (organizations.existsBySlug("acme")) {
            return;
        }
        String password = settings.password() != null && !settings.password().isBlank()
                ? settings.password()
                : TokenHashing.newSecret("").substring(0, 16);
        String hash = encoder.encode(password);
        Account cio = account("Dana Fischer", CIO_EMAIL, hash, true);
        var principal = new AccountPrincipal(cio.getId(), cio.email(), cio.displayName(), true, true, null, null);
        RunAs.person(principal, () -> {
            organization(
                    principal,
                    new CreateOrganization("Acme Manufacturing", "acme", "EUR", "Europe/Berlin", "en-GB", 1),
                    List.of(
                            new Dept("EXEC", "Executive Board", "CC-1000", null),
                            new Dept("IT", "Information Technology", "CC-2000", null),
                            new Dept("IT-INF", "Infrastructure", "CC-2100", "IT"),
                            new Dept("IT-APP", "Business Applications", "CC-2200", "IT"),
                            new Dept("IT-SD", "Service Desk", "CC-2300", "IT"),
                            new Dept("FIN", "Finance", "CC-3000", null),
                            new Dept("HR", "Human Resources", "CC-4000", null),
                            new Dept("SAL", "Sales", "CC-5000", null),
                            new Dept("OPS", "Operations", "CC-6000", null),
                            new Dept("OPS-PLT", "Plant Stuttgart", "CC-6100", "OPS")),
                    List.of(
                            new Person("Henrik Larsen", "henrik.larsen@acme.example", Role.EXECUTIVE, "EXEC", 1_000_000),
                            new Person("Claire Dubois", "claire.dubois@acme.example", Role.EXECUTIVE, "FIN", 250_000),
                            new Person("Marco Rossi", "marco.rossi@acme.example", Role.IT_MANAGER, "IT", 25_000),
                            new Person("Priya Natarajan", "priya.natarajan@acme.example", Role.IT_MANAGER, "IT-INF", 10_000),
                            new Person("Tom Becker", "tom.becker@acme.example", Role.IT_STAFF, "IT-SD", 0),
                            new Person("Lea Wagner", "lea.wagner@acme.example", Role.IT_STAFF, "IT-APP", 0),
                            new Person("Sofia Martins", "sofia.martins@acme.example", Role.EMPLOYEE, "SAL", 0),
                            new Person("Jonas Weber", "jonas.weber@acme.example", Role.EMPLOYEE, "OPS-PLT", 0),
                            new Person("Aylin Demir", "aylin.demir@acme.example", Role.EMPLOYEE, "HR", 0),
                            new Person("Oliver Grant", "oliver.grant@acme.example", Role.EMPLOYEE, "FIN", 0),
                            new Person("Mina Park", "mina.park@acme.example", Role.AUDITOR, null, 0)),
                    hash);
            organization(
                    principal,
                    new CreateOrganization("Northwind Health", "northwind", "USD", "America/New_York", "en-US", 7),
                    List.of(
                            new Dept("IT", "Information Technology", "4100", null),
                            new Dept("CLIN", "Clinical Operations", "2100", null),
                            new Dept("FIN", "Finance", "3100", null),
                            new Dept("ADM", "Administration", "1100", null)),
                    List.of(
                            new Person("Rachel Adams", "rachel.adams@northwind.example", Role.EXECUTIVE, "FIN", 500_000),
                            new Person("Grace Liu", "grace.liu@northwind.example", Role.IT_MANAGER, "IT", 20_000),
                            new Person("Sam Okafor", "sam.okafor@northwind.example", Role.IT_STAFF, "IT", 0),
                            new Person("Ben Carter", "ben.carter@northwind.example", Role.EMPLOYEE, "CLIN", 0),
                            new Person("Ivy Chen", "ivy.chen@northwind.example", Role.AUDITOR, null, 0)),
                    hash);
            return null;
        });
        log.warn("Demo data loaded. Sign in as {} (fractional CIO of acme and northwind) or any demo person "
                + "(e.g. marco.rossi@acme.example) with the password: {}", CIO_EMAIL, password);
    }

    private void organization(AccountPrincipal cio, CreateOrganization command, List<Dept> depts, List<Person> people, String hash) {
        OrganizationView org = organizationManagement.createWithCio(command, cio.accountId());
        UUID cioMembership = TenantContext.callInOrg(
                org.id(), () -> tx.execute(s -> memberships.findByAccountId(cio.accountId()).orElseThrow().getId()));
        var access = new OrgAccess(org.id(), org.slug(), org.name(), org.baseCurrency(), org.timeZone(), org.locale(),
                cio.accountId(), cioMembership, Role.CIO);
        RunAs.member(cio, access, () -> {
            Map<String, UUID> ids = new HashMap<>();
            for (Dept d : depts) {
                UUID parent = d.parent() == null ? null : ids.get(d.parent());
                ids.put(d.code(), departmentManagement.create(new SaveDepartment(d.code(), d.name(), d.costCentre(), parent, null)).id());
            }
            tx.executeWithoutResult(s -> {
                for (Person p : people) {
                    Account account = accounts.findByEmail(p.email()).orElseGet(() -> account(p.name(), p.email(), hash, false));
                    var membership = new Membership(account.getId(), p.role(), p.dept() == null ? null : ids.get(p.dept()),
                            BigDecimal.valueOf(p.limit()), org.baseCurrency());
                    memberships.save(membership);
                    audit.record("member.added", "Membership", membership.getId(), null, membership.snapshot());
                }
            });
            if (ids.containsKey("IT")) {
                UUID head = people.stream().filter(p -> p.role() == Role.IT_MANAGER).findFirst()
                        .flatMap(p -> accounts.findByEmail(p.email())).map(Account::getId).orElse(cio.accountId());
                var it = departmentManagement.get(ids.get("IT"));
                departmentManagement.update(it.id(), new SaveDepartment(it.code(), it.name(), it.costCentre(), null, head), it.version());
            }
            return null;
        });
    }

    private Account account(String name, String email, String hash, boolean admin) {
        return tx.execute(s -> accounts.saveAndFlush(new Account(email, name, hash, admin)));
    }
}

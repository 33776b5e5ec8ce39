package org.opencio.organization;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.TokenHashing;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First run. With bootstrap settings, creates the administrator, organization and API token unattended; otherwise,
 * while no account exists, logs a one-time setup link whose page creates them. No default password exists.
 */
@Service
@Order(10)
public class Setup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Setup.class);

    private final Accounts accounts;
    private final OrganizationManagement organizations;
    private final AccountManagement accountManagement;
    private final PasswordEncoder encoder;
    private final BootstrapSettings bootstrap;
    private final TransactionTemplate tx;
    private final String baseUrl;
    private @Nullable String setupToken;

    Setup(
            Accounts accounts,
            OrganizationManagement organizations,
            AccountManagement accountManagement,
            PasswordEncoder encoder,
            BootstrapSettings bootstrap,
            PlatformTransactionManager txManager,
            @Value("${opencio.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.accountManagement = accountManagement;
        this.encoder = encoder;
        this.bootstrap = bootstrap;
        this.tx = new TransactionTemplate(txManager);
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bootstrap.configured() && accounts.count() == 0) {
            runBootstrap();
        }
    }

    /** Called once start-up work (bootstrap, demo data) is done: prints the setup link if still nobody exists. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public synchronized void announce() {
        if (accounts.count() == 0) {
            setupToken = TokenHashing.newSecret("");
            log.warn("OpenCIO has no account yet. Finish the setup at {}/setup?token={}", baseUrl, setupToken);
        }
    }

    public boolean needed() {
        return accounts.count() == 0;
    }

    /** Whether this is the link the log printed (compared in constant time). */
    public synchronized boolean tokenValid(@Nullable String token) {
        return token != null
                && setupToken != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), setupToken.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized OrganizationView complete(@Nullable String token, SetupCommand command) {
        if (!needed() || !tokenValid(token)) {
            throw new NotFoundException("Setup");
        }
        var orgCommand = new CreateOrganization(
                command.orgName(),
                command.orgSlug(),
                command.baseCurrency(),
                command.timeZone(),
                command.locale(),
                command.fiscalYearStartMonth());
        // The form shows every mistake at once, each next to its field: the organization's name and slug are
        // orgName and orgSlug here.
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        var checks = new Checks().email("email", command.email()).text("displayName", command.displayName(), 200, true);
        PasswordPolicy.check(checks, "password", command.password(), command.email());
        try {
            checks.throwIfAny();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        try {
            organizations.validateForCreate(orgCommand);
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(new InvalidInputException.FieldError(
                    switch (f.field()) {
                        case "name" -> "orgName";
                        case "slug" -> "orgSlug";
                        default -> f.field();
                    },
                    f.code(),
                    f.detail())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OrganizationView org = createAdminAndOrg(command.email(), command.displayName(), command.password(), orgCommand);
        setupToken = null;
        return org;
    }

    private OrganizationView createAdminAndOrg(
            String email, String displayName, String password, CreateOrganization orgCommand) {
        // Validate the organization before creating the account, so a bad form leaves nothing behind.
        organizations.validateForCreate(orgCommand);
        if (organizations.slugTaken(orgCommand.slug())) {
            throw new ConflictException("orgSlug", "an organization with the slug '" + orgCommand.slug() + "' exists");
        }
        Account admin = tx.execute(s -> accounts.saveAndFlush(new Account(email, displayName, encoder.encode(password), true)));
        var principal = new org.opencio.platform.security.AccountPrincipal(
                admin.getId(), admin.email(), admin.displayName(), true, true, null, null);
        try {
            return org.opencio.platform.security.RunAs.person(
                    principal, () -> organizations.createWithCio(orgCommand, admin.getId()));
        } catch (RuntimeException e) {
            tx.executeWithoutResult(s -> accounts.deleteById(admin.getId()));
            throw e;
        }
    }

    private void runBootstrap() {
        var checks = new Checks().email("OPENCIO_BOOTSTRAP_ADMIN_EMAIL", bootstrap.adminEmail());
        PasswordPolicy.check(checks, "OPENCIO_BOOTSTRAP_ADMIN_PASSWORD", bootstrap.adminPassword(), bootstrap.adminEmail());
        checks.text("OPENCIO_BOOTSTRAP_ORG_NAME", bootstrap.orgName(), 200, true);
        checks.rule(
                bootstrap.apiToken() == null || bootstrap.apiToken().length() >= 20,
                "OPENCIO_BOOTSTRAP_API_TOKEN",
                "too-short",
                "OPENCIO_BOOTSTRAP_API_TOKEN must have at least 20 characters");
        checks.throwIfAny();
        String slug = bootstrap.orgSlug() != null ? bootstrap.orgSlug() : slugOf(bootstrap.orgName());
        var orgCommand = new CreateOrganization(
                bootstrap.orgName(),
                slug,
                bootstrap.currency() == null ? "EUR" : bootstrap.currency(),
                bootstrap.timeZone() == null ? "UTC" : bootstrap.timeZone(),
                "en-US",
                1);
        String name = bootstrap.adminName() == null ? "Administrator" : bootstrap.adminName();
        OrganizationView org = createAdminAndOrg(bootstrap.adminEmail(), name, bootstrap.adminPassword(), orgCommand);
        if (bootstrap.apiToken() != null && !bootstrap.apiToken().isBlank()) {
            Account admin = accounts.findByEmail(Account.normalize(bootstrap.adminEmail())).orElseThrow();
            accountManagement.issueBootstrapToken(admin, org, bootstrap.apiToken());
        }
        log.info("Bootstrap created the administrator and the organization '{}'", org.slug());
    }

    /** A URL-safe slug from a name: "Acme Manufacturing GmbH" → "acme-manufacturing-gmbh". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "org" : slug;
    }
}

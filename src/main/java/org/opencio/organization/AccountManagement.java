package org.opencio.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.Role;
import org.opencio.platform.security.RunAs;
import org.opencio.platform.security.TokenHashing;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own account: profile, password and personal access tokens. */
@Service
public class AccountManagement {

    static final String TOKEN_PREFIX = "ocio_";

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final OrganizationManagement organizations;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    AccountManagement(
            Accounts accounts,
            AccessTokens tokens,
            PasswordEncoder encoder,
            AuditTrail audit,
            OrganizationManagement organizations,
            org.springframework.transaction.PlatformTransactionManager txManager) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(txManager);
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public AccountView me() {
        AccountPrincipal me = CurrentUser.require();
        Account account = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("Account"));
        return new AccountView(
                account.getId(), account.email(), account.displayName(), account.platformAdmin(), organizations.mine());
    }

    /** Changes how the person is named everywhere (lists, audit trail entries from now on). */
    @Transactional
    public AccountView rename(@Nullable String displayName) {
        AccountPrincipal me = CurrentUser.require();
        new Checks().text("displayName", displayName, 200, true).throwIfAny();
        Account account = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("Account"));
        account.rename(displayName);
        accounts.save(account);
        return me();
    }

    @Transactional
    public void changePassword(ChangePassword command) {
        AccountPrincipal me = CurrentUser.require();
        Account account = accounts.findById(me.accountId()).orElseThrow(() -> new NotFoundException("Account"));
        if (command.currentPassword() == null
                || account.passwordHash() == null
                || !encoder.matches(command.currentPassword(), account.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "mismatch", "the current password is not correct");
        }
        var checks = new Checks();
        PasswordPolicy.check(checks, "newPassword", command.newPassword(), account.email());
        checks.throwIfAny();
        account.changePassword(encoder.encode(command.newPassword()));
        accounts.save(account);
    }

    /** The caller's tokens in the current organization, newest first. */
    @Transactional(readOnly = true)
    public List<TokenView> tokens() {
        OrgAccess access = TenantContext.requireAccess();
        return tokens.findByAccountIdOrderByCreatedAtDesc(access.accountId()).stream()
                .map(AccessToken::view)
                .toList();
    }

    @Transactional
    public CreatedToken createToken(CreateToken command) {
        OrgAccess access = TenantContext.requireAccess();
        new Checks()
                .text("name", command.name(), 100, true)
                .rule(
                        command.expiresInDays() == null
                                || (command.expiresInDays() >= 1 && command.expiresInDays() <= 3650),
                        "expiresInDays",
                        "range",
                        "expiresInDays must be between 1 and 3650")
                .throwIfAny();
        String secret = TokenHashing.newSecret(TOKEN_PREFIX);
        return issue(access.accountId(), command.name(), secret, command.expiresInDays());
    }

    /** Stores a token whose secret is already chosen (the bootstrap token an operator supplies). */
    CreatedToken issue(UUID accountId, String name, String secret, @Nullable Integer expiresInDays) {
        Instant expires = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
        var token = new AccessToken(
                accountId, name, secret.substring(0, Math.min(12, secret.length())), TokenHashing.sha256(secret), expires);
        tokens.saveAndFlush(token);
        audit.record("token.created", "AccessToken", token.getId(), null, token.snapshot());
        return new CreatedToken(token.view(), secret);
    }

    /** The operator-chosen bootstrap token, stored hashed like any other, in the new organization. */
    void issueBootstrapToken(Account admin, OrganizationView organization, String secret) {
        var person = new org.opencio.platform.security.AccountPrincipal(
                admin.getId(), admin.email(), admin.displayName(), true, true, null, null);
        var access = new OrgAccess(organization.id(), organization.slug(), organization.name(),
                organization.baseCurrency(), organization.timeZone(), organization.locale(),
                admin.getId(), admin.getId(), Role.CIO);
        RunAs.member(person, access, () -> tx.execute(s ->
                issue(admin.getId(), "Bootstrap token", secret, null)));
    }

    @Transactional
    public TokenView revokeToken(UUID id) {
        OrgAccess access = TenantContext.requireAccess();
        AccessToken token = tokens.findById(id)
                .filter(t -> t.accountId().equals(access.accountId()))
                .orElseThrow(() -> new NotFoundException("Token"));
        var before = token.snapshot();
        token.revoke(Instant.now());
        tokens.saveAndFlush(token);
        audit.record("token.revoked", "AccessToken", id, before, token.snapshot());
        return token.view();
    }
}

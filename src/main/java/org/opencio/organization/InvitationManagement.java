package org.opencio.organization;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.mail.Mailer;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.security.TokenHashing;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Inviting people into an organization, and their accepting. */
@Service
public class InvitationManagement {

    static final Map<String, String> SORTS = Map.of("createdAt", "i.created_at", "email", "i.email", "id", "i.id");

    private final Invitations invitations;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Departments departments;
    private final Organizations organizations;
    private final AuditTrail audit;
    private final Mailer mailer;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String baseUrl;
    private final Duration validity;

    InvitationManagement(
            Invitations invitations,
            Memberships memberships,
            Accounts accounts,
            Departments departments,
            Organizations organizations,
            AuditTrail audit,
            Mailer mailer,
            PasswordEncoder encoder,
            JdbcClient jdbc,
            PlatformTransactionManager txManager,
            @Value("${opencio.base-url}") String baseUrl,
            @Value("${opencio.security.invitation-validity:7d}") Duration validity) {
        this.invitations = invitations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.departments = departments;
        this.organizations = organizations;
        this.audit = audit;
        this.mailer = mailer;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
    }

    @Transactional(readOnly = true)
    public CursorPage<InvitationView> list(
            @Nullable String status, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.MEMBERS_MANAGE).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("createdAt", "email"), "-createdAt");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT + " where i.org_id = :org");
        if (status != null && !status.isBlank()) {
            switch (status) {
                case "PENDING" -> sql.append(" and i.status = 'PENDING' and i.expires_at > :now");
                case "EXPIRED" -> sql.append(" and i.status = 'PENDING' and i.expires_at <= :now");
                case "ACCEPTED", "REVOKED" -> sql.append(" and i.status = '").append(status).append("'");
                default -> throw InvalidInputException.of(
                        "status", "enum", "status must be one of PENDING, ACCEPTED, REVOKED, EXPIRED");
            }
            params.put("now", java.sql.Timestamp.from(Instant.now()));
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<InvitationView> rows = jdbc.sql(sql.toString()).params(params).query(InvitationManagement::view).list();
        return keyset.page(rows, request, i -> switch (request.sort().iterator().next().getProperty()) {
            case "email" -> Map.of("email", i.email(), "id", i.id());
            default -> Map.of("createdAt", i.createdAt(), "id", i.id());
        });
    }

    @Transactional(readOnly = true)
    public InvitationView get(UUID id) {
        return find(Access.require(Permission.MEMBERS_MANAGE).orgId(), id);
    }

    @Transactional
    public InvitationSent invite(InviteMember command) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        var checks = new Checks()
                .email("email", command.email())
                .required("role", command.role())
                .money("approvalLimit", command.approvalLimit());
        if (command.departmentId() != null) {
            checks.rule(
                    departments.findById(command.departmentId()).filter(d -> !d.archived()).isPresent(),
                    "departmentId",
                    "unknown",
                    "departmentId names no active department of this organization");
        }
        checks.throwIfAny();
        if (!caller.role().mayGrant(command.role())) {
            throw new ForbiddenException("your role may not invite a " + command.role());
        }
        ApprovalLimits.requireMayGrant(caller, memberships,
                command.approvalLimit() == null ? BigDecimal.ZERO : command.approvalLimit(), null);
        String email = Account.normalize(command.email());
        accounts.findByEmail(email)
                .flatMap(a -> memberships.findByAccountId(a.getId()))
                .filter(Membership::active)
                .ifPresent(m -> {
                    throw new ConflictException("email", email + " is already a member");
                });
        if (invitations.existsByEmailAndStatusAndExpiresAtAfter(email, InvitationStatus.PENDING, Instant.now())) {
            throw new ConflictException("email", "a pending invitation for " + email + " exists; resend or revoke it");
        }
        String secret = TokenHashing.newSecret("inv_");
        var invitation = new Invitation(
                email,
                command.role(),
                command.departmentId(),
                command.approvalLimit() == null ? BigDecimal.ZERO : command.approvalLimit(),
                TokenHashing.sha256(secret),
                caller.accountId(),
                Instant.now().plus(validity));
        invitations.saveAndFlush(invitation);
        audit.record("invitation.created", "Invitation", invitation.getId(), null, invitation.snapshot());
        return deliver(caller, invitation, secret, invitation.expiresAt());
    }

    /** A new link for a pending invitation (the old link stops working) with a fresh validity. */
    @Transactional
    public InvitationSent resend(UUID id) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        Invitation invitation = invitations.findById(id).orElseThrow(() -> new NotFoundException("Invitation"));
        if (invitation.status() != InvitationStatus.PENDING) {
            throw new ConflictException("status", "only a pending invitation can be resent");
        }
        String secret = TokenHashing.newSecret("inv_");
        Instant expires = Instant.now().plus(validity);
        jdbc.sql("update invitations set token_hash = ?, expires_at = ?, version = version + 1 where id = ? and org_id = ?")
                .params(TokenHashing.sha256(secret), java.sql.Timestamp.from(expires), id, caller.orgId())
                .update();
        audit.record("invitation.resent", "Invitation", id, null, invitation.snapshot());
        return deliver(caller, invitation, secret, expires);
    }

    @Transactional
    public InvitationView revoke(UUID id, @Nullable String reason) {
        OrgAccess caller = Access.require(Permission.MEMBERS_MANAGE);
        Invitation invitation = invitations.findById(id).orElseThrow(() -> new NotFoundException("Invitation"));
        var before = invitation.snapshot();
        invitation.revoke();
        invitations.saveAndFlush(invitation);
        audit.record(
                "invitation.revoked", "Invitation", id, before, AuditTrail.withReason(invitation.snapshot(), reason));
        return find(caller.orgId(), id);
    }

    /** What an invitation link offers, for the page that opens it; an unknown or used link is not found. */
    public InvitationPreview preview(String token) {
        UUID orgId = orgOf(token);
        return TenantContext.callInOrg(orgId, () -> tx.execute(status -> {
            Invitation invitation = open(token);
            Organization org = organizations.findById(orgId).orElseThrow(() -> new NotFoundException("Invitation"));
            return new InvitationPreview(
                    org.name(),
                    invitation.email(),
                    invitation.role(),
                    accounts.findByEmail(invitation.email()).isPresent());
        }));
    }

    /**
     * Accepts an invitation: creates the person's account (or, for someone who has one, checks their password) and
     * their membership. Answers the organization's slug.
     */
    public String accept(AcceptInvitation command) {
        if (command.token() == null || command.token().isBlank()) {
            throw InvalidInputException.of("token", "required", "token is required");
        }
        UUID orgId = orgOf(command.token());
        return TenantContext.callInOrg(orgId, () -> tx.execute(status -> {
            Invitation invitation = open(command.token());
            Organization org = organizations.findById(orgId).orElseThrow(() -> new NotFoundException("Invitation"));
            Account account = accounts.findByEmail(invitation.email()).orElse(null);
            if (account == null) {
                var checks = new Checks().text("displayName", command.displayName(), 200, true);
                PasswordPolicy.check(checks, "password", command.password(), invitation.email());
                checks.throwIfAny();
                account = accounts.saveAndFlush(new Account(
                        invitation.email(), command.displayName(), encoder.encode(command.password()), false));
            } else if (command.password() == null
                    || account.passwordHash() == null
                    || !encoder.matches(command.password(), account.passwordHash())) {
                throw InvalidInputException.of(
                        "password", "mismatch", "enter the password of your existing OpenCIO account");
            }
            Account person = account;
            Membership membership = memberships.findByAccountId(person.getId()).orElse(null);
            String action;
            Object before = null;
            if (membership == null) {
                membership = new Membership(
                        person.getId(),
                        invitation.role(),
                        invitation.departmentId(),
                        invitation.approvalLimit(),
                        org.baseCurrency());
                action = "member.added";
            } else if (membership.active()) {
                throw new ConflictException("email", "you are already a member of " + org.name());
            } else {
                before = membership.snapshot();
                membership.change(invitation.role(), invitation.departmentId(), invitation.approvalLimit());
                membership.reactivate();
                action = "member.reactivated";
            }
            var invitationBefore = invitation.snapshot();
            invitation.accept(Instant.now());
            invitations.saveAndFlush(invitation);
            memberships.saveAndFlush(membership);
            audit.recordFor(orgId, person.getId(), person.displayName(), "invitation.accepted", "Invitation",
                    invitation.getId(), invitationBefore, invitation.snapshot());
            audit.recordFor(orgId, person.getId(), person.displayName(), action, "Membership", membership.getId(),
                    before, membership.snapshot());
            return org.slug();
        }));
    }

    private UUID orgOf(String token) {
        return jdbc.sql("select org_id from invitations where token_hash = ?")
                .param(TokenHashing.sha256(token))
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    private Invitation open(String token) {
        Invitation invitation = invitations
                .findByTokenHash(TokenHashing.sha256(token))
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (!invitation.isOpen(Instant.now())) {
            throw new NotFoundException("Invitation");
        }
        return invitation;
    }

    /** Sends (or hands back) the link; {@code expires} is the link's own end, which a resend moves. */
    private InvitationSent deliver(OrgAccess caller, Invitation invitation, String secret, Instant expires) {
        String url = baseUrl + "/invitations/" + secret;
        boolean emailed = mailer.send(
                invitation.email(),
                "You are invited to " + caller.orgName() + " on OpenCIO",
                "Hello,\n\nyou have been invited to join " + caller.orgName() + " on OpenCIO as "
                        + invitation.role().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                        + ".\n\nOpen this link to accept (valid until " + expires + "):\n" + url
                        + "\n\nIf you did not expect this invitation, ignore this message.\n");
        return new InvitationSent(find(caller.orgId(), invitation.getId()), emailed, emailed ? null : url);
    }

    private InvitationView find(UUID orgId, UUID id) {
        return jdbc.sql(SELECT + " where i.org_id = :org and i.id = :id")
                .param("org", orgId)
                .param("id", id)
                .query(InvitationManagement::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    private static final String SELECT = "select i.id, i.email, i.role, i.department_id, d.name as department_name, "
            + "i.approval_limit, i.status, a.display_name as invited_by, i.expires_at, i.created_at, i.version "
            + "from invitations i left join departments d on d.id = i.department_id and d.org_id = i.org_id "
            + "left join accounts a on a.id = i.invited_by";

    private static InvitationView view(ResultSet rs, int n) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        String status = rs.getString("status");
        if ("PENDING".equals(status) && !expires.isAfter(Instant.now())) {
            status = "EXPIRED";
        }
        return new InvitationView(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("department_id", UUID.class),
                rs.getString("department_name"),
                rs.getBigDecimal("approval_limit"),
                status,
                String.valueOf(rs.getString("invited_by")),
                expires,
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"));
    }
}

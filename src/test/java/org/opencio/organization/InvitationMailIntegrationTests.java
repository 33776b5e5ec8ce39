package org.opencio.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.Pages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Invitations sent through a real SMTP server (GreenMail, in this JVM): the link travels only by email, and the
 * person who receives it joins with it. This is the one test class with a mail server, hence its own context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InvitationMailIntegrationTests {

    private static final Pattern LINK = Pattern.compile("(\\S+)/invitations/([A-Za-z0-9_-]+)");
    private static final Pattern VALID_UNTIL = Pattern.compile("valid until ([^)]+)\\)");

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> MAIL.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.opencio.platform.notification.Notifications notifications;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** A notification reaches its recipient by email too, once the change that caused it has committed. */
    @Test
    void notificationsAreEmailedToTheirRecipients() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        String title = "Budget line " + OrgFixtures.unique("NET") + " is over plan";
        fixtures.as(org.cio(), () -> tx.execute(status -> notifications.notify(
                List.of(manager.accountId()),
                new org.opencio.platform.notification.Notice("test.mail", title, "Network maintenance", "/o/" + org.slug() + "/budgets"))));

        MimeMessage mail = null;
        for (int i = 0; i < 100 && mail == null; i++) {
            mail = Arrays.stream(MAIL.getReceivedMessages())
                    .filter(m -> subject(m).equals(title))
                    .findFirst()
                    .orElse(null);
            if (mail == null) {
                Thread.sleep(100);
            }
        }
        assertThat(mail).as("the notification email").isNotNull();
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(manager.email());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
                .contains("Network maintenance")
                .contains("/o/" + org.slug() + "/budgets");
        // It is marked as emailed, so a restart does not send it again.
        long emailed = 0;
        for (int i = 0; i < 50 && emailed == 0; i++) {
            emailed = jdbc.sql("select count(*) from notifications where account_id = ? and emailed_at is not null")
                    .param(manager.accountId())
                    .query(Long.class)
                    .single();
            if (emailed == 0) {
                Thread.sleep(100);
            }
        }
        assertThat(emailed).isEqualTo(1);
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void anInvitationIsEmailedAndItsLinkMakesTheInviteeAMember() throws Exception {
        var org = fixtures.organization();
        String email = OrgFixtures.unique("nora") + "@example.test";

        invite(org, email, Role.IT_STAFF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.emailed").value(true))
                .andExpect(jsonPath("$.acceptUrl").doesNotExist())
                .andExpect(jsonPath("$.invitation.status").value("PENDING"));

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains(org.name());
        String body = text(mails.getFirst());
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("the email carries the invitation link: %s", body).isTrue();
        assertThat(link.group(1)).isEqualTo("http://localhost:8080");
        String token = link.group(2);

        mvc.perform(get("/invitations/" + token)).andExpect(status().isOk());
        accept(token, "Nora New", "a-long-enough-password")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgSlug").value(org.slug()));

        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[?(@.email == '" + email + "')].role").value(hasItem("IT_STAFF")))
                .andExpect(jsonPath("$.items[?(@.email == '" + email + "')].displayName").value(hasItem("Nora New")));
        List<String> actions = read(mvc.perform(as(org.cio(), get(auditEvents(org)).param("limit", "3"))), "$.items[*].action");
        assertThat(actions).containsExactly("member.added", "invitation.accepted", "invitation.created");
        mvc.perform(as(org.cio(), get(auditEvents(org)).param("action", "member.added").param("limit", "1")))
                .andExpect(jsonPath("$.items[0].actorName").value("Nora New"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/invitations")))
                .andExpect(jsonPath("$.items[0].status").value("ACCEPTED"));

        // The new person signs in with the password they chose.
        Pages.signIn(mvc, email, "a-long-enough-password");
    }

    @Test
    void aPersonWithAnAccountAcceptsWithTheirOwnPassword() throws Exception {
        var org = fixtures.organization();
        var elsewhere = fixtures.organization();
        var person = elsewhere.cio();
        invite(org, person.email(), Role.EXECUTIVE).andExpect(jsonPath("$.emailed").value(true));
        String token = tokenFromMailTo(person.email());
        long seq = lastAuditSeq(mvc, org);

        accept(token, "Somebody Else", "not-their-password")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("password"));
        accept(token, null, null)
                .andExpect(status().isBadRequest())
                .andExpect(namesField("password"));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[*].email", not(hasItem(person.email()))));

        accept(token, "Somebody Else", OrgFixtures.PASSWORD).andExpect(status().isOk());

        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[?(@.email == '" + person.email() + "')].role").value(hasItem("EXECUTIVE")))
                .andExpect(jsonPath("$.items[?(@.email == '" + person.email() + "')].displayName").value(hasItem(person.name())));
        // One account, now in both organizations; the password is unchanged.
        var session = Pages.signIn(mvc, person.email(), OrgFixtures.PASSWORD);
        mvc.perform(get("/o/" + org.slug()).cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/o/" + elsewhere.slug()).cookie(session)).andExpect(status().isOk());
    }

    @Test
    void usedRevokedExpiredAndUnknownLinksAreNotFound() throws Exception {
        var org = fixtures.organization();

        String used = OrgFixtures.unique("used") + "@example.test";
        invite(org, used, Role.EMPLOYEE).andExpect(status().isCreated());
        String usedToken = tokenFromMailTo(used);
        accept(usedToken, "Used Once", "a-long-enough-password").andExpect(status().isOk());

        String revoked = OrgFixtures.unique("revoked") + "@example.test";
        String revokedId = read(invite(org, revoked, Role.EMPLOYEE), "$.invitation.id");
        String revokedToken = tokenFromMailTo(revoked);
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations/" + revokedId + "/revoke"),
                        "{\"reason\": \"sent to the wrong person\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));

        String expired = OrgFixtures.unique("expired") + "@example.test";
        String expiredId = read(invite(org, expired, Role.EMPLOYEE), "$.invitation.id");
        String expiredToken = tokenFromMailTo(expired);
        expire(expiredId);
        long seq = lastAuditSeq(mvc, org);

        for (String token : List.of(usedToken, revokedToken, expiredToken, "inv_no-such-invitation")) {
            accept(token, "Too Late", "a-long-enough-password")
                    .andExpect(status().isNotFound())
                    .andExpect(problem());
            mvc.perform(get("/invitations/" + token)).andExpect(status().isNotFound());
        }

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get(members(org))))
                .andExpect(jsonPath("$.items[*].email", not(hasItem(revoked))))
                .andExpect(jsonPath("$.items[*].email", not(hasItem(expired))))
                .andExpect(jsonPath("$.items[?(@.email == '" + used + "')].displayName").value(hasItem("Used Once")));
    }

    @Test
    void aNewLinkReplacesTheOldOneWithAFreshValidity() throws Exception {
        var org = fixtures.organization();
        String email = OrgFixtures.unique("late") + "@example.test";
        String id = read(invite(org, email, Role.EMPLOYEE), "$.invitation.id");
        String oldToken = tokenFromMailTo(email);
        expire(id);

        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations/" + id + "/resend")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailed").value(true))
                .andExpect(jsonPath("$.invitation.status").value("PENDING"));

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        String body = text(mails.getLast());
        Matcher validUntil = VALID_UNTIL.matcher(body);
        assertThat(validUntil.find()).as("the email says how long the link is valid: %s", body).isTrue();
        assertThat(Instant.parse(validUntil.group(1).trim())).isAfter(Instant.now());
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();

        accept(oldToken, "Late Comer", "a-long-enough-password").andExpect(status().isNotFound());
        accept(link.group(2), "Late Comer", "a-long-enough-password").andExpect(status().isOk());
    }

    private ResultActions invite(Org org, String email, Role role) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations"),
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
    }

    private ResultActions accept(String token, String displayName, String password) throws Exception {
        String json = "{\"token\": \"" + token + "\""
                + (displayName == null ? "" : ", \"displayName\": \"" + displayName + "\"")
                + (password == null ? "" : ", \"password\": \"" + password + "\"") + "}";
        return mvc.perform(post("/api/v1/invitations/accept")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private void expire(String invitationId) {
        jdbc.sql("update invitations set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(invitationId))
                .update();
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The plain text of a message, with any transfer encoding undone. */
    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenFromMailTo(String email) {
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        Matcher link = LINK.matcher(text(mails.getFirst()));
        assertThat(link.find()).isTrue();
        return link.group(2);
    }

    private static String members(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/members";
    }

    private static String auditEvents(Org org) {
        return "/api/v1/orgs/" + org.slug() + "/audit-events";
    }
}

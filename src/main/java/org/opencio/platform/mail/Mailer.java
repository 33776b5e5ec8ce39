package org.opencio.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends email when a mail server is configured ({@code spring.mail.host}); callers fall back to showing links. */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${opencio.mail.from:opencio@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends one plain-text message; answers whether it was handed to the mail server. */
    public boolean send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Mail to a recipient could not be sent: {}", e.getMessage());
            return false;
        }
    }

    /** Sends one plain-text message with one attached file; answers whether it was handed to the mail server. */
    public boolean send(String to, String subject, String text, String filename, byte[] attachment, String contentType) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            helper.addAttachment(filename, new ByteArrayResource(attachment), contentType);
            mail.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            log.warn("Mail to a recipient could not be sent: {}", e.getMessage());
            return false;
        }
    }
}

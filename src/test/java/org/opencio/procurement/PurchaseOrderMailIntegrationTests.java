package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.procurement.PurchaseOrderIntegrationTests.base;
import static org.opencio.procurement.PurchaseOrderIntegrationTests.orders;
import static org.opencio.procurement.PurchaseOrderIntegrationTests.withVendor;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A purchase order emailed to the vendor's contact through a real SMTP server (GreenMail), its PDF attached. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PurchaseOrderMailIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

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
    ContractFixtures contracts;

    @Test
    void theOrderIsEmailedToTheVendorContactWithItsPdf() throws Exception {
        Org org = fixtures.organization();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        UUID vendor = contracts.vendor(org, "Bechtle AG");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        String contact = read(mvc.perform(as(org.cio(), post(base(org) + "/vendors/" + vendor + "/contacts"),
                "{\"name\":\"Jana Weber\",\"kind\":\"ACCOUNT_MANAGER\",\"email\":\"jana.weber@bechtle.example\"}")).andExpect(status().isCreated()), "$.id");
        String silent = read(mvc.perform(as(org.cio(), post(base(org) + "/vendors/" + vendor + "/contacts"),
                "{\"name\":\"No Mail\",\"kind\":\"SUPPORT\"}")).andExpect(status().isCreated()), "$.id");
        String request = draft(mvc, org, employee, withVendor(body("Headsets", budgetLine, line("Headset", "5", "80", "EUR")), vendor));
        act(mvc, org, employee, request, "submit", "{}").andExpect(status().isOk());
        act(mvc, org, manager, request, "approve", "{}").andExpect(status().isOk());
        String order = read(mvc.perform(as(manager, get(orders(org)).param("requestId", request))), "$.items[0].id");
        String number = read(mvc.perform(as(manager, get(orders(org) + "/" + order))), "$.number");

        mvc.perform(as(manager, post(orders(org) + "/" + order + "/send"), "{}")).andExpect(status().isBadRequest()).andExpect(namesField("contactId"));
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/send"), "{\"contactId\":\"" + silent + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("contactId"));
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/send"), "{\"to\":\"not an address\"}")).andExpect(namesField("to"));
        mvc.perform(as(manager, post(orders(org) + "/" + order + "/send"), "{\"contactId\":\"" + contact + "\",\"message\":\"Delivery to gate 3, please.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sentTo").value("jana.weber@bechtle.example"))
                .andExpect(jsonPath("$.sentAt").exists());

        // The requester's notifications travel by mail too: the vendor's message is the one to the contact.
        MimeMessage mail = null;
        for (int i = 0; i < 100 && mail == null; i++) {
            mail = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(PurchaseOrderMailIntegrationTests::toVendor).findFirst().orElse(null);
            if (mail == null) {
                Thread.sleep(100);
            }
        }
        assertThat(mail).as("the order email").isNotNull();
        assertThat(mail.getSubject()).contains(number);
        StringBuilder text = new StringBuilder();
        java.util.List<Part> attachments = new java.util.ArrayList<>();
        walk(mail, text, attachments);
        assertThat(text.toString()).contains("Delivery to gate 3, please.").contains(number);
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.getFileName()).isEqualTo(number + ".pdf");
            assertThat(a.getContentType()).startsWith("application/pdf");
        });
        byte[] pdf = attachments.getFirst().getInputStream().readAllBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(number, "Bechtle AG", "attn. Jana Weber", "Headset", "400.00 EUR");
        }
        mvc.perform(as(manager, get(orders(org) + "/" + order))).andExpect(jsonPath("$.contactId").value(contact));
    }

    /** The text parts and the attachments of a message, however deeply its parts nest. */
    private static void walk(Part part, StringBuilder text, java.util.List<Part> attachments) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), text, attachments);
            }
        } else if (part.isMimeType("text/*")) {
            text.append(part.getContent());
        }
    }

    private static boolean toVendor(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString().equals("jana.weber@bechtle.example");
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}

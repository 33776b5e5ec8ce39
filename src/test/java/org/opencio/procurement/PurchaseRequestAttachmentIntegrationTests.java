package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Attachments of a purchase request through the API: the requester attaches a quote while the request is open, the
 * people who see the request download it as a file, the requester or a CIO or IT manager removes it, and a file is
 * taken for what its bytes are, never for its name.
 */
@IntegrationTest
class PurchaseRequestAttachmentIntegrationTests {

    /** A whole, minimal PDF: header, catalogue, pages, cross-reference table and trailer. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer << /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void theRequesterAttachesAQuoteThatTheApproverDownloadsAsAFile() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Docking stations", null, line("Dock", "3", "180", "EUR")));
        String base = attachments(org, id);

        var added = upload(employee, base, "C:\\quotes\\Quote \"Contoso\" é.pdf", "application/pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.fileName").value("Quote Contoso é.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(PDF.length))
                .andExpect(jsonPath("$.createdBy").value(employee.accountId().toString()))
                .andExpect(jsonPath("$.createdByName").value(employee.name()));
        String pdf = read(added, "$.id");
        // Images as their bytes show; the type stored is the type found, not the one declared.
        upload(employee, base, "screenshot.png", "application/octet-stream", PNG).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
        upload(employee, base, "photo", null, JPEG).andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/jpeg"));
        upload(employee, base, "offer.webp", "image/webp", WEBP).andExpect(status().isCreated());
        // The same file twice is one attachment.
        upload(employee, base, "again.pdf", "application/pdf", PDF).andExpect(status().isConflict()).andExpect(namesField("file"));

        mvc.perform(as(employee, get(base)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].id").value(pdf));

        var download = mvc.perform(as(org.cio(), get(base + "/" + pdf)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''Quote%20Contoso%20%C3%A9.pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);

        List<String> actions = jdbc.sql("select action from audit_events where org_id = ? and entity_id = ? order by seq")
                .params(org.id(), id).query(String.class).list();
        assertThat(actions).containsExactly("purchase-request.created", "purchase-request.attachment-added", "purchase-request.attachment-added",
                "purchase-request.attachment-added", "purchase-request.attachment-added");
    }

    @Test
    void aFileIsTakenForWhatItsBytesAreAndRefusedWhenItIsNotWhatItClaims() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Licences", null, line("Licence", "1", "90", "EUR")));
        String base = attachments(org, id);

        upload(employee, base, "quote.pdf", "application/pdf", PNG)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(namesField("file"))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:upload-type-mismatch"))
                .andExpect(jsonPath("$.detail").value(containsString("PNG image")));
        upload(employee, base, "quote.pdf", "application/pdf", "Dear customer, our price is 90 EUR.".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(namesField("file"))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:upload-unsupported-type"));
        // A real PDF under another name or declared as another type is not what it claims either.
        upload(employee, base, "quote.txt", "text/plain", PDF).andExpect(status().isUnsupportedMediaType()).andExpect(namesField("file"));
        upload(employee, base, "quote.pdf", "image/png", PDF).andExpect(status().isUnsupportedMediaType()).andExpect(namesField("file"));
        upload(employee, base, "empty.pdf", "application/pdf", new byte[0]).andExpect(status().isBadRequest()).andExpect(namesField("file"));
        mvc.perform(as(employee, multipart(base))).andExpect(status().isBadRequest()).andExpect(namesField("file"));
        byte[] big = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        upload(employee, base, "big.pdf", "application/pdf", big)
                .andExpect(status().isContentTooLarge())
                .andExpect(namesField("file"))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:upload-too-large"));
        assertThat(stored(org)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_events where org_id = ? and action like 'purchase-request.attachment%'")
                .param(org.id()).query(Long.class).single()).isZero();

        upload(employee, base, "quote.PDF", "application/pdf", PDF).andExpect(status().isCreated());
        assertThat(stored(org)).isEqualTo(1);
    }

    @Test
    void aRequestHoldsAtMostTwentyAttachments() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Cables", null, line("Cable", "10", "5", "EUR")));
        String base = attachments(org, id);
        for (int i = 0; i < 20; i++) {
            upload(employee, base, "quote-" + i + ".pdf", "application/pdf", pdfNumbered(i)).andExpect(status().isCreated());
        }
        upload(employee, base, "quote-20.pdf", "application/pdf", pdfNumbered(20))
                .andExpect(status().isConflict())
                .andExpect(namesField("file"));
        String first = read(mvc.perform(as(employee, get(base))), "$[0].id");
        mvc.perform(as(employee, delete(base + "/" + first))).andExpect(status().isNoContent());
        upload(employee, base, "quote-20.pdf", "application/pdf", pdfNumbered(20)).andExpect(status().isCreated());
    }

    @Test
    void whoMayAddDownloadAndRemoveFollowsTheRequestAndItsStatus() throws Exception {
        Org org = fixtures.organization();
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(), "\"code\":\"HW\",\"amount\":100000");
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        Person colleague = fixtures.member(org, Role.EMPLOYEE);
        Person delegate = fixtures.member(org, Role.EMPLOYEE);
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        Person staff = fixtures.member(org, Role.IT_STAFF);
        Person auditor = fixtures.member(org, Role.AUDITOR);
        String id = draft(mvc, org, employee, body("Monitors", budgetLine, line("Monitor", "2", "300", "EUR")));
        String base = attachments(org, id);
        String quote = read(upload(employee, base, "quote.pdf", "application/pdf", PDF).andExpect(status().isCreated()), "$.id");

        // Someone who does not see the request does not see its attachments either.
        mvc.perform(as(colleague, get(base))).andExpect(status().isNotFound());
        mvc.perform(as(colleague, get(base + "/" + quote))).andExpect(status().isNotFound());
        upload(colleague, base, "mine.png", "image/png", PNG).andExpect(status().isNotFound());
        mvc.perform(as(colleague, delete(base + "/" + quote))).andExpect(status().isNotFound());
        // Those who read every request download; only the requester adds.
        mvc.perform(as(auditor, get(base + "/" + quote))).andExpect(status().isOk());
        mvc.perform(as(staff, get(base + "/" + quote))).andExpect(status().isOk());
        upload(manager, base, "manager.png", "image/png", PNG).andExpect(status().isForbidden()).andExpect(problem());
        upload(auditor, base, "auditor.png", "image/png", PNG).andExpect(status().isForbidden());
        mvc.perform(as(staff, delete(base + "/" + quote))).andExpect(status().isForbidden()).andExpect(problem());
        mvc.perform(as(auditor, delete(base + "/" + quote))).andExpect(status().isForbidden());

        // Submitted: the approver's delegate (an employee, who reads no other request) downloads too, and the requester still adds.
        mvc.perform(as(manager, post("/api/v1/orgs/" + org.slug() + "/approval-delegations"),
                "{\"delegateId\":\"" + delegate.accountId() + "\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(3) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(delegate, get(base + "/" + quote))).andExpect(status().isNotFound());
        act(mvc, org, employee, id, "submit", "{}").andExpect(status().isOk());
        mvc.perform(as(delegate, get(base + "/" + quote))).andExpect(status().isOk());
        mvc.perform(as(delegate, get(base))).andExpect(jsonPath("$.length()").value(1));
        String screenshot = read(upload(employee, base, "offer.png", "image/png", PNG).andExpect(status().isCreated()), "$.id");
        String photo = read(upload(employee, base, "photo.jpg", "image/jpeg", JPEG).andExpect(status().isCreated()), "$.id");

        // The requester removes their own; an IT manager or a CIO removes any, with If-Match honoured.
        mvc.perform(as(employee, delete(base + "/" + screenshot)).header("If-Match", "\"5\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(employee, delete(base + "/" + screenshot)).header("If-Match", "\"0\"")).andExpect(status().isNoContent());
        mvc.perform(as(employee, get(base + "/" + screenshot))).andExpect(status().isNotFound());
        mvc.perform(as(employee, delete(base + "/" + screenshot))).andExpect(status().isNotFound());
        mvc.perform(as(manager, delete(base + "/" + photo))).andExpect(status().isNoContent());
        mvc.perform(as(employee, get(base))).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(quote));

        // Decided: the file is closed; the attachment is still downloaded.
        act(mvc, org, manager, id, "approve", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        upload(employee, base, "late.png", "image/png", PNG).andExpect(status().isConflict());
        mvc.perform(as(employee, delete(base + "/" + quote))).andExpect(status().isConflict());
        mvc.perform(as(org.cio(), delete(base + "/" + quote))).andExpect(status().isConflict());
        mvc.perform(as(employee, get(base + "/" + quote))).andExpect(status().isOk());

        List<String> removed = jdbc.sql("select action from audit_events where org_id = ? and entity_id = ? and action like '%attachment%' "
                        + "order by seq").params(org.id(), id).query(String.class).list();
        assertThat(removed).containsExactly("purchase-request.attachment-added", "purchase-request.attachment-added",
                "purchase-request.attachment-added", "purchase-request.attachment-removed", "purchase-request.attachment-removed");
    }

    @Test
    void anotherOrganizationsAttachmentIsNotFound() throws Exception {
        Org a = fixtures.organization();
        Org b = fixtures.organization();
        Person employeeA = fixtures.member(a, Role.EMPLOYEE);
        String requestA = draft(mvc, a, employeeA, body("Keyboards", null, line("Keyboard", "1", "60", "EUR")));
        String quoteA = read(upload(employeeA, attachments(a, requestA), "quote.pdf", "application/pdf", PDF).andExpect(status().isCreated()), "$.id");
        Person employeeB = fixtures.member(b, Role.EMPLOYEE);
        String requestB = draft(mvc, b, employeeB, body("Mice", null, line("Mouse", "1", "20", "EUR")));

        // B's own request with A's attachment id, and A's request under B's slug: neither exists for B's CIO.
        mvc.perform(as(b.cio(), get(attachments(b, requestB) + "/" + quoteA))).andExpect(status().isNotFound());
        mvc.perform(as(employeeB, delete(attachments(b, requestB) + "/" + quoteA))).andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), get(attachments(b, requestA)))).andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), get(attachments(b, requestA) + "/" + quoteA))).andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), get(attachments(a, requestA) + "/" + quoteA))).andExpect(status().isNotFound());
        mvc.perform(as(employeeA, get(attachments(a, requestA) + "/" + quoteA))).andExpect(status().isOk());
    }

    @Test
    void aHundredMegabyteUploadIsRefusedWith413() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Projector", null, line("Projector", "1", "900", "EUR")));
        long hundredMegabytes = 100L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attachments(org, id)))
                .header("Authorization", employee.bearer())
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> multipartBody(hundredMegabytes)),
                        hundredMegabytes))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(stored(org)).isZero();
    }

    @Test
    void anUploadThatDeclaresNoLengthIsReadNoFurtherThanTheLimit() throws Exception {
        Org org = fixtures.organization();
        Person employee = fixtures.member(org, Role.EMPLOYEE);
        String id = draft(mvc, org, employee, body("Scanner", null, line("Scanner", "1", "300", "EUR")));
        long size = 25L * 1024 * 1024;
        // No length: the body is sent chunked, so only the application can tell it is too large.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attachments(org, id)))
                .header("Authorization", employee.bearer())
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipartBody(size)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("upload-too-large").contains("\"field\":\"file\"");
        }
        assertThat(stored(org)).isZero();
    }

    /** A multipart body of {@code total} bytes with one part "file", a PDF that is mostly padding, made as it is read. */
    private static InputStream multipartBody(long total) {
        byte[] head = ("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--xyz--\r\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= total) {
                    return -1;
                }
                long p = position++;
                if (p < head.length) {
                    return head[(int) p];
                }
                long fromEnd = total - p;
                return fromEnd <= tail.length ? tail[(int) (tail.length - fromEnd)] : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private ResultActions upload(Person person, String base, String name, String type, byte[] content) throws Exception {
        return mvc.perform(as(person, multipart(base).file(new MockMultipartFile("file", name, type, content))));
    }

    private static byte[] pdfNumbered(int i) {
        return ("%PDF-1.4\n% quote " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private long stored(Org org) {
        return jdbc.sql("select count(*) from purchase_request_attachments where org_id = ?").param(org.id()).query(Long.class).single();
    }

    private static String attachments(Org org, String requestId) {
        return path(org) + "/" + requestId + "/attachments";
    }
}

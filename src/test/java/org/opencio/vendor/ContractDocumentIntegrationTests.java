package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** PDF documents of a contract: recognised by their bytes, limited in size, downloaded as attachments, archived. */
@IntegrationTest
class ContractDocumentIntegrationTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPdfIsAttachedDownloadedAsAnAttachmentAndArchived() throws Exception {
        Org org = fixtures.organization();
        UUID contract = contracts.contract(mvc, org, contracts.vendor(org, "Litware"), "");
        String base = "/api/v1/orgs/" + org.slug() + "/contracts/" + contract + "/documents";

        var uploaded = mvc.perform(as(org.cio(), multipart(base).file(new MockMultipartFile("file", "C:\\scans\\Signed agreement é.pdf", "text/plain", PDF))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("Signed agreement é.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(PDF.length))
                .andExpect(jsonPath("$.createdByName").value(org.cio().name()));
        String id = read(uploaded, "$.id");
        mvc.perform(as(org.cio(), multipart(base).file(new MockMultipartFile("file", "again.pdf", "application/pdf", PDF))))
                .andExpect(status().isConflict());

        var download = mvc.perform(as(org.cio(), get(base + "/" + id + "/content")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''Signed%20agreement%20%C3%A9.pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);

        mvc.perform(as(fixtures.member(org, Role.IT_STAFF), get(base))).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(as(fixtures.member(org, Role.IT_STAFF), multipart(base).file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))))
                .andExpect(status().isForbidden());

        mvc.perform(as(org.cio(), delete(base + "/" + id))).andExpect(status().isPreconditionRequired());
        mvc.perform(as(org.cio(), delete(base + "/" + id)).header("If-Match", "\"0\"")).andExpect(status().isNoContent());
        mvc.perform(as(org.cio(), get(base))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(org.cio(), get(base).param("archived", "true"))).andExpect(jsonPath("$[0].id").value(id));
        // Archived, not erased: the bytes are still there for the record.
        mvc.perform(as(org.cio(), get(base + "/" + id + "/content"))).andExpect(status().isOk());

        List<String> actions = jdbc.sql("select action from audit_events where org_id = ? and entity_type = 'ContractDocument' order by seq")
                .param(org.id()).query(String.class).list();
        assertThat(actions).containsExactly("contract-document.added", "contract-document.archived");
    }

    @Test
    void aMislabelledEmptyOrOversizeFileIsRefusedWithAProblem() throws Exception {
        Org org = fixtures.organization();
        UUID contract = contracts.contract(mvc, org, contracts.vendor(org, "Adventure Works"), "");
        String base = "/api/v1/orgs/" + org.slug() + "/contracts/" + contract + "/documents";

        mvc.perform(as(org.cio(), multipart(base).file(new MockMultipartFile("file", "contract.pdf", "application/pdf", PNG))))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(namesField("file"))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:document-not-pdf"));
        mvc.perform(as(org.cio(), multipart(base).file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("file"));
        byte[] big = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        mvc.perform(as(org.cio(), multipart(base).file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))))
                .andExpect(status().isContentTooLarge())
                .andExpect(problem());
        mvc.perform(as(org.cio(), multipart(base))).andExpect(status().isBadRequest()).andExpect(namesField("file"));
        mvc.perform(as(org.cio(), multipart("/api/v1/orgs/" + org.slug() + "/contracts/" + UUID.randomUUID() + "/documents")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from contract_documents where org_id = ?").param(org.id()).query(Long.class).single()).isZero();
    }
}

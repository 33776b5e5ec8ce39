package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** CSV import (all rows or none, every problem by row and column) and export (safe for spreadsheets) of vendors and contacts. */
@IntegrationTest
class VendorCsvIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesEveryProblem() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        api.vendorNamed("Existing Telecom AG", "\"category\":\"TELECOM\",\"website\":\"https://existing-telecom.example\"");
        long audit = lastAuditSeq(mvc, org);
        String file = """
                legal_name,category,website,strategic_tier,risk_tier,tags
                Good Vendor Ltd,SaaS,good.example,preferred,low,crm; sales
                Bad Category Ltd,FURNITURE,,,,
                ,SOFTWARE,,,,
                Other Telecom,telecom,https://www.existing-telecom.example/en,,,
                Good Vendor Limited,saas,,,,
                Risky Ltd,software,,,EXTREME,
                """;
        upload(org.cio(), org, "/vendors/import", file)
                .andExpect(status().isBadRequest())
                .andExpect(problem())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:import-rejected"))
                .andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5, 6, 7)))
                .andExpect(jsonPath("$.errors[*].column", contains("category", "legal_name", "website", "legal_name", "risk_tier")))
                .andExpect(jsonPath("$.errors[0].detail", containsString("HARDWARE")))
                .andExpect(jsonPath("$.errors[3].detail", containsString("row 2")));
        assertThat(lastAuditSeq(mvc, org)).as("nothing was written").isEqualTo(audit);
        mvc.perform(as(org.cio(), get(api.base() + "/vendors"))).andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aGoodFileAddsAndUpdatesAndImportingItAgainChangesNothing() throws Exception {
        Org org = fixtures.organization();
        Person owner = fixtures.member(org, Role.IT_MANAGER);
        var api = new VendorApi(mvc, org);
        String existing = api.vendorNamed("Existing Telecom AG", "\"category\":\"TELECOM\",\"notes\":\"Keep me\"");
        String file = """
                legal_name;category;website;strategic_tier;risk_tier;tags;owner_email
                Good Vendor Ltd;SaaS;good.example;preferred;low;crm, sales;%s
                "EXISTING TELECOM AG";telecom;;strategic;high;;
                """.formatted(owner.email().toUpperCase());
        upload(org.cio(), org, "/vendors/import", file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + existing)))
                .andExpect(jsonPath("$.strategicTier").value("STRATEGIC"))
                .andExpect(jsonPath("$.legalName").value("EXISTING TELECOM AG"))
                .andExpect(jsonPath("$.notes").value("Keep me"));
        mvc.perform(as(org.cio(), get(api.base() + "/vendors").param("q", "good")))
                .andExpect(jsonPath("$.items[0].website").value("https://good.example"))
                .andExpect(jsonPath("$.items[0].tags", contains("crm", "sales")))
                .andExpect(jsonPath("$.items[0].ownerId").value(owner.accountId().toString()));
        long audit = lastAuditSeq(mvc, org);
        upload(org.cio(), org, "/vendors/import", file).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(lastAuditSeq(mvc, org)).isEqualTo(audit);
    }

    @Test
    void contactsNameTheirVendorByLegalName() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendorNamed("Contactable GmbH", "\"category\":\"SERVICES\"");
        String bad = """
                vendor_legal_name,name,kind,email,phone
                Contactable GmbH,Ana Silva,account manager,ana@contactable.example,+49 30 1234567
                Nobody Ltd,Bo,support,,
                Contactable GmbH,Cy,support,not-mail,
                Contactable GmbH,Di,SALES,,
                """;
        upload(org.cio(), org, "/vendors/contacts/import", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5)))
                .andExpect(jsonPath("$.errors[*].column", contains("vendor_legal_name", "email", "kind")));
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + vendor + "/contacts"))).andExpect(jsonPath("$.length()").value(0));

        String good = """
                vendor_legal_name,name,kind,email,phone
                contactable gmbh,Ana Silva,account manager,ana@contactable.example,+49 30 1234567
                Contactable GmbH,Support desk,SUPPORT,support@contactable.example,
                """;
        upload(org.cio(), org, "/vendors/contacts/import", good).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        upload(org.cio(), org, "/vendors/contacts/import", good.replace("+49 30 1234567", "+49 30 7654321"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/" + vendor + "/contacts")))
                .andExpect(jsonPath("$[*].name", contains("Ana Silva", "Support desk")))
                .andExpect(jsonPath("$[0].phone").value("+49 30 7654321"));
    }

    @Test
    void filesThatAreNotCsvOrHaveWrongColumnsAreRefused() throws Exception {
        Org org = fixtures.organization();
        mvc.perform(as(org.cio(), multipart("/api/v1/orgs/" + org.slug() + "/vendors/import")
                        .file(new MockMultipartFile("file", "vendors.csv", "text/csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 9, 9}))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("workbook")));
        upload(org.cio(), org, "/vendors/import", "legal_name,categry\nX,SAAS\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].column", hasItem("categry")))
                .andExpect(jsonPath("$.errors[*].column", hasItem("category")));
        upload(org.cio(), org, "/vendors/import", "legal_name,category\n").andExpect(status().isBadRequest());
        mvc.perform(as(org.cio(), multipart("/api/v1/orgs/" + org.slug() + "/vendors/import")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        Person auditor = fixtures.member(org, Role.AUDITOR);
        upload(auditor, org, "/vendors/import", "legal_name,category\nX,SAAS\n").andExpect(status().isForbidden());
    }

    @Test
    void theExportCannotRunAsASpreadsheetFormulaAndReadsBackIn() throws Exception {
        Org org = fixtures.organization();
        var api = new VendorApi(mvc, org);
        String vendor = api.vendorNamed("=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")", "\"category\":\"OTHER\",\"notes\":\"+1 line, \\\"quoted\\\"\"");
        api.contact(vendor, "\"name\":\"@SUM(A1)\",\"kind\":\"OTHER\",\"phone\":\"+44 20 1234\"");
        var csv = mvc.perform(as(org.cio(), get(api.base() + "/vendors/export")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("vendors-" + org.slug())));
        String text = csv.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("legal_name,trading_name,category,website,status,strategic_tier,risk_tier,tags,owner_email,notes\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").contains("\"'+1 line, \"\"quoted\"\"\"");
        String contacts = mvc.perform(as(org.cio(), get(api.base() + "/vendors/contacts/export")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(contacts).contains(",'@SUM(A1),OTHER,,,'+44 20 1234");
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/export").param("format", "xlsx")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        mvc.perform(as(org.cio(), get(api.base() + "/vendors/export").param("format", "pdf"))).andExpect(status().isBadRequest());

        // The export of a vendor without formula characters imports again without a change.
        Org second = fixtures.organization();
        new VendorApi(mvc, second).vendorNamed("Plain Vendor Ltd", "\"category\":\"SAAS\",\"tags\":[\"a\",\"b\"],\"website\":\"plain.example\"");
        String plain = mvc.perform(as(second.cio(), get("/api/v1/orgs/" + second.slug() + "/vendors/export")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        upload(second.cio(), second, "/vendors/import", plain).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
    }

    private ResultActions upload(Person person, Org org, String path, String csv) throws Exception {
        return mvc.perform(as(person, multipart("/api/v1/orgs/" + org.slug() + path)
                .file(new MockMultipartFile("file", "import.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))));
    }
}

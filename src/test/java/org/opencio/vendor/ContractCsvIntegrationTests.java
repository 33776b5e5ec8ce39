package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Contracts to and from CSV: documented columns, formula-safe export, all-or-nothing import with per-row problems. */
@IntegrationTest
class ContractCsvIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExportIsFormulaSafeAndImportsAgainIntoAnotherOrganization() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Alpine Ski House AG", "Alpine");
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"SKI\",\"amount\":50000");
        contracts.contract(mvc, org, vendor, "\"title\":\"=HYPERLINK(\\\"http://evil\\\")\",\"reference\":\"+1\",\"startDate\":\"2027-01-01\","
                + "\"endDate\":\"2027-12-31\",\"slaTerms\":\"Line one, \\\"quoted\\\"\\nline two\",\"budgetLineId\":\"" + line + "\"");
        UUID active = contracts.contract(mvc, org, vendor, "\"title\":\"Lift passes\",\"startDate\":\"2027-01-01\",\"endDate\":\"2029-12-31\","
                + "\"autoRenew\":true,\"noticeAmount\":2,\"noticeUnit\":\"MONTHS\",\"totalValue\":36000,\"ownerId\":\"" + org.cio().accountId() + "\"");
        contracts.activate(mvc, org, active);

        var response = mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/export").param("sort", "title")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".csv");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,vendor,title,type,reference,owner_email,start_date,end_date,auto_renew,renewal_term_months,"
                + "notice_amount,notice_unit,total_value,annual_value,currency,billing_frequency,budget_line_id,budget_year,budget_line_code,"
                + "sla_terms,status,annual_value_computed,notice_deadline,next_renewal_date,term_number,vendor_display_name");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",'+1,").contains("\"Line one, \"\"quoted\"\"\nline two\"");
        assertThat(csv).contains("Lift passes,SUPPORT_MAINTENANCE,,").contains(org.cio().email()).contains("2029-10-31").contains("ACTIVE");
        assertThat(csv).endsWith("\r\n");

        Org other = fixtures.organization();
        contracts.vendor(other, "Alpine Ski House AG");
        // The budget line of the first organization means nothing here: without it the file imports.
        String withoutLine = csv.replace(line.toString(), "").replace(org.cio().email(), "");
        upload(other, withoutLine, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.activated").value(1))
                .andExpect(jsonPath("$.dryRun").value(true));
        assertThat(count(other)).isZero();
        upload(other, withoutLine, false).andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(2));
        assertThat(jdbc.sql("select title, status, annual_value_given from contracts where org_id = ? order by title")
                .param(other.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3)).list())
                .containsExactly("'=HYPERLINK(\"http://evil\")|DRAFT|false", "Lift passes|ACTIVE|false");
        assertThat(jdbc.sql("select count(*) from audit_events where org_id = ? and action = 'contract.imported'").param(other.id())
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/export").param("format", "xlsx")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/contracts/export").param("format", "pdf"))).andExpect(status().isBadRequest());
    }

    @Test
    void aFileWithAnyBadRowImportsNothingAndNamesEachRowColumnAndReason() throws Exception {
        Org org = fixtures.organization();
        contracts.vendor(org, "Wide World Importers Ltd.");
        contracts.vendor(org, "Bellows College");
        contracts.vendor(org, "Bellows College Inc");
        String file = "vendor,title,type,start_date,end_date,total_value,currency,notice_amount,notice_unit,status\n"
                + "WIDE WORLD IMPORTERS,Freight,SERVICES,2027-01-01,2027-12-31,1000,EUR,,,\n"
                + "Wide World Importers,Storage,SERVICES,2027-01-01,2026-12-31,-5,XYZ,,,\n"
                + "Bellows College,Courses,TRAINING,31/12/2027,,1000,EUR,3,WEEKS,EXPIRED\n"
                + "Nobody,Nothing,SERVICES,2027-01-01,,ten,EUR,,,\n";
        var refused = upload(org, file, false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:validation"));
        for (String field : List.of("rows[3].end_date", "rows[3].total_value", "rows[3].currency", "rows[4].vendor", "rows[4].type",
                "rows[4].start_date", "rows[4].notice_unit", "rows[4].status", "rows[5].vendor", "rows[5].total_value")) {
            refused.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        }
        refused.andExpect(jsonPath("$.errors[?(@.field == 'rows[5].total_value')].detail", hasItem("row 5, total_value: 'ten' is not a number such "
                + "as 12000.50 (a dot for decimals, no grouping)")));
        assertThat(count(org)).isZero();

        upload(org, "title,type\nX,SERVICES\n", false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[1].vendor")));
        upload(org, "vendor,title,type,start_date,total_value,currency\n", false).andExpect(status().isBadRequest());
        upload(org, "vendor,title\n\"unclosed,quote\n", false).andExpect(status().isBadRequest());
        mvc.perform(as(org.cio(), multipart("/api/v1/orgs/" + org.slug() + "/contracts/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'a'}))))
                .andExpect(status().isBadRequest());
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/contracts/import"), "{}")).andExpect(status().isBadRequest());
        assertThat(count(org)).isZero();
    }

    @Test
    void semicolonsQuotesBudgetCodesAndActiveRowsAreUnderstoodAndABudgetRefusalRollsAllBack() throws Exception {
        Org org = fixtures.organization();
        contracts.vendor(org, "Margie's Travel");
        UUID line = contracts.approvedBudgetLine(mvc, org, 2027, "\"code\":\"TRV-1\",\"amount\":5000,\"policy\":\"BLOCK\"");
        String file = "\uFEFFVendor;Title;Type;Start_Date;End_Date;Total_Value;Currency;Budget_Year;Budget_Line_Code;Status;SLA_Terms\r\n"
                + "Margie's Travel;\"Travel desk; Europe\";SERVICES;2027-01-01;2027-12-31;4000;EUR;2027;TRV-1;ACTIVE;\"24/7\r\nhotline\"\r\n"
                + "Margie's Travel;Visa service;SERVICES;2027-01-01;2027-12-31;3000;EUR;2027;TRV-1;ACTIVE;\r\n";
        // Together the two rows exceed the line, which blocks overspending: the second is refused and the first undone.
        upload(org, file, false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rows[3].budget_line_id"));
        assertThat(count(org)).isZero();
        assertThat(jdbc.sql("select committed from budget_lines where id = ?").param(line).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("0");

        upload(org, file.substring(0, file.lastIndexOf("Margie's Travel;Visa")), false).andExpect(status().isCreated())
                .andExpect(jsonPath("$.activated").value(1));
        assertThat(jdbc.sql("select title || '|' || coalesce(sla_terms, '') || '|' || status from contracts where org_id = ?").param(org.id())
                .query(String.class).single()).isIn("Travel desk; Europe|24/7\r\nhotline|ACTIVE", "Travel desk; Europe|24/7\r\nhotline|EXPIRING");
        assertThat(jdbc.sql("select committed from budget_lines where id = ?").param(line).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("4000");
    }

    private ResultActions upload(Org org, String csv, boolean dryRun) throws Exception {
        return mvc.perform(as(org.cio(), multipart("/api/v1/orgs/" + org.slug() + "/contracts/import")
                .file(new MockMultipartFile("file", "contracts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))));
    }

    private long count(Org org) {
        return jdbc.sql("select count(*) from contracts where org_id = ?").param(org.id()).query(Long.class).single();
    }
}

package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.Api;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Cloud bills and GL exports through the API: upload (202), poll to the end, and the money in the budget grid. Also:
 * nothing counts twice, malformed files change nothing, and mapping rules decide the line.
 */
@IntegrationTest
class CostImportIntegrationTests {

    static final String FOCUS_HEADER = "BilledCost,BillingAccountId,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,"
            + "EffectiveCost,ListCost,ProviderName,ServiceName,ServiceCategory,SubAccountId,SubAccountName,ResourceId,Tags,x_Extra\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    /** An organization with a 2026 budget: lines AWS and AZURE, and rules for AWS compute and the payments team. */
    record Setup(Org org, String base, Person manager) {}

    Setup setup() throws Exception {
        Org org = fixtures.organization("USD");
        String base = "/api/v1/orgs/" + org.slug();
        mvc.perform(as(org.cio(), post(base + "/budgets"), "{\"fiscalYear\":2026}")).andExpect(status().isCreated());
        for (String code : List.of("AWS", "AZURE", "PAYMENTS")) {
            mvc.perform(as(org.cio(), post(base + "/budgets/2026/lines"), "{\"code\":\"" + code + "\",\"description\":\"" + code + "\",\"amount\":120000}"))
                    .andExpect(status().isCreated());
        }
        Person manager = fixtures.member(org, Role.IT_MANAGER);
        rule(manager, base, "{\"provider\":\"AWS\",\"lineCode\":\"AWS\"}");
        rule(manager, base, "{\"provider\":\"Microsoft\",\"lineCode\":\"AZURE\"}");
        // More specific than the provider rule: the payments team's AWS cost goes to its own line.
        rule(manager, base, "{\"provider\":\"AWS\",\"tagKey\":\"team\",\"tagValue\":\"payments\",\"lineCode\":\"PAYMENTS\"}");
        return new Setup(org, base, manager);
    }

    void rule(Person person, String base, String json) throws Exception {
        mvc.perform(as(person, post(base + "/cost-mapping-rules"), json)).andExpect(status().isCreated());
    }

    static String focusRow(String billed, String start, String provider, String service, String subAccount, String tags) {
        String end = start.replace("T00:00:00Z", "T23:59:59Z");
        return billed + ",111122223333,USD,Usage," + start + "," + end + "," + billed + "," + billed + "," + provider + "," + service
                + ",Compute," + subAccount + ",Account " + subAccount + ",res-" + Math.abs((billed + start + provider + service).hashCode()) + ","
                + tags + ",x\n";
    }

    static final String MARCH_FILE = FOCUS_HEADER
            + focusRow("100.25", "2026-03-01T00:00:00Z", "AWS", "Amazon EC2", "dev", "\"{\"\"team\"\":\"\"web\"\"}\"")
            + focusRow("40", "2026-03-02T00:00:00Z", "AWS", "Amazon EC2", "prod", "\"{\"\"team\"\":\"\"payments\"\"}\"")
            + focusRow("59.75", "2026-03-03T00:00:00Z", "Microsoft", "Azure SQL", "corp", "NULL")
            + focusRow("10", "2026-03-04T00:00:00Z", "Snowflake", "Warehouse", "bi", "")
            + focusRow("-5", "2026-03-05T00:00:00Z", "AWS", "Amazon S3", "dev", "NULL");

    ResultActions upload(Person person, String base, String name, String content, Map<String, String> params) throws Exception {
        var request = multipart(base + "/cost-imports").file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
        params.forEach(request::param);
        return mvc.perform(as(person, request));
    }

    /** Uploads a file and polls its job until it ends; answers the final job JSON. */
    String importFile(Person person, String base, String name, String content, Map<String, String> params) throws Exception {
        String job = Api.body(upload(person, base, name, content, params)
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").exists()));
        String id = JsonPath.read(job, "$.id");
        return poll(person, base, id);
    }

    String poll(Person person, String base, String id) throws Exception {
        return poll(mvc, person, base, id);
    }

    /** Polls an import job until it ends (30 seconds at most); answers its final JSON. */
    static String poll(MockMvc mvc, Person person, String base, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            String job = Api.body(mvc.perform(as(person, get(base + "/cost-imports/" + id))).andExpect(status().isOk()));
            String state = JsonPath.read(job, "$.status");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("import %s still %s", id, state).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    Map<String, Object> line(Setup s, String code) throws Exception {
        String grid = Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/budgets/2026/lines"))).andExpect(status().isOk()));
        List<Map<String, Object>> lines = JsonPath.read(grid, "$[?(@.code == '" + code + "')]");
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    static BigDecimal month(Map<String, Object> line, int fiscalMonth) {
        return decimal(((List<Object>) line.get("actualByMonth")).get(fiscalMonth - 1));
    }

    static Map<String, String> focus() {
        return Map.of("format", "FOCUS", "fiscalYear", "2026");
    }

    @Test
    void aFocusBillIsImportedInTheBackgroundAndLandsOnTheLinesItsRulesName() throws Exception {
        Setup s = setup();
        String job = importFile(s.manager(), s.base(), "march.csv", MARCH_FILE, focus());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(job, "$.rowsRead")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(job, "$.rowsRejected")).isZero();
        assertThat((Integer) JsonPath.read(job, "$.rowsUnallocated")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.progressPercent")).isEqualTo(100);
        assertThat(decimal(JsonPath.read(job, "$.billedTotal"))).isEqualByComparingTo("205");
        assertThat(decimal(JsonPath.read(job, "$.unallocatedTotal"))).isEqualByComparingTo("10");

        assertThat(month(line(s, "AWS"), 3)).isEqualByComparingTo("95.25");
        assertThat(decimal(line(s, "AWS").get("actual"))).isEqualByComparingTo("95.25");
        assertThat(month(line(s, "PAYMENTS"), 3)).isEqualByComparingTo("40");
        assertThat(month(line(s, "AZURE"), 3)).isEqualByComparingTo("59.75");
        Map<String, Object> unallocated = line(s, "UNALLOCATED");
        assertThat(unallocated.get("unallocated")).isEqualTo(true);
        assertThat(month(unallocated, 3)).isEqualByComparingTo("10");

        String id = JsonPath.read(job, "$.id");
        mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports/" + id + "/report")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unallocated[0].provider").value("Snowflake"))
                .andExpect(jsonPath("$.lines.length()").value(4));
        mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id));
        // One audit event for the whole import, not one per row.
        long events = jdbc.sql("select count(*) from audit_events where org_id = ? and action = 'budget.actuals-imported'")
                .param(s.org().id()).query(Long.class).single();
        assertThat(events).isEqualTo(1);
    }

    @Test
    void reimportingTheSameFileOrAnOverlappingOneCountsEveryRowOnce() throws Exception {
        Setup s = setup();
        importFile(s.manager(), s.base(), "march.csv", MARCH_FILE, focus());
        String again = importFile(s.manager(), s.base(), "march-again.csv", MARCH_FILE, focus());
        assertThat((String) JsonPath.read(again, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(again, "$.rowsImported")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.rowsDuplicate")).isEqualTo(5);
        assertThat(decimal(line(s, "AWS").get("actual"))).isEqualByComparingTo("95.25");

        // The provider's next export overlaps: two rows of March again (formatted differently, columns reordered), one new.
        String overlapping = "ServiceName,ProviderName,BilledCost,BillingCurrency,BillingAccountId,ChargeCategory,ChargePeriodStart,"
                + "ChargePeriodEnd,SubAccountId,ResourceId\n"
                + "Amazon EC2,AWS,100.2500,USD,111122223333,Usage,2026-03-01T00:00:00Z,2026-03-01T23:59:59Z,dev,"
                + "res-" + Math.abs(("100.25" + "2026-03-01T00:00:00Z" + "AWS" + "Amazon EC2").hashCode()) + "\n"
                + "Amazon EC2,AWS,7,USD,111122223333,Usage,2026-04-01T00:00:00Z,2026-04-01T23:59:59Z,dev,res-new\n";
        String job = importFile(s.manager(), s.base(), "march-april.csv", overlapping, focus());
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.rowsDuplicate")).isEqualTo(1);
        Map<String, Object> aws = line(s, "AWS");
        assertThat(month(aws, 3)).isEqualByComparingTo("95.25");
        assertThat(month(aws, 4)).isEqualByComparingTo("7");
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonAndTheRestIsImported() throws Exception {
        Setup s = setup();
        String file = FOCUS_HEADER
                + focusRow("12.50", "2026-02-01T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")                    // line 2: fine
                + focusRow("12,5", "2026-02-02T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")                     // 3: decimal comma (shifts columns)
                + focusRow("\"$1,000.00 \"", "2/3/26", "AWS", "Amazon EC2", "dev", "NULL")                        // 4: currency format, M/D/YY
                + focusRow("3", "02.04.2026", "AWS", "Amazon EC2", "dev", "NULL")                                  // 5: other date format
                + focusRow("4", "2025-12-31T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")                        // 6: before the fiscal year
                + focusRow("NULL", "2026-02-05T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")                     // 7: no billed cost
                + "1,111122223333,EUR,Usage,2026-02-06T00:00:00Z,2026-02-06T23:59:59Z,1,1,AWS,EC2,Compute,dev,Dev,r1,NULL,x\n" // 8
                + "2,111122223333,USD,Usage,2026-02-07T00:00:00Z,2026-02-07T23:59:59Z,2,2,AWS,EC2,Compute,dev,Dev,r\"2,NULL,x\n" // 9
                + focusRow("5", "2026-02-08T00:00:00Z", "AWS", "=HYPERLINK(\"\"http://x\"\")", "dev", "NULL")       // 10: formula text, quoted wrongly
                + focusRow("6", "2026-02-09T00:00:00Z", "AWS", "\"=1+2\"", "dev", "{not json");                  // 11: bad tags
        String job = importFile(s.manager(), s.base(), "february.csv", file, focus());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(job, "$.rowsRead")).isEqualTo(10);
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.rowsRejected")).isEqualTo(8);
        assertThat(month(line(s, "AWS"), 2)).isEqualByComparingTo("1012.50");

        String id = JsonPath.read(job, "$.id");
        String rejections = Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports/" + id + "/rejections").param("limit", "5")))
                .andExpect(status().isOk()));
        List<Integer> lines = JsonPath.read(rejections, "$.items[*].lineNumber");
        assertThat(lines).containsExactly(3, 5, 6, 7, 8);
        List<String> reasons = JsonPath.read(rejections, "$.items[*].reason");
        assertThat(reasons.get(0)).contains("the row has 19 values where the header has 16");
        assertThat(reasons.get(1)).contains("ChargePeriodStart '02.04.2026' is not a date");
        assertThat(reasons.get(2)).contains("outside fiscal year 2026");
        assertThat(reasons.get(3)).contains("BilledCost is empty");
        assertThat(reasons.get(4)).contains("BillingCurrency EUR on 2026-02-06 cannot be converted into the budget's USD: there is no exchange rate from EUR to USD");
        String next = JsonPath.read(rejections, "$.nextCursor");
        String rest = Api.body(mvc.perform(as(s.org().cio(), get(s.base() + "/cost-imports/" + id + "/rejections").param("cursor", next))));
        List<Integer> more = JsonPath.read(rest, "$.items[*].lineNumber");
        assertThat(more).containsExactly(9, 10, 11);
        List<String> moreReasons = JsonPath.read(rest, "$.items[*].reason");
        assertThat(moreReasons.get(0)).contains("bad quoting");
        assertThat(moreReasons.get(2)).contains("Tags is not a JSON object");
    }

    @Test
    void aMalformedFileFailsWithAClearReasonAndChangesNothing() throws Exception {
        Setup s = setup();
        String missingColumns = "BilledCost,ProviderName,ServiceName\n1,AWS,EC2\n";
        String job = importFile(s.manager(), s.base(), "bad.csv", missingColumns, focus());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(job, "$.failure")).contains("lacks the mandatory columns")
                .contains("BillingCurrency").contains("ChargePeriodStart");

        // The quote opened on line 4 is never closed: the rows before it are not kept either.
        String unclosed = FOCUS_HEADER
                + focusRow("1", "2026-05-01T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")
                + focusRow("2", "2026-05-02T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")
                + "3,111122223333,USD,Usage,2026-05-03T00:00:00Z,2026-05-03T23:59:59Z,3,3,AWS,\"EC2,Compute,dev,Dev,r,NULL,x\n";
        job = importFile(s.manager(), s.base(), "unclosed.csv", unclosed, focus());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(job, "$.failure")).contains("Line 4").contains("never closed").contains("Nothing was imported");

        // All or nothing: one bad row, and the good ones are not imported.
        String oneBad = FOCUS_HEADER
                + focusRow("1", "2026-05-01T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL")
                + focusRow("x", "2026-05-02T00:00:00Z", "AWS", "Amazon EC2", "dev", "NULL");
        job = importFile(s.manager(), s.base(), "strict.csv", oneBad, Map.of("format", "FOCUS", "fiscalYear", "2026", "strict", "true"));
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(job, "$.failure")).contains("1 of 2 rows were rejected");
        assertThat((Integer) JsonPath.read(job, "$.rowsRejected")).isEqualTo(1);

        byte[] notUtf8 = (FOCUS_HEADER + "1,1,USD,Usage,2026-05-01,2026-05-02,1,1,AWS,EC2,Compute,dev,D\u00e9v,r,NULL,x\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String id = JsonPath.read(Api.body(mvc.perform(as(s.manager(), multipart(s.base() + "/cost-imports")
                        .file(new MockMultipartFile("file", "latin1.csv", "text/csv", notUtf8))
                        .param("format", "FOCUS").param("fiscalYear", "2026")))
                .andExpect(status().isAccepted())), "$.id");
        job = poll(s.manager(), s.base(), id);
        assertThat((String) JsonPath.read(job, "$.failure")).contains("not UTF-8");

        assertThat(decimal(line(s, "AWS").get("actual"))).isEqualByComparingTo("0");
        long rows = jdbc.sql("select count(*) from budget_actual_rows where org_id = ?").param(s.org().id()).query(Long.class).single();
        assertThat(rows).isZero();
    }

    @Test
    void aGeneralLedgerExportIsReadWithTheColumnsChosenAndTheMappingIsRemembered() throws Exception {
        Setup s = setup();
        rule(s.manager(), s.base(), "{\"account\":\"6810\",\"lineCode\":\"AZURE\"}");
        String gl = "Buchungsdatum;Konto;Betrag;Text;Beleg;Kostenstelle\n"
                + "15.01.2026;6810;1.234,56;Azure Januar;B-1;IT\n"
                + "20.01.2026;6815;100,00;Telefon;B-2;IT\n"
                + "31.13.2026;6810;5,00;Falsches Datum;B-3;IT\n";
        Map<String, String> params = Map.of("format", "GL", "fiscalYear", "2026", "dateColumn", "Buchungsdatum", "amountColumn", "Betrag",
                "accountColumn", "Konto", "descriptionColumn", "Text", "referenceColumn", "Beleg", "delimiter", "SEMICOLON",
                "decimalSeparator", "COMMA", "dateOrder", "DMY");
        String job = importFile(s.manager(), s.base(), "gl-january.csv", gl, params);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(job, "$.rowsImported")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.rowsRejected")).isEqualTo(1);
        assertThat(month(line(s, "AZURE"), 1)).isEqualByComparingTo("1234.56");
        assertThat(month(line(s, "UNALLOCATED"), 1)).isEqualByComparingTo("100");

        // The next upload needs no mapping: the last one is remembered for the organization.
        String february = "Buchungsdatum;Konto;Betrag;Text;Beleg;Kostenstelle\n03.02.2026;6810;10,00;Azure Februar;B-4;IT\n";
        job = importFile(s.manager(), s.base(), "gl-february.csv", february, Map.of("format", "GL", "fiscalYear", "2026"));
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("DONE");
        assertThat((String) JsonPath.read(job, "$.mapping.dateColumn")).isEqualTo("Buchungsdatum");
        assertThat(month(line(s, "AZURE"), 2)).isEqualByComparingTo("10");
    }

    @Test
    void uploadsAreCheckedBeforeAnythingIsQueued() throws Exception {
        Setup s = setup();
        upload(s.manager(), s.base(), "x.csv", MARCH_FILE, Map.of("format", "FOCUS", "fiscalYear", "2031"))
                .andExpect(status().isBadRequest())
                .andExpect(Api.namesField("fiscalYear"));
        upload(s.manager(), s.base(), "x.csv", "", focus()).andExpect(status().isBadRequest()).andExpect(Api.namesField("file"));
        upload(s.manager(), s.base(), "x.csv", "a;b\n1;2\n", Map.of("format", "GL", "fiscalYear", "2026"))
                .andExpect(status().isBadRequest()).andExpect(Api.namesField("dateColumn"));
        Person auditor = fixtures.member(s.org(), Role.AUDITOR);
        upload(auditor, s.base(), "x.csv", MARCH_FILE, focus()).andExpect(status().isForbidden());
        mvc.perform(as(auditor, get(s.base() + "/cost-imports"))).andExpect(status().isOk());
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstImport() throws Exception {
        Setup s = setup();
        var first = multipart(s.base() + "/cost-imports")
                .file(new MockMultipartFile("file", "m.csv", "text/csv", MARCH_FILE.getBytes(StandardCharsets.UTF_8)))
                .param("format", "FOCUS").param("fiscalYear", "2026").header("Idempotency-Key", "upload-1");
        String id = JsonPath.read(Api.body(mvc.perform(as(s.manager(), first)).andExpect(status().isAccepted())), "$.id");
        var repeat = multipart(s.base() + "/cost-imports")
                .file(new MockMultipartFile("file", "m.csv", "text/csv", MARCH_FILE.getBytes(StandardCharsets.UTF_8)))
                .param("format", "FOCUS").param("fiscalYear", "2026").header("Idempotency-Key", "upload-1");
        mvc.perform(as(s.manager(), repeat))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        poll(s.manager(), s.base(), id);
    }

    @Test
    void aTwoGigabyteUploadIsRefusedWith413BeforeItIsSent() throws Exception {
        Setup s = setup();
        long twoGigabytes = 2L * 1024 * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.base() + "/cost-imports"))
                .header("Authorization", s.manager().bearer())
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.InputStream() {
                            @Override
                            public int read() {
                                return 'a';
                            }
                        }), twoGigabytes))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).contains("payload-too-large");
        }
    }

    @Test
    void onlyTheCostImportUploadTakesFilesLargerThanFiftyMegabytes() throws Exception {
        Setup s = setup();
        String sixtyMegabytes = Long.toString(60L * 1024 * 1024);
        var large = multipart(s.base() + "/cost-imports")
                .file(new MockMultipartFile("file", "m.csv", "text/csv", MARCH_FILE.getBytes(StandardCharsets.UTF_8)))
                .param("format", "FOCUS").param("fiscalYear", "2026")
                .header("Content-Length", sixtyMegabytes);
        mvc.perform(as(s.manager(), large)).andExpect(status().isAccepted());
        var elsewhere = multipart(s.base() + "/departments")
                .file(new MockMultipartFile("file", "m.csv", "text/csv", MARCH_FILE.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Length", sixtyMegabytes);
        mvc.perform(as(s.manager(), elsewhere)).andExpect(status().isPayloadTooLarge()).andExpect(Api.problem());
    }

    @Test
    void mappingRulesAreKeptPerOrganizationWithVersions() throws Exception {
        Setup s = setup();
        String created = Api.body(mvc.perform(as(s.manager(), post(s.base() + "/cost-mapping-rules"),
                        "{\"service\":\"Amazon S3\",\"lineCode\":\"AWS\",\"priority\":5}"))
                .andExpect(status().isCreated()));
        String id = JsonPath.read(created, "$.id");
        mvc.perform(as(s.manager(), org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(s.base() + "/cost-mapping-rules/" + id),
                        "{\"service\":\"Amazon S3\",\"lineCode\":\"AZURE\"}").header("If-Match", "\"0\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lineCode").value("AZURE"))
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(as(s.manager(), post(s.base() + "/cost-mapping-rules"), "{\"lineCode\":\"AWS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(Api.namesField("provider"));
        mvc.perform(as(s.manager(), post(s.base() + "/cost-mapping-rules/" + id + "/archive"), "{\"reason\":\"Moved\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
        mvc.perform(as(s.org().cio(), get(s.base() + "/cost-mapping-rules").param("archived", "true")))
                .andExpect(jsonPath("$[0].id").value(id));
        Org other = fixtures.organization();
        mvc.perform(as(other.cio(), get("/api/v1/orgs/" + other.slug() + "/cost-mapping-rules/" + id))).andExpect(status().isNotFound());
        mvc.perform(as(s.org().cio(), get(s.base() + "/cost-mapping-rules/" + id).contentType(MediaType.APPLICATION_JSON)))
                .andExpect(status().isOk());
    }
}

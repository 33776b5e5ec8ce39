package org.opencio.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × route table in role-routes.csv: each row says which status a member of a role gets. Modules add rows
 * for their routes; a route of an organization's API without any row fails {@link #everyApiRouteHasRows()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleRoutesIntegrationTests {

    record Row(int line, Role role, HttpMethod method, String path, int status, String body) {
        @Override
        public String toString() {
            return role + " " + method + " " + path + " → " + status;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Org org;
    private final Map<Role, Person> people = new EnumMap<>(Role.class);
    private String department;
    private String member;
    private String invitation;
    private String budgetLine;
    private String category;
    private String rate;
    private String policy;
    private String vendor;
    private String contract;
    private String running;
    private String document;

    @Autowired
    ContractFixtures contracts;
    private String spare;
    private String contact;
    private String note;
    private String review;
    private String purchaseRequest;
    private String attachment;
    private String order;
    private String orderLine;
    private String invoice;
    private String asset;
    private String assignee;

    @BeforeAll
    void organizationWithEveryRole() throws Exception {
        org = fixtures.organization();
        people.put(Role.CIO, org.cio());
        for (Role role : Role.values()) {
            if (role != Role.CIO) {
                people.put(role, fixtures.member(org, role));
            }
        }
        String base = "/api/v1/orgs/" + org.slug();
        department = id(mvc.perform(request(HttpMethod.POST, base + "/departments")
                        .header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"TBL\",\"name\":\"Table\"}"))
                .andReturn().getResponse().getContentAsString());
        member = fixtures.member(org, Role.EMPLOYEE).membershipId().toString();
        invitation = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(request(HttpMethod.POST, base + "/invitations")
                                .header("Authorization", org.cio().bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"email\":\"" + OrgFixtures.unique("pending") + "@example.test\",\"role\":\"EMPLOYEE\"}"))
                        .andReturn().getResponse().getContentAsString(),
                "$.invitation.id");
        budget(base);
        policy = id(mvc.perform(request(HttpMethod.POST, base + "/approval-policies")
                        .header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(request(HttpMethod.POST, base + "/approval-policies/" + policy + "/publish")
                .header("Authorization", org.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"table\"}"));
        contracts(base);
        vendors(base);
        purchaseRequest = id(mvc.perform(request(HttpMethod.POST, base + "/purchase-requests")
                        .header("Authorization", people.get(Role.EMPLOYEE).bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Table request\",\"lines\":[{\"description\":\"Headset\",\"quantity\":1,\"unitPrice\":80}]}"))
                .andReturn().getResponse().getContentAsString());
        attachment = id(mvc.perform(multipart(base + "/purchase-requests/" + purchaseRequest + "/attachments")
                        .file(new MockMultipartFile("file", "quote.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                        .header("Authorization", people.get(Role.EMPLOYEE).bearer()))
                .andReturn().getResponse().getContentAsString());
        purchases(base);
        asset = id(post(base + "/assets", "{\"name\":\"Table laptop\",\"type\":\"LAPTOP\"}"));
        assignee = people.get(Role.EMPLOYEE).accountId().toString();
    }

    /**
     * An order of the table's employee (approved by the CIO on a budget of this year), half received and half invoiced,
     * so that it stays open for the order and invoice rows.
     */
    private void purchases(String base) throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        UUID line = contracts.approvedBudgetLine(mvc, org, year, "\"code\":\"PO\",\"amount\":100000");
        Person employee = people.get(Role.EMPLOYEE);
        String request = id(mvc.perform(request(HttpMethod.POST, base + "/purchase-requests")
                        .header("Authorization", employee.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Table order\",\"vendorId\":\"" + vendor + "\",\"budgetLineId\":\"" + line
                                + "\",\"lines\":[{\"description\":\"Dock\",\"quantity\":2,\"unitPrice\":100}]}"))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(request(HttpMethod.POST, base + "/purchase-requests/" + request + "/submit").header("Authorization", employee.bearer()));
        mvc.perform(request(HttpMethod.POST, base + "/purchase-requests/" + request + "/approve")
                .header("Authorization", people.get(Role.IT_MANAGER).bearer()));
        order = com.jayway.jsonpath.JsonPath.read(mvc.perform(request(HttpMethod.GET, base + "/purchase-orders").header("Authorization", org.cio().bearer()))
                .andReturn().getResponse().getContentAsString(), "$.items[0].id");
        orderLine = com.jayway.jsonpath.JsonPath.read(mvc.perform(request(HttpMethod.GET, base + "/purchase-orders/" + order)
                .header("Authorization", org.cio().bearer())).andReturn().getResponse().getContentAsString(), "$.lines[0].id");
        post(base + "/purchase-orders/" + order + "/receipts", "{\"lines\":[{\"orderLineId\":\"" + orderLine + "\",\"quantity\":1}]}");
        invoice = id(post(base + "/invoices", "{\"orderId\":\"" + order + "\",\"vendorInvoiceNumber\":\"T-1\",\"invoiceDate\":\""
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")) + "\",\"currency\":\"EUR\",\"lines\":[{\"orderLineId\":\""
                + orderLine + "\",\"quantity\":1,\"unitPrice\":100}]}"));
    }

    /** A vendor, a draft contract with a PDF, and an active contract. */
    private void contracts(String base) throws Exception {
        UUID vendorId = contracts.vendor(org, "Table vendor");
        vendor = vendorId.toString();
        UUID draft = contracts.contract(mvc, org, vendorId, "\"endDate\":\"2027-12-31\"");
        contract = draft.toString();
        UUID active = contracts.contract(mvc, org, vendorId, "\"endDate\":\"2028-12-31\"");
        contracts.activate(mvc, org, active);
        running = active.toString();
        document = com.jayway.jsonpath.JsonPath.read(mvc.perform(multipart(base + "/contracts/" + contract + "/documents")
                                .file(new MockMultipartFile("file", "table.pdf", "application/pdf",
                                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                                .header("Authorization", org.cio().bearer()))
                        .andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    /** A contact, an intelligence note and a review by the CIO on the table's vendor, and a spare vendor to archive. */
    private void vendors(String base) throws Exception {
        spare = id(post(base + "/vendors", "{\"legalName\":\"Spare Vendor\",\"category\":\"OTHER\"}"));
        contact = id(post(base + "/vendors/" + vendor + "/contacts", "{\"name\":\"Table Contact\",\"kind\":\"ACCOUNT_MANAGER\"}"));
        note = id(post(base + "/vendors/" + vendor + "/notes", "{\"title\":\"Table note\",\"kind\":\"BRIEFING\"}"));
        review = id(post(base + "/vendor-reviews", "{\"vendorId\":\"" + vendor + "\",\"period\":\"2025-Q1\",\"quality\":4,"
                + "\"delivery\":4,\"support\":3,\"cost\":3,\"relationship\":4,\"innovation\":3}"));
    }

    private String post(String path, String json) throws Exception {
        return mvc.perform(request(HttpMethod.POST, path)
                        .header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn().getResponse().getContentAsString();
    }

    /** A draft budget for 2030 with one line, and an exchange rate, so the budget rows have something to read and change. */
    private void budget(String base) throws Exception {
        mvc.perform(request(HttpMethod.POST, base + "/budgets")
                .header("Authorization", org.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fiscalYear\":2030}"));
        budgetLine = id(mvc.perform(request(HttpMethod.POST, base + "/budgets/2030/lines")
                        .header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"L1\",\"description\":\"Line\",\"amount\":1200}"))
                .andReturn().getResponse().getContentAsString());
        category = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(request(HttpMethod.GET, base + "/cost-categories").header("Authorization", org.cio().bearer()))
                        .andReturn().getResponse().getContentAsString(),
                "$[0].id");
        rate = id(mvc.perform(request(HttpMethod.POST, base + "/exchange-rates")
                        .header("Authorization", org.cio().bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currency\":\"USD\",\"rate\":0.9,\"validFrom\":\"2030-01-01\"}"))
                .andReturn().getResponse().getContentAsString());
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = RoleRoutesIntegrationTests.class.getResourceAsStream("/role-routes.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", 5);
                rows.add(new Row(
                        i + 1,
                        Role.valueOf(cells[0].strip()),
                        HttpMethod.valueOf(cells[1].strip()),
                        cells[2].strip(),
                        Integer.parseInt(cells[3].strip()),
                        cells.length > 4 ? cells[4].strip() : ""));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void roleGetsTheStatusTheTableSays(Row row) throws Exception {
        Person person = people.get(row.role());
        String path = fill(row.path());
        MockHttpServletRequestBuilder request = request(row.method(), path);
        if (path.startsWith("/api/")) {
            request.header("Authorization", person.bearer());
            if (row.method() != HttpMethod.GET) {
                request.header("If-Match", "\"" + currentVersion(path) + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fill(row.body().isEmpty() ? "{}" : row.body()));
            }
        } else {
            request.with(user(person.principal()));
            if (row.method() != HttpMethod.GET) {
                request.with(csrf());
                for (String pair : row.body().isEmpty() ? new String[0] : fill(row.body()).split("&")) {
                    String[] field = pair.split("=", 2);
                    request.param(field[0], field.length > 1 ? field[1] : "");
                }
            }
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status).as("line %d: %s", row.line(), row).isEqualTo(row.status());
    }

    @Test
    void everyApiRouteHasRows() throws IOException {
        Set<String> covered = new HashSet<>();
        rows().forEach(r -> covered.add(r.method() + " " + r.path().replaceAll("\\?.*$", "").replaceAll("\\{[a-z]+}", "{}")));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (!pattern.startsWith("/api/v1/orgs/{orgSlug}")) {
                return;
            }
            info.getMethodsCondition().getMethods().forEach(method -> {
                String key = method.name() + " " + pattern.replaceAll("\\{[A-Za-z]+}", "{}");
                if (!covered.contains(key)) {
                    missing.add(key);
                }
            });
        }));
        assertThat(missing).as("API routes without a row in role-routes.csv").isEmpty();
    }

    /**
     * The vendor module's pages have rows too (its pages check roles in the service layer, like its API), so a page
     * added without rows fails here.
     */
    @Test
    void everyVendorPageRouteHasRows() throws IOException {
        Set<String> covered = new HashSet<>();
        rows().forEach(r -> covered.add(r.method() + " " + r.path().replaceAll("\\?.*$", "").replaceAll("\\{[a-z]+}", "{}")));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().forEach(pattern -> {
            if (!pattern.startsWith("/o/{orgSlug}") || !handler.getBeanType().getPackageName().startsWith("org.opencio.vendor")) {
                return;
            }
            info.getMethodsCondition().getMethods().forEach(method -> {
                String key = method.name() + " " + pattern.replaceAll("\\{[A-Za-z]+}", "{}");
                if (!covered.contains(key)) {
                    missing.add(key);
                }
            });
        }));
        assertThat(missing).as("vendor pages without a row in role-routes.csv").isEmpty();
    }

    private String fill(String template) {
        return template.replace("{org}", org.slug())
                .replace("{dept}", department)
                .replace("{member}", member)
                .replace("{invitation}", invitation)
                .replace("{year}", "2030")
                .replace("{line}", budgetLine)
                .replace("{category}", category)
                .replace("{rate}", rate)
                .replace("{policy}", policy)
                .replace("{vendor}", vendor)
                .replace("{contract}", contract)
                .replace("{running}", running)
                .replace("{document}", document)
                .replace("{spare}", spare)
                .replace("{contact}", contact)
                .replace("{note}", note)
                .replace("{review}", review)
                .replace("{request}", purchaseRequest)
                .replace("{attachment}", attachment)
                .replace("{order}", order)
                .replace("{orderline}", orderLine)
                .replace("{invoice}", invoice)
                .replace("{asset}", asset)
                .replace("{assignee}", assignee)
                .replace("{unique}", OrgFixtures.unique("u"));
    }

    /**
     * The version to send as If-Match: the record's current one, so a permitted update is not refused as stale. For a
     * transition ({@code POST …/{id}/<action>}) the record is the one the path names before its action.
     */
    private long currentVersion(String path) throws Exception {
        String etag = etag(path);
        String parent = path.substring(0, path.lastIndexOf('/'));
        if (etag == null && parent.substring(parent.lastIndexOf('/') + 1).matches("[0-9a-f-]{36}")) {
            etag = etag(parent);
        }
        return etag == null ? 0 : Long.parseLong(etag.replace("\"", ""));
    }

    private String etag(String path) throws Exception {
        return mvc.perform(request(HttpMethod.GET, path).header("Authorization", org.cio().bearer())).andReturn().getResponse().getHeader("ETag");
    }

    private static String id(String json) {
        return com.jayway.jsonpath.JsonPath.read(json, "$.id");
    }
}

package org.opencio.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every page and API route of every module as members of organization B, naming organization A's slug or A's
 * records, and expects 404 with nothing changed in A. A member whose role may not use a route at all may get 403
 * instead (that says nothing about A), but someone in B whose role may use it must get 404, and nobody anything else.
 * New routes are covered as soon as they exist; A's records are found through its audit trail, so every audited
 * record of a new module is tried too.
 */
@IntegrationTest
class CrossOrganizationIntegrationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String pattern) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean hasRecordVariable() {
            return VARIABLE.matcher(pattern.replace("{orgSlug}", "")).find();
        }

        String path(String slug, String id) {
            String withSlug = pattern.replace("{orgSlug}", slug);
            return VARIABLE.matcher(withSlug).replaceAll(id);
        }
    }

    @Test
    void anotherOrganizationsSlugAndRecordsAreNotFoundOnEveryRoute() throws Exception {
        Org a = populatedOrganization();
        Org b = fixtures.organization();
        List<Person> intruders = new ArrayList<>();
        intruders.add(b.cio());
        for (Role role : Role.values()) {
            if (role != Role.CIO) {
                intruders.add(fixtures.member(b, role));
            }
        }
        List<String> aRecords = jdbc.sql("select distinct entity_id from audit_events where org_id = ?")
                .param(a.id())
                .query(String.class)
                .list();
        long aEventsBefore = eventCount(a);

        List<Route> routes = orgRoutes();
        assertThat(routes).extracting(Route::pattern)
                .contains("/api/v1/orgs/{orgSlug}/departments/{id}", "/o/{orgSlug}/members/{id}", "/api/v1/orgs/{orgSlug}/audit-events");
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            // A's slug: B's CIO is no member there.
            String anyId = aRecords.getFirst();
            expectNotFound(route, route.path(a.slug(), anyId), intruders, failures);
            // B's slug with A's records.
            if (route.hasRecordVariable()) {
                for (String id : aRecords) {
                    expectNotFound(route, route.path(b.slug(), id), intruders, failures);
                }
            }
        }
        assertThat(failures).as("routes that did not answer 404").isEmpty();
        assertThat(eventCount(a)).as("nothing changed in organization A").isEqualTo(aEventsBefore);
    }

    private void expectNotFound(Route route, String path, List<Person> callers, List<String> failures) throws Exception {
        List<String> answers = new ArrayList<>();
        boolean notFound = false;
        boolean other = false;
        for (Person caller : callers) {
            int status = status(route, path, caller);
            answers.add(caller.role() + " " + status);
            notFound |= status == 404;
            other |= status != 404 && status != 403;
        }
        if (!notFound || other) {
            failures.add(route.method() + " " + path + " → " + answers);
        }
    }

    private int status(Route route, String path, Person caller) throws Exception {
        MockHttpServletRequestBuilder request = request(route.method(), path);
        if (route.api()) {
            request.header("Authorization", caller.bearer());
            if (route.method() != HttpMethod.GET) {
                request.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        } else {
            request.with(user(caller.principal()));
            if (route.method() != HttpMethod.GET) {
                request.with(csrf()).param("version", "0");
            }
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Organization A with at least one record of every kind the organization and vendor modules have, and an exchange rate. */
    private Org populatedOrganization() throws Exception {
        Org a = fixtures.organization();
        String base = "/api/v1/orgs/" + a.slug();
        mvc.perform(request(HttpMethod.POST, base + "/departments")
                .header("Authorization", a.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"FIN\",\"name\":\"Finance\"}"));
        mvc.perform(request(HttpMethod.POST, base + "/invitations")
                .header("Authorization", a.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + OrgFixtures.unique("invitee") + "@example.test\",\"role\":\"EMPLOYEE\"}"));
        mvc.perform(request(HttpMethod.POST, base + "/approval-policies")
                .header("Authorization", a.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
        var staff = fixtures.member(a, Role.IT_STAFF);
        mvc.perform(request(HttpMethod.POST, base + "/approval-delegations")
                .header("Authorization", a.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"delegateId\":\"" + staff.accountId() + "\",\"startsOn\":\"" + java.time.LocalDate.now().plusDays(2)
                        + "\",\"endsOn\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        var employee = fixtures.member(a, Role.EMPLOYEE);
        // A draft purchase request, so that its routes by id are walked with a record of A.
        String request = created(employee, base + "/purchase-requests",
                "{\"title\":\"Monitor\",\"lines\":[{\"description\":\"Monitor\",\"quantity\":1,\"unitPrice\":200}]}");
        // With a quote attached, so that the attachment routes are walked with a request of A that has one.
        mvc.perform(multipart(base + "/purchase-requests/" + request + "/attachments")
                        .file(new MockMultipartFile("file", "quote.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                        .header("Authorization", employee.bearer()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        // Budget records that have their own routes by id.
        mvc.perform(request(HttpMethod.POST, base + "/exchange-rates")
                .header("Authorization", a.cio().bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currency\":\"USD\",\"rate\":0.9,\"validFrom\":\"2026-01-01\"}"));
        contracts(a, base);
        vendors(a, base);
        purchases(a, base, employee);
        assets(a, base);
        return a;
    }

    /**
     * An asset recorded by hand and a model, so the asset routes are tried with A's records; and the asset the goods
     * receipt makes, waited for so that it is no change in A made while the routes are walked.
     */
    private void assets(Org a, String base) throws Exception {
        created(a, base + "/asset-models", "{\"manufacturer\":\"Intruded\",\"name\":\"Model\",\"type\":\"LAPTOP\",\"lifetimeMonths\":36}");
        created(a, base + "/assets", "{\"name\":\"Intruded laptop\",\"type\":\"LAPTOP\",\"serial\":\"A-1\"}");
        for (int i = 0; i < 100; i++) {
            String list = mvc.perform(request(HttpMethod.GET, base + "/assets").header("Authorization", a.cio().bearer()))
                    .andReturn().getResponse().getContentAsString();
            if (com.jayway.jsonpath.JsonPath.<List<Object>>read(list, "$.items").size() >= 2) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the asset of the goods receipt did not arrive");
    }

    /** An ordered request with a goods receipt and an invoice, so the order and invoice routes are tried with A's records. */
    private void purchases(Org a, String base, Person employee) throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear();
        UUID line = contracts.approvedBudgetLine(mvc, a, year, "\"code\":\"PO\",\"amount\":100000");
        UUID vendor = contracts.vendor(a, "Vendor of orders");
        Person manager = fixtures.member(a, Role.IT_MANAGER);
        String request = com.jayway.jsonpath.JsonPath.read(mvc.perform(request(HttpMethod.POST, base + "/purchase-requests")
                        .header("Authorization", employee.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Dock\",\"vendorId\":\"" + vendor + "\",\"budgetLineId\":\"" + line
                                + "\",\"lines\":[{\"description\":\"Dock\",\"quantity\":2,\"unitPrice\":100}]}"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(request(HttpMethod.POST, base + "/purchase-requests/" + request + "/submit").header("Authorization", employee.bearer()));
        mvc.perform(request(HttpMethod.POST, base + "/purchase-requests/" + request + "/approve").header("Authorization", manager.bearer()));
        String orders = mvc.perform(request(HttpMethod.GET, base + "/purchase-orders").header("Authorization", a.cio().bearer()))
                .andReturn().getResponse().getContentAsString();
        String order = com.jayway.jsonpath.JsonPath.read(orders, "$.items[0].id");
        String orderLine = com.jayway.jsonpath.JsonPath.read(mvc.perform(request(HttpMethod.GET, base + "/purchase-orders/" + order)
                .header("Authorization", a.cio().bearer())).andReturn().getResponse().getContentAsString(), "$.lines[0].id");
        created(a, base + "/purchase-orders/" + order + "/receipts", "{\"lines\":[{\"orderLineId\":\"" + orderLine + "\",\"quantity\":1}]}");
        created(a, base + "/invoices", "{\"orderId\":\"" + order + "\",\"vendorInvoiceNumber\":\"A-1\",\"invoiceDate\":\""
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")) + "\",\"currency\":\"EUR\",\"lines\":[{\"orderLineId\":\""
                + orderLine + "\",\"quantity\":2,\"unitPrice\":100}]}");
    }

    /** A draft contract with a document, an active contract, its settings and calendar feed (audited, so walked). */
    private void contracts(Org a, String base) throws Exception {
        UUID vendor = contracts.vendor(a, "Vendor of A");
        UUID draft = contracts.contract(mvc, a, vendor, "\"endDate\":\"2027-12-31\"");
        UUID active = contracts.contract(mvc, a, vendor, "\"endDate\":\"2028-12-31\"");
        contracts.activate(mvc, a, active);
        mvc.perform(multipart(base + "/contracts/" + draft + "/documents")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                .header("Authorization", a.cio().bearer()));
        mvc.perform(request(HttpMethod.POST, base + "/calendar-feed").header("Authorization", a.cio().bearer()));
        mvc.perform(request(HttpMethod.PUT, base + "/contract-settings")
                .header("Authorization", a.cio().bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"expiringWindowDays\":60,\"reminderDays\":[60,30]}"));
    }

    /** A vendor with a contact, an intelligence note and a review, so the vendor routes are tried with A's records. */
    private void vendors(Org a, String base) throws Exception {
        String vendor = created(a, base + "/vendors", "{\"legalName\":\"Intruded Vendor\",\"category\":\"SAAS\"}");
        created(a, base + "/vendors/" + vendor + "/contacts", "{\"name\":\"Intruded Contact\",\"kind\":\"SUPPORT\"}");
        created(a, base + "/vendors/" + vendor + "/notes", "{\"title\":\"Intruded note\"}");
        created(a, base + "/vendor-reviews", "{\"vendorId\":\"" + vendor + "\",\"period\":\"2025-Q1\",\"quality\":3,\"delivery\":3,"
                + "\"support\":3,\"cost\":3,\"relationship\":3,\"innovation\":3}");
    }

    private String created(Org a, String path, String json) throws Exception {
        return created(a.cio(), path, json);
    }

    private String created(Person author, String path, String json) throws Exception {
        String body = mvc.perform(request(HttpMethod.POST, path)
                        .header("Authorization", author.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.id");
    }

    private List<Route> orgRoutes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.contains("{orgSlug}")) {
                    continue;
                }
                for (var method : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    routes.add(new Route(HttpMethod.valueOf(method.name()), pattern));
                }
            }
        }
        return routes;
    }

    private long eventCount(Org org) {
        return jdbc.sql("select count(*) from audit_events where org_id = ?").param(org.id()).query(Long.class).single();
    }
}

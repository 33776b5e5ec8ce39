package org.opencio.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.lastAuditSeq;
import static org.opencio.support.Api.namesField;
import static org.opencio.support.Api.problem;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Bad input to the JSON API is refused with a 4xx problem detail that names what is wrong, never a 500, and leaves
 * nothing behind: the audit trail, which records every change, has no new event afterwards.
 */
@IntegrationTest
class BadInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Test
    void malformedJsonIsRefusedAsTheBody() throws Exception {
        var org = fixtures.organization();
        long seq = lastAuditSeq(mvc, org);

        createDepartment(org, "{\"code\": \"IT\", \"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("body"))
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:validation"));
        createDepartment(org, "")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("body"));
        createDepartment(org, "[{\"code\": \"IT\", \"name\": \"IT\"}]")
                .andExpect(status().isBadRequest())
                .andExpect(problem());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).isEmpty();
    }

    @Test
    void valuesOfTheWrongTypeNameTheirField() throws Exception {
        var org = fixtures.organization();
        long seq = lastAuditSeq(mvc, org);

        createDepartment(org, "{\"code\": \"IT\", \"name\": {\"en\": \"IT\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("name"));
        createDepartment(org, "{\"code\": \"IT\", \"name\": \"IT\", \"parentId\": \"not-a-uuid\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("parentId"));
        updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "Europe/Berlin", "en-GB", "\"March\""))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("fiscalYearStartMonth"));
        // A month is a whole number: a fraction must not be cut down to one silently.
        updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "Europe/Berlin", "en-GB", "2.5"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("fiscalYearStartMonth"));
        updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "Europe/Berlin", "en-GB", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("fiscalYearStartMonth"));
        invite(org, "{\"email\": \"someone@example.test\", \"role\": \"EMPLOYEE\", \"approvalLimit\": \"lots\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("approvalLimit"));
        // A number where text is expected is read as text, so it must still pass the field's own rule.
        invite(org, "{\"email\": 12345, \"role\": \"EMPLOYEE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("email"));
        // Roles are names; a number must not pick one by its position in a list.
        invite(org, "{\"email\": \"someone@example.test\", \"role\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("role"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(invitationEmails(org)).isEmpty();
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug())))
                .andExpect(jsonPath("$.name").value(org.name()))
                .andExpect(jsonPath("$.fiscalYearStartMonth").value(1));
    }

    @Test
    void unknownRolesAreRefusedWithTheAllowedOnes() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        long seq = lastAuditSeq(mvc, org);

        invite(org, "{\"email\": \"wizard@example.test\", \"role\": \"WIZARD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("role"))
                .andExpect(jsonPath("$.detail", containsString("IT_MANAGER")));
        updateMember(org, employee, "\"0\"", "{\"role\": \"WIZARD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("role"));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members")).param("role", "WIZARD"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("role"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members/" + employee.membershipId())))
                .andExpect(jsonPath("$.role").value("EMPLOYEE"));
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        var org = fixtures.organization();
        var other = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        long seq = lastAuditSeq(mvc, org);

        createDepartment(org, "{\"code\": \"IT\", \"name\": \"IT\", \"orgId\": \"" + other.id() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("orgId"))
                .andExpect(jsonPath("$.detail", containsString("orgId")));
        updateMember(org, employee, "\"0\"", "{\"role\": \"EMPLOYEE\", \"active\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("active"));
        updateOrganization(org, "\"0\"", "{\"name\": \"X\", \"slug\": \"taken-over\", \"baseCurrency\": \"EUR\", "
                        + "\"timeZone\": \"UTC\", \"locale\": \"en-GB\", \"fiscalYearStartMonth\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("slug"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).isEmpty();
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members/" + employee.membershipId())))
                .andExpect(jsonPath("$.active").value(true));
    }

    @Test
    void missingRequiredFieldsAreAllNamedAtOnce() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        var admin = fixtures.platformAdmin();
        long seq = lastAuditSeq(mvc, org);

        createDepartment(org, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("code"))
                .andExpect(namesField("name"));
        invite(org, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("email"))
                .andExpect(namesField("role"));
        updateMember(org, employee, "\"0\"", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("role"));
        updateOrganization(org, "\"0\"", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("name"))
                .andExpect(namesField("baseCurrency"))
                .andExpect(namesField("timeZone"))
                .andExpect(namesField("locale"))
                .andExpect(namesField("fiscalYearStartMonth"));
        mvc.perform(as(admin, post("/api/v1/orgs"), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("name"))
                .andExpect(namesField("slug"))
                .andExpect(namesField("baseCurrency"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).isEmpty();
        assertThat(invitationEmails(org)).isEmpty();
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedUnread() throws Exception {
        var org = fixtures.organization();
        long seq = lastAuditSeq(mvc, org);
        String name = "x".repeat(1024 * 1024);

        createDepartment(org, "{\"code\": \"BIG\", \"name\": \"" + name + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(problem())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:payload-too-large"));
        updateOrganization(org, "\"0\"", settings(name, "EUR", "UTC", "en-GB", "1"))
                .andExpect(status().isContentTooLarge())
                .andExpect(problem());

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).isEmpty();
    }

    @Test
    void bodiesOverOneMebibyteWithoutADeclaredLengthAreRefusedToo() throws Exception {
        var org = fixtures.organization();
        long seq = lastAuditSeq(mvc, org);
        String body = "{\"code\": \"BIG\", \"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

        mvc.perform(as(org.cio(), new Chunked("/api/v1/orgs/" + org.slug() + "/departments"), body))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:payload-too-large"));
        mvc.perform(as(org.cio(), new Chunked("/api/v1/orgs/" + org.slug() + "/departments"), body)
                        .header("Idempotency-Key", "big-1"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:payload-too-large"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).isEmpty();
        // The refused request did not use up its key.
        mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"), "{\"code\": \"OK\", \"name\": \"OK\"}")
                        .header("Idempotency-Key", "big-1"))
                .andExpect(status().isCreated());
    }

    @Test
    void organizationSettingsMustBeRealCurrenciesZonesLocalesAndMonths() throws Exception {
        var org = fixtures.organization();
        long seq = lastAuditSeq(mvc, org);

        for (String currency : List.of("EURO", "eur", "XYZ", "")) {
            updateOrganization(org, "\"0\"", settings("Renamed", currency, "UTC", "en-GB", "1"))
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("baseCurrency"));
        }
        for (String zone : List.of("Mars/Olympus", "UTC+25", "")) {
            updateOrganization(org, "\"0\"", settings("Renamed", "EUR", zone, "en-GB", "1"))
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("timeZone"));
        }
        for (String locale : List.of("xx-YY", "not a locale", "ja-JP-u-ca-japanese-x-lvariant-JP")) {
            updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "UTC", locale, "1"))
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("locale"));
        }
        for (String month : List.of("13", "0", "-1")) {
            updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "UTC", "en-GB", month))
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("fiscalYearStartMonth"));
        }

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug())))
                .andExpect(jsonPath("$.name").value(org.name()))
                .andExpect(jsonPath("$.baseCurrency").value("EUR"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void newOrganizationsAreCheckedLikeSettings() throws Exception {
        var admin = fixtures.platformAdmin();
        String slug = OrgFixtures.unique("new");

        mvc.perform(as(admin, post("/api/v1/orgs"), newOrganization(slug, "eur", "Mars/Olympus", "xx-YY", 13)))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("baseCurrency"))
                .andExpect(namesField("timeZone"))
                .andExpect(namesField("locale"))
                .andExpect(namesField("fiscalYearStartMonth"));
        mvc.perform(as(admin, post("/api/v1/orgs"), newOrganization("Not A Slug", "EUR", "UTC", "en-US", 1)))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("slug"));

        mvc.perform(as(admin, get("/api/v1/orgs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", not(hasItem(slug))));
    }

    @Test
    void onlyPlatformAdministratorsCreateOrganizationsAndSlugsAreUnique() throws Exception {
        var org = fixtures.organization();
        var admin = fixtures.platformAdmin();
        String slug = OrgFixtures.unique("new");

        mvc.perform(as(org.cio(), post("/api/v1/orgs"), newOrganization(slug, "EUR", "UTC", "en-US", 1)))
                .andExpect(status().isForbidden())
                .andExpect(problem());
        mvc.perform(as(admin, post("/api/v1/orgs"), newOrganization(slug, "USD", "America/New_York", "en-US", 7)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.fiscalYearStartMonth").value(7));
        mvc.perform(as(admin, post("/api/v1/orgs"), newOrganization(slug, "EUR", "UTC", "en-US", 1)))
                .andExpect(status().isConflict())
                .andExpect(namesField("slug"));
        mvc.perform(as(admin, post("/api/v1/orgs"), newOrganization(org.slug(), "EUR", "UTC", "en-US", 1)))
                .andExpect(status().isConflict())
                .andExpect(namesField("slug"));

        // The existing organization is untouched: still its own name and a single CIO.
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug())))
                .andExpect(jsonPath("$.name").value(org.name()))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members")))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void duplicateDepartmentCodesConflict() throws Exception {
        var org = fixtures.organization();
        String it = createdId(createDepartment(org, "{\"code\": \"IT\", \"name\": \"Information Technology\"}"));
        String ops = createdId(createDepartment(org, "{\"code\": \"OPS\", \"name\": \"Operations\"}"));
        long seq = lastAuditSeq(mvc, org);

        createDepartment(org, "{\"code\": \"IT\", \"name\": \"Another IT\"}")
                .andExpect(status().isConflict())
                .andExpect(namesField("code"));
        mvc.perform(as(org.cio(), put("/api/v1/orgs/" + org.slug() + "/departments/" + ops), "{\"code\": \"IT\", \"name\": \"Operations\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isConflict())
                .andExpect(namesField("code"));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(departmentCodes(org)).containsExactlyInAnyOrder("IT", "OPS");
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/departments/" + it)))
                .andExpect(jsonPath("$.name").value("Information Technology"));
        // The same code in another organization is no conflict.
        createDepartment(fixtures.organization(), "{\"code\": \"IT\", \"name\": \"IT\"}").andExpect(status().isCreated());
    }

    @Test
    void updatesNeedTheCurrentVersion() throws Exception {
        var org = fixtures.organization();
        var employee = fixtures.member(org, Role.EMPLOYEE);
        long seq = lastAuditSeq(mvc, org);

        mvc.perform(as(org.cio(), put("/api/v1/orgs/" + org.slug()), settings("Renamed", "EUR", "UTC", "en-GB", "1")))
                .andExpect(status().isPreconditionRequired())
                .andExpect(problem())
                .andExpect(jsonPath("$.type").value("urn:opencio:problem:if-match-required"));
        updateOrganization(org, "\"5\"", settings("Renamed", "EUR", "UTC", "en-GB", "1"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(problem())
                .andExpect(jsonPath("$.currentVersion").value(0));
        updateOrganization(org, "not-an-etag", settings("Renamed", "EUR", "UTC", "en-GB", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("If-Match"));
        mvc.perform(as(org.cio(), put("/api/v1/orgs/" + org.slug() + "/members/" + employee.membershipId()),
                        "{\"role\": \"IT_STAFF\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(problem());
        updateMember(org, employee, "\"3\"", "{\"role\": \"IT_STAFF\"}")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(0));

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members/" + employee.membershipId())))
                .andExpect(jsonPath("$.role").value("EMPLOYEE"));

        // The version in the ETag is the one that works.
        updateOrganization(org, "\"0\"", settings("Renamed", "EUR", "UTC", "en-GB", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"));
        updateOrganization(org, "\"0\"", settings("Renamed again", "EUR", "UTC", "en-GB", "1"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));
    }

    @Test
    void aParentDepartmentMustBelongToTheSameOrganization() throws Exception {
        var a = fixtures.organization();
        var b = fixtures.organization();
        String foreign = createdId(createDepartment(a, "{\"code\": \"HQ\", \"name\": \"Headquarters\"}"));
        String own = createdId(createDepartment(b, "{\"code\": \"FIN\", \"name\": \"Finance\"}"));
        long seqA = lastAuditSeq(mvc, a);
        long seqB = lastAuditSeq(mvc, b);

        createDepartment(b, "{\"code\": \"IT\", \"name\": \"IT\", \"parentId\": \"" + foreign + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("parentId"));
        mvc.perform(as(b.cio(), put("/api/v1/orgs/" + b.slug() + "/departments/" + own),
                                "{\"code\": \"FIN\", \"name\": \"Finance\", \"parentId\": \"" + foreign + "\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isBadRequest())
                .andExpect(namesField("parentId"));
        // Another organization's head of department is no member here either.
        createDepartment(b, "{\"code\": \"IT\", \"name\": \"IT\", \"headAccountId\": \"" + a.cio().accountId() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("headAccountId"));

        assertThat(lastAuditSeq(mvc, a)).isEqualTo(seqA);
        assertThat(lastAuditSeq(mvc, b)).isEqualTo(seqB);
        assertThat(departmentCodes(b)).containsExactly("FIN");
        mvc.perform(as(b.cio(), get("/api/v1/orgs/" + b.slug() + "/departments/" + own)))
                .andExpect(jsonPath("$.parentId").doesNotExist())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void invitationsAndMembersOnlyTakeDepartmentsOfTheirOrganization() throws Exception {
        var a = fixtures.organization();
        var b = fixtures.organization();
        var employee = fixtures.member(b, Role.EMPLOYEE);
        String foreign = createdId(createDepartment(a, "{\"code\": \"HQ\", \"name\": \"Headquarters\"}"));
        long seqB = lastAuditSeq(mvc, b);

        invite(b, "{\"email\": \"new@example.test\", \"role\": \"EMPLOYEE\", \"departmentId\": \"" + foreign + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("departmentId"));
        updateMember(b, employee, "\"0\"", "{\"role\": \"EMPLOYEE\", \"departmentId\": \"" + foreign + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(namesField("departmentId"));

        assertThat(lastAuditSeq(mvc, b)).isEqualTo(seqB);
        assertThat(invitationEmails(b)).isEmpty();
        mvc.perform(as(b.cio(), get("/api/v1/orgs/" + b.slug() + "/members/" + employee.membershipId())))
                .andExpect(jsonPath("$.departmentId").doesNotExist())
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void malformedOrForeignIdsInPathsAreNotFound() throws Exception {
        var a = fixtures.organization();
        var b = fixtures.organization();
        var outsider = fixtures.member(a, Role.EMPLOYEE);
        String foreignDepartment = createdId(createDepartment(a, "{\"code\": \"HQ\", \"name\": \"HQ\"}"));
        long seqA = lastAuditSeq(mvc, a);
        long seqB = lastAuditSeq(mvc, b);
        String base = "/api/v1/orgs/" + b.slug();

        for (String path : List.of("/departments/", "/members/", "/invitations/")) {
            mvc.perform(as(b.cio(), get(base + path + "not-a-uuid")))
                    .andExpect(status().isNotFound())
                    .andExpect(problem());
        }
        mvc.perform(as(b.cio(), put(base + "/departments/not-a-uuid"), "{\"code\": \"X\", \"name\": \"X\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isNotFound())
                .andExpect(problem());

        // Records of another organization do not exist here, whatever is done to them.
        mvc.perform(as(b.cio(), get(base + "/departments/" + foreignDepartment)))
                .andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), put(base + "/departments/" + foreignDepartment), "{\"code\": \"X\", \"name\": \"Taken\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), post(base + "/departments/" + foreignDepartment + "/archive")))
                .andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), get(base + "/members/" + outsider.membershipId())))
                .andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), put(base + "/members/" + outsider.membershipId()), "{\"role\": \"CIO\"}")
                        .header("If-Match", "\"0\""))
                .andExpect(status().isNotFound());
        mvc.perform(as(b.cio(), post(base + "/members/" + outsider.membershipId() + "/deactivate")))
                .andExpect(status().isNotFound());

        assertThat(lastAuditSeq(mvc, a)).isEqualTo(seqA);
        assertThat(lastAuditSeq(mvc, b)).isEqualTo(seqB);
        mvc.perform(as(a.cio(), get("/api/v1/orgs/" + a.slug() + "/members/" + outsider.membershipId())))
                .andExpect(jsonPath("$.role").value("EMPLOYEE"))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(as(a.cio(), get("/api/v1/orgs/" + a.slug() + "/departments/" + foreignDepartment)))
                .andExpect(jsonPath("$.name").value("HQ"))
                .andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void approvalLimitsAreNeverNegativeNorFinerThanFourDecimals() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        long seq = lastAuditSeq(mvc, org);

        for (String limit : List.of("-1", "-0.01", "1.23456", "1e16", "12345678901234567")) {
            invite(org, "{\"email\": \"limit@example.test\", \"role\": \"IT_STAFF\", \"approvalLimit\": " + limit + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("approvalLimit"));
            updateMember(org, manager, "\"0\"", "{\"role\": \"IT_MANAGER\", \"approvalLimit\": " + limit + "}")
                    .andExpect(status().isBadRequest())
                    .andExpect(namesField("approvalLimit"));
        }

        assertThat(lastAuditSeq(mvc, org)).isEqualTo(seq);
        assertThat(invitationEmails(org)).isEmpty();
        var unchanged = mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/members/" + manager.membershipId())));
        assertThat(new BigDecimal(read(unchanged, "$.approvalLimit").toString())).isZero();

        // The largest and finest amount allowed is kept exactly.
        updateMember(org, manager, "\"0\"", "{\"role\": \"IT_MANAGER\", \"approvalLimit\": 999999999999999.9999}")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"approvalLimit\":999999999999999.9999")));
    }

    /** A POST whose body arrives without a Content-Length, as chunked requests do. */
    private static final class Chunked extends AbstractMockHttpServletRequestBuilder<Chunked> {

        Chunked(String uri) {
            super(HttpMethod.POST);
            uri(uri);
            header("Transfer-Encoding", "chunked");
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext context) {
            return new MockHttpServletRequest(context) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }

    private ResultActions createDepartment(Org org, String json) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/departments"), json));
    }

    private ResultActions invite(Org org, String json) throws Exception {
        return mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/invitations"), json));
    }

    private ResultActions updateMember(Org org, Person member, String ifMatch, String json) throws Exception {
        return mvc.perform(as(org.cio(), put("/api/v1/orgs/" + org.slug() + "/members/" + member.membershipId()), json)
                .header("If-Match", ifMatch));
    }

    private ResultActions updateOrganization(Org org, String ifMatch, String json) throws Exception {
        return mvc.perform(as(org.cio(), put("/api/v1/orgs/" + org.slug()), json).header("If-Match", ifMatch));
    }

    private static String settings(String name, String currency, String zone, String locale, String month) {
        return "{\"name\": \"" + name + "\", \"baseCurrency\": \"" + currency + "\", \"timeZone\": \"" + zone
                + "\", \"locale\": \"" + locale + "\", \"fiscalYearStartMonth\": " + month + "}";
    }

    private static String newOrganization(String slug, String currency, String zone, String locale, int month) {
        return "{\"name\": \"New " + slug + "\", \"slug\": \"" + slug + "\", \"baseCurrency\": \"" + currency
                + "\", \"timeZone\": \"" + zone + "\", \"locale\": \"" + locale + "\", \"fiscalYearStartMonth\": " + month
                + "}";
    }

    private static String createdId(ResultActions result) throws Exception {
        result.andExpect(status().isCreated());
        return read(result, "$.id");
    }

    private List<String> departmentCodes(Org org) throws Exception {
        return read(mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/departments"))
                        .param("includeArchived", "true"))
                .andExpect(status().isOk()), "$.items[*].code");
    }

    private List<String> invitationEmails(Org org) throws Exception {
        return read(mvc.perform(as(org.cio(), get("/api/v1/orgs/" + org.slug() + "/invitations")))
                .andExpect(status().isOk()), "$.items[*].email");
    }
}

package org.opencio.procurement;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opencio.procurement.PurchaseRequestCalls.act;
import static org.opencio.procurement.PurchaseRequestCalls.body;
import static org.opencio.procurement.PurchaseRequestCalls.draft;
import static org.opencio.procurement.PurchaseRequestCalls.line;
import static org.opencio.procurement.PurchaseRequestCalls.path;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.organization.OrgFixtures.Person;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.opencio.vendor.ContractFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The request form with every field the API has (department, needed-by date, vendor, and per line category, vendor and
 * catalogue item), the edit of a draft with its version, the budget line suggestion, and attachments on the request page.
 */
@IntegrationTest
class PurchaseRequestFormPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    record Setup(Org org, Person employee, String department, UUID vendor, String category, UUID budgetLine, String base) {}

    private Setup setup() throws Exception {
        Org org = fixtures.organization();
        String api = "/api/v1/orgs/" + org.slug();
        String department = read(mvc.perform(as(org.cio(), post(api + "/departments"), "{\"code\":\"MKT\",\"name\":\"Marketing\"}"))
                .andExpect(status().isCreated()), "$.id");
        String category = read(mvc.perform(as(org.cio(), get(api + "/cost-categories"))).andExpect(status().isOk()), "$[0].id");
        UUID budgetLine = contracts.approvedBudgetLine(mvc, org, today.getYear(),
                "\"code\":\"MKT-HW\",\"amount\":50000,\"departmentId\":\"" + department + "\"");
        UUID vendor = contracts.vendor(org, "Fabrikam Supplies");
        return new Setup(org, fixtures.member(org, Role.EMPLOYEE), department, vendor, category, budgetLine, "/o/" + org.slug() + "/purchase-requests");
    }

    @Test
    void theFormOffersEveryFieldAndSavesThemAll() throws Exception {
        Setup s = setup();
        page(s.employee(), get(s.base() + "/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"departmentId\""), containsString("Marketing"), containsString("name=\"neededBy\""),
                        containsString("name=\"vendorId\""), containsString("Fabrikam Supplies"), containsString("name=\"categoryId\""),
                        containsString("name=\"lineVendorId\""), containsString("name=\"catalogItem\""), containsString(s.category()),
                        containsString("hx-get=\"" + s.base() + "/budget-line-suggestion\""))));

        String location = page(s.employee(), post(s.base())
                        .param("title", "Event screens").param("justification", "Trade fair").param("neededBy", today.plusDays(30).toString())
                        .param("departmentId", s.department()).param("vendorId", s.vendor().toString()).param("budgetLineId", s.budgetLine().toString())
                        .param("description", "Screen", "", "").param("categoryId", s.category(), "", "").param("quantity", "2", "", "")
                        .param("unitPrice", "1,250.00".replace(",", ""), "", "").param("currency", "", "", "")
                        .param("lineVendorId", s.vendor().toString(), "", "").param("catalogItem", "FAB-55-4K", "", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(as(s.employee(), get(path(s.org()) + "/" + id)))
                .andExpect(jsonPath("$.justification").value("Trade fair"))
                .andExpect(jsonPath("$.neededBy").value(today.plusDays(30).toString()))
                .andExpect(jsonPath("$.departmentId").value(s.department()))
                .andExpect(jsonPath("$.vendorId").value(s.vendor().toString()))
                .andExpect(jsonPath("$.budgetLineId").value(s.budgetLine().toString()))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].categoryId").value(s.category()))
                .andExpect(jsonPath("$.lines[0].vendorId").value(s.vendor().toString()))
                .andExpect(jsonPath("$.lines[0].catalogItem").value("FAB-55-4K"))
                .andExpect(jsonPath("$.lines[0].unitPrice").value(1250.0));
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndShowsTheErrorOnItsLine() throws Exception {
        Setup s = setup();
        // The first line is left empty, the second is wrong: its error is shown on the second line, not the first.
        page(s.employee(), post(s.base())
                        .param("title", "Chairs").param("neededBy", "next week").param("departmentId", s.department())
                        .param("vendorId", s.vendor().toString())
                        .param("description", "", "Chair").param("categoryId", "", s.category()).param("quantity", "", "0")
                        .param("unitPrice", "", "120").param("currency", "", "").param("lineVendorId", "", "").param("catalogItem", "", "CH-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the date as year-month-day")))
                .andExpect(content().string(containsString("value=\"next week\"")));
        page(s.employee(), post(s.base())
                        .param("title", "Chairs").param("departmentId", s.department()).param("vendorId", s.vendor().toString())
                        .param("description", "", "Chair").param("categoryId", "", s.category()).param("quantity", "", "0")
                        .param("unitPrice", "", "120").param("currency", "", "").param("lineVendorId", "", "").param("catalogItem", "", "CH-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-lines[1].quantity-note\"")))
                .andExpect(content().string(not(containsString("id=\"f-lines[0].quantity-note\""))))
                .andExpect(content().string(containsString("quantity must be greater than zero")))
                .andExpect(content().string(containsString("value=\"Chairs\"")))
                .andExpect(content().string(containsString("value=\"CH-1\"")))
                .andExpect(content().string(containsString("value=\"" + s.department() + "\" selected")))
                .andExpect(content().string(containsString("value=\"" + s.vendor() + "\" selected")))
                .andExpect(content().string(containsString("value=\"" + s.category() + "\" selected")));
        mvc.perform(as(s.employee(), get(path(s.org())))).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void theRequesterEditsADraftAndAStaleEditIsRefusedWithTheTypedValuesKept() throws Exception {
        Setup s = setup();
        String id = draft(mvc, s.org(), s.employee(), body("Laptop bags", null, line("Bag", "4", "35", "EUR")));
        String edit = s.base() + "/" + id + "/edit";

        page(s.employee(), get(s.base() + "/" + id)).andExpect(content().string(containsString("href=\"" + edit + "\"")));
        page(s.employee(), get(edit))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Laptop bags\"")))
                .andExpect(content().string(containsString("value=\"Bag\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));

        page(s.employee(), editPost(edit, "0", "Laptop sleeves", "Sleeve", "4", "30").param("departmentId", s.department()))
                .andExpect(redirectedUrl(s.base() + "/" + id));
        mvc.perform(as(s.employee(), get(path(s.org()) + "/" + id)))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.title").value("Laptop sleeves"))
                .andExpect(jsonPath("$.departmentId").value(s.department()))
                .andExpect(jsonPath("$.lines[0].description").value("Sleeve"))
                .andExpect(jsonPath("$.lines.length()").value(1));

        // Someone changed the draft meanwhile (the API, another tab): the form loaded at version 1 no longer applies.
        mvc.perform(as(s.employee(), patch(path(s.org()) + "/" + id).header("If-Match", "\"1\""), "{\"justification\":\"From the API\"}"))
                .andExpect(status().isOk());
        page(s.employee(), editPost(edit, "1", "Sleeves, padded", "Padded sleeve", "4", "32"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this meanwhile")))
                .andExpect(content().string(containsString("value=\"Sleeves, padded\"")))
                .andExpect(content().string(containsString("value=\"Padded sleeve\"")));
        mvc.perform(as(s.employee(), get(path(s.org()) + "/" + id))).andExpect(jsonPath("$.title").value("Laptop sleeves"));

        // Only the requester edits, and only a draft.
        Person manager = fixtures.member(s.org(), Role.IT_MANAGER);
        page(manager, get(edit)).andExpect(status().isForbidden());
        page(fixtures.member(s.org(), Role.EMPLOYEE), get(edit)).andExpect(status().isNotFound());
        mvc.perform(as(s.employee(), patch(path(s.org()) + "/" + id).header("If-Match", "\"2\""), "{\"budgetLineId\":\"" + s.budgetLine() + "\"}"))
                .andExpect(status().isOk());
        act(mvc, s.org(), s.employee(), id, "submit", "{}").andExpect(status().isOk());
        page(s.employee(), get(edit)).andExpect(status().isConflict());
        page(s.employee(), editPost(edit, "4", "Late change", "Sleeve", "1", "1")).andExpect(status().isConflict());
        page(s.employee(), get(s.base() + "/" + id)).andExpect(content().string(not(containsString("href=\"" + edit + "\""))));
    }

    @Test
    void theBudgetLineIsSuggestedFromTheDepartment() throws Exception {
        Setup s = setup();
        page(s.employee(), get(s.base() + "/budget-line-suggestion").header("HX-Request", "true").param("departmentId", s.department())
                        .param("categoryId", "", "").param("budgetLineId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"budget-line-field\"")))
                .andExpect(content().string(containsString("value=\"" + s.budgetLine() + "\" selected")))
                .andExpect(content().string(containsString("Suggested for this department and category: MKT-HW")))
                .andExpect(content().string(not(containsString("<html"))));
        page(s.employee(), get(s.base() + "/budget-line-suggestion").header("HX-Request", "true").param("departmentId", "")
                        .param("categoryId", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("\" selected"))))
                .andExpect(content().string(containsString("No budget line fits")));
    }

    @Test
    void theRequestPageListsAttachmentsAndTakesUploadsAndRemovals() throws Exception {
        Setup s = setup();
        String id = draft(mvc, s.org(), s.employee(), body("Webcams", null, line("Webcam", "5", "70", "EUR")));
        String request = s.base() + "/" + id;

        page(s.employee(), get(request)).andExpect(content().string(containsString("No files attached yet.")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
        page(s.employee(), multipart(request + "/attachments")
                        .file(new MockMultipartFile("file", "quote.pdf", "application/pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("this file is none of them")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        page(s.employee(), multipart(request + "/attachments")
                        .file(new MockMultipartFile("file", "quote.pdf", "application/pdf", PurchaseRequestAttachmentIntegrationTests.PDF)))
                .andExpect(redirectedUrl(request + "#attachments"));
        String attachment = read(mvc.perform(as(s.employee(), get(path(s.org()) + "/" + id + "/attachments"))), "$[0].id");

        page(s.employee(), get(request))
                .andExpect(content().string(containsString("href=\"" + request + "/attachments/" + attachment + "\"")))
                .andExpect(content().string(containsString("quote.pdf")))
                .andExpect(content().string(containsString("1 KB")))
                .andExpect(content().string(containsString("PDF document")))
                .andExpect(content().string(containsString(s.employee().name() + ", ")))
                .andExpect(content().string(containsString("/attachments/" + attachment + "/remove")));
        page(s.employee(), get(request + "/attachments/" + attachment))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")));
        // An auditor downloads but neither uploads nor removes.
        Person auditor = fixtures.member(s.org(), Role.AUDITOR);
        page(auditor, get(request)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("enctype=\"multipart/form-data\""))))
                .andExpect(content().string(not(containsString("/remove"))));
        page(auditor, post(request + "/attachments/" + attachment + "/remove")).andExpect(status().isForbidden());

        page(s.employee(), post(request + "/attachments/" + attachment + "/remove").param("version", "0"))
                .andExpect(redirectedUrl(request + "#attachments"));
        page(s.employee(), get(request)).andExpect(content().string(containsString("No files attached yet.")));
    }

    private MockHttpServletRequestBuilder editPost(String edit, String version, String title, String description, String quantity, String price) {
        return post(edit).param("version", version).param("title", title)
                .param("description", description, "", "").param("categoryId", "", "", "").param("quantity", quantity, "", "")
                .param("unitPrice", price, "", "").param("currency", "", "", "").param("lineVendorId", "", "", "").param("catalogItem", "", "", "");
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions page(Person person, B request) throws Exception {
        return mvc.perform(request.with(user(person.principal())).with(csrf()));
    }
}

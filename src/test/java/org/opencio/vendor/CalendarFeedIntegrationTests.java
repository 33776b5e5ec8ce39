package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencio.support.Api.as;
import static org.opencio.support.Api.read;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.organization.OrgFixtures.Org;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organization's calendar feed read as a calendar program would, by an independent parser (ical4j): RFC 5545
 * structure, all-day events with stable ids, folding and escaping of awkward titles, and a secret address that
 * rotates and is revoked.
 */
@IntegrationTest
class CalendarFeedIntegrationTests {

    /** Commas, semicolons, a backslash, a line break and characters of several bytes, long enough to be folded. */
    static final String TITLE = "Wartung, Support; 24/7 \\ Zürich – Ærø – 日本語のサポート\nfür die Produktionslinien der Werke Stuttgart, Lyon und Graz";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    ContractFixtures contracts;

    @Test
    void theFeedIsValidIcalendarWithOneAllDayEventPerDate() throws Exception {
        Org org = fixtures.organization();
        UUID vendor = contracts.vendor(org, "Contoso Pharmaceuticals", "Contoso");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate end = today.plusMonths(8).withDayOfMonth(1).minusDays(1);
        UUID id = contracts.contract(mvc, org, vendor, ("\"title\":%s,\"startDate\":\"%s\",\"endDate\":\"%s\",\"autoRenew\":true,"
                + "\"noticeAmount\":3,\"noticeUnit\":\"MONTHS\"").formatted(json(TITLE), today.minusMonths(4), end));
        contracts.activate(mvc, org, id);
        UUID ending = contracts.contract(mvc, org, vendor, "\"title\":\"Printers\",\"startDate\":\"%s\",\"endDate\":\"%s\"".formatted(today, today.plusDays(40)));
        contracts.activate(mvc, org, ending);

        String url = read(mvc.perform(as(org.cio(), post("/api/v1/orgs/" + org.slug() + "/calendar-feed"))).andExpect(status().isCreated()), "$.url");
        String path = url.substring(url.indexOf("/calendar/"));
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualToIgnoringCase("text/calendar;charset=utf-8");
        byte[] bytes = response.getContentAsByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text).contains("\r\n ");

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(value(calendar.getProperty("VERSION"))).isEqualTo("2.0");
        assertThat(value(calendar.getProperty("PRODID"))).isEqualTo("-//OpenCIO//Contract renewals//EN");
        assertThat(value(calendar.getProperty("CALSCALE"))).isEqualTo("GREGORIAN");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        Map<String, VEvent> byUid = events.stream().collect(Collectors.toMap(e -> value(e.getProperty("UID")), e -> e));

        VEvent notice = byUid.get(id + "-notice-deadline@opencio");
        LocalDate deadline = end.minusMonths(3);
        assertThat(value(notice.getProperty("SUMMARY"))).isEqualTo("Notice deadline: " + TITLE + " (Contoso)");
        assertThat(value(notice.getProperty("DTSTART"))).isEqualTo(basic(deadline));
        assertThat(notice.getProperty("DTSTART").map(p -> ((Property) p).getParameter("VALUE").map(Object::toString).orElse("")).orElse(""))
                .contains("DATE");
        assertThat(value(notice.getProperty("DTEND"))).isEqualTo(basic(deadline.plusDays(1)));
        assertThat(value(notice.getProperty("DESCRIPTION"))).contains("http://localhost:8080/o/" + org.slug() + "/contracts/" + id);
        assertThat(value(notice.getProperty("DTSTAMP"))).matches("\\d{8}T\\d{6}Z");
        assertThat(notice.getAlarms()).hasSize(1);

        VEvent renewal = byUid.get(id + "-renewal@opencio");
        assertThat(value(renewal.getProperty("DTSTART"))).isEqualTo(basic(end.plusDays(1)));
        VEvent end2 = byUid.get(ending + "-end@opencio");
        assertThat(value(end2.getProperty("SUMMARY"))).isEqualTo("Ends: Printers (Contoso)");
        assertThat(value(end2.getProperty("DTSTART"))).isEqualTo(basic(today.plusDays(40)));

        // The same events keep their ids from one read to the next, so calendars update rather than duplicate them.
        String again = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<VEvent> reread = new CalendarBuilder().build(new StringReader(again)).getComponents("VEVENT");
        assertThat(reread.stream().map(e -> value(e.getProperty("UID")))).containsExactlyInAnyOrderElementsOf(byUid.keySet());
        // Another organization's feed does not show these.
        Org other = fixtures.organization();
        String otherUrl = read(mvc.perform(as(other.cio(), post("/api/v1/orgs/" + other.slug() + "/calendar-feed"))), "$.url");
        assertThat(mvc.perform(get(otherUrl.substring(otherUrl.indexOf("/calendar/")))).andReturn().getResponse().getContentAsString())
                .doesNotContain("BEGIN:VEVENT");
    }

    @Test
    void theSecretAddressRotatesAndIsRevokedAndOnlyManagersControlIt() throws Exception {
        Org org = fixtures.organization();
        String api = "/api/v1/orgs/" + org.slug() + "/calendar-feed";
        mvc.perform(as(org.cio(), get(api))).andExpect(jsonPath("$.active").value(false));
        mvc.perform(as(fixtures.member(org, Role.IT_STAFF), post(api))).andExpect(status().isForbidden());
        mvc.perform(as(org.cio(), post(api + "/revoke"))).andExpect(status().isNotFound());

        String first = path(read(mvc.perform(as(org.cio(), post(api))).andExpect(status().isCreated()), "$.url"));
        mvc.perform(get(first)).andExpect(status().isOk());
        mvc.perform(as(fixtures.member(org, Role.AUDITOR), get(api)))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.createdByName").value(org.cio().name()))
                .andExpect(jsonPath("$.lastUsedAt").isNotEmpty())
                .andExpect(jsonPath("$.url").doesNotExist());

        String second = path(read(mvc.perform(as(fixtures.member(org, Role.IT_MANAGER), post(api))).andExpect(status().isCreated()), "$.url"));
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(first)).andExpect(status().isNotFound());
        mvc.perform(get(second)).andExpect(status().isOk());

        mvc.perform(as(org.cio(), post(api + "/revoke"), "{\"reason\":\"Shared by mistake\"}")).andExpect(status().isNoContent());
        mvc.perform(get(second)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/ocal_not-a-token.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/anything.ics")).andExpect(status().isNotFound());
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/calendar/"));
    }

    private static String value(java.util.Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }

    private static String basic(LocalDate date) {
        return date.toString().replace("-", "");
    }

    private static String json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }
}

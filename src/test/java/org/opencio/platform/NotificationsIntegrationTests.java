package org.opencio.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.organization.OrgFixtures;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.security.Role;
import org.opencio.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Test
    void eachPersonSeesAndReadsOnlyTheirOwnNotifications() throws Exception {
        var org = fixtures.organization();
        var manager = fixtures.member(org, Role.IT_MANAGER);
        var employee = fixtures.member(org, Role.EMPLOYEE);
        List<UUID> ids = fixtures.as(org.cio(), () -> tx.execute(s -> notifications.notify(
                List.of(manager.accountId(), org.cio().accountId(), manager.accountId()),
                new Notice("test.ping", "Budget line IT-01 is at 85 %", "Plan 10,000 EUR", "/o/" + org.slug() + "/departments"))));
        assertThat(ids).as("one notification per person").hasSize(2);

        String base = "/api/v1/orgs/" + org.slug() + "/notifications";
        mvc.perform(get(base).header("Authorization", manager.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Budget line IT-01 is at 85 %"))
                .andExpect(jsonPath("$.items[0].kind").value("test.ping"));
        mvc.perform(get(base + "/unread-count").header("Authorization", manager.bearer()))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get(base).header("Authorization", employee.bearer()))
                .andExpect(jsonPath("$.items.length()").value(0));

        String managersId = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get(base).header("Authorization", manager.bearer())).andReturn().getResponse().getContentAsString(),
                "$.items[0].id");
        // Someone else's notification does not exist for the employee.
        mvc.perform(post(base + "/" + managersId + "/read").header("Authorization", employee.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + managersId + "/read").header("Authorization", manager.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty());
        mvc.perform(get(base + "/unread-count").header("Authorization", manager.bearer()))
                .andExpect(jsonPath("$.unread").value(0));

        // The CIO opens theirs from the page and lands where it points.
        String ciosId = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get(base).header("Authorization", org.cio().bearer())).andReturn().getResponse().getContentAsString(),
                "$.items[0].id");
        mvc.perform(get("/o/" + org.slug() + "/notifications").with(user(org.cio().principal())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Budget line IT-01 is at 85 %")));
        mvc.perform(post("/o/" + org.slug() + "/notifications/" + ciosId + "/open").with(user(org.cio().principal())).with(csrf()))
                .andExpect(redirectedUrl("/o/" + org.slug() + "/departments"));
        mvc.perform(post(base + "/read-all").header("Authorization", org.cio().bearer()))
                .andExpect(jsonPath("$.marked").value(0));
    }
}

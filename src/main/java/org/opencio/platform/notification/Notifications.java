package org.opencio.platform.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every person's inbox in each organization. Modules call {@link #notify} inside the transaction of the change that
 * warrants it; people read their own notifications only.
 */
@Service
public class Notifications {

    static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "id", "id");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Stores the notice for each recipient (once per person) in the current organization. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> notify(Collection<UUID> accountIds, Notice notice) {
        UUID orgId = TenantContext.requireOrgId();
        Set<UUID> recipients = new LinkedHashSet<>(accountIds);
        if (recipients.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<UUID> ids = new ArrayList<>();
        for (UUID accountId : recipients) {
            UUID id = Ids.newId();
            ids.add(id);
            jdbc.sql("insert into notifications (id, org_id, account_id, kind, title, body, link, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, orgId, accountId, notice.kind(), notice.title(), notice.body(), notice.link(), now)
                    .update();
        }
        events.publishEvent(new NotificationsPublished(orgId, List.copyOf(ids)));
        return ids;
    }

    @Transactional(readOnly = true)
    public CursorPage<NotificationView> inbox(boolean unreadOnly, @Nullable Integer limit, @Nullable String cursor) {
        OrgAccess me = TenantContext.requireAccess();
        Paging.Request request = Paging.request(limit, cursor, null, Set.of("createdAt"), "-createdAt");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        var params = new java.util.HashMap<String, Object>(keyset.params());
        params.put("org", me.orgId());
        params.put("me", me.accountId());
        String sql = SELECT + " where org_id = :org and account_id = :me" + (unreadOnly ? " and read_at is null" : "")
                + keyset.condition() + keyset.orderBy() + " limit " + keyset.fetch();
        List<NotificationView> rows = jdbc.sql(sql).params(params).query(Notifications::view).list();
        return keyset.page(rows, request, n -> Map.of("createdAt", n.createdAt(), "id", n.id()));
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        OrgAccess me = TenantContext.requireAccess();
        return jdbc.sql("select count(*) from notifications where org_id = ? and account_id = ? and read_at is null")
                .params(me.orgId(), me.accountId())
                .query(Long.class)
                .single();
    }

    @Transactional
    public NotificationView markRead(UUID id) {
        OrgAccess me = TenantContext.requireAccess();
        jdbc.sql("update notifications set read_at = ? where id = ? and org_id = ? and account_id = ? and read_at is null")
                .params(Timestamp.from(Instant.now()), id, me.orgId(), me.accountId())
                .update();
        return jdbc.sql(SELECT + " where id = ? and org_id = ? and account_id = ?")
                .params(id, me.orgId(), me.accountId())
                .query(Notifications::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Notification"));
    }

    @Transactional
    public int markAllRead() {
        OrgAccess me = TenantContext.requireAccess();
        return jdbc.sql("update notifications set read_at = ? where org_id = ? and account_id = ? and read_at is null")
                .params(Timestamp.from(Instant.now()), me.orgId(), me.accountId())
                .update();
    }

    private static final String SELECT = "select id, kind, title, body, link, created_at, read_at from notifications";

    static NotificationView view(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new NotificationView(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}

package org.opencio.asset;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.persistence.DocumentNumbers;
import org.opencio.platform.persistence.LikePatterns;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset register: record assets, change their facts, move them through their lifecycle, check them out to a
 * member and back in. Every change is audited and kept in the asset's history.
 */
@Service
public class AssetManagement {

    private static final Map<String, String> SORTS = Map.of("tag", "a.tag", "name", "a.name", "status", "a.status",
            "createdAt", "a.created_at", "updatedAt", "a.updated_at", "id", "a.id");

    private static final String SELECT = "select a.*, m.manufacturer as model_manufacturer, m.name as model_name, m.lifetime_months "
            + "from assets a left join asset_models m on m.org_id = a.org_id and m.id = a.model_id";

    private final Assets assets;
    private final AssetModels models;
    private final MemberManagement members;
    private final DepartmentManagement departments;
    private final VendorDirectory vendors;
    private final DocumentNumbers numbers;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    AssetManagement(Assets assets, AssetModels models, MemberManagement members, DepartmentManagement departments, VendorDirectory vendors,
            DocumentNumbers numbers, AuditTrail audit, JdbcClient jdbc) {
        this.assets = assets;
        this.models = models;
        this.members = members;
        this.departments = departments;
        this.vendors = vendors;
        this.numbers = numbers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- models catalogue

    @Transactional(readOnly = true)
    public List<AssetModelView> models() {
        Access.require(Permission.ASSETS_VIEW);
        return models.findAllByOrderByManufacturerAscNameAsc().stream().map(AssetModel::view).toList();
    }

    @Transactional
    public AssetModelView createModel(SaveAssetModel c) {
        Access.require(Permission.ASSETS_MANAGE);
        var checks = new Checks()
                .text("manufacturer", c.manufacturer(), 100, true)
                .text("name", c.name(), 200, true)
                .required("type", c.type())
                .range("lifetimeMonths", c.lifetimeMonths(), 1, 600)
                .money("price", c.price());
        if (c.price() != null) {
            checks.currency("currency", c.currency());
        }
        checks.throwIfAny();
        if (models.existsByManufacturerIgnoreCaseAndNameIgnoreCase(c.manufacturer().strip(), c.name().strip())) {
            throw new ConflictException("name", "The catalogue has this model already");
        }
        var model = new AssetModel(c.manufacturer(), c.name(), c.type(), c.lifetimeMonths(), c.price(), c.currency());
        models.saveAndFlush(model);
        audit.record("asset-model.created", "AssetModel", model.getId(), null, model.view());
        return model.view();
    }

    // ---- assets

    /** The register, filtered and sorted (tag, name, status, createdAt, updatedAt; '-' reverses), keyset-paged. */
    @Transactional(readOnly = true)
    public CursorPage<AssetView> list(AssetFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        UUID orgId = Access.require(Permission.ASSETS_VIEW).orgId();
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("tag", "name", "status", "createdAt", "updatedAt"), "tag");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", orgId);
        StringBuilder sql = new StringBuilder(SELECT).append(" where a.org_id = :org");
        if (filter.type() != null) {
            sql.append(" and a.asset_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.departmentId() != null) {
            sql.append(" and a.department_id = :department");
            params.put("department", filter.departmentId());
        }
        if (filter.assigneeId() != null) {
            sql.append(" and a.assignee_id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and (lower(a.tag) like :q escape '\\' or lower(a.name) like :q escape '\\' "
                    + "or lower(coalesce(a.serial, '')) like :q escape '\\' "
                    + "or lower(coalesce(m.manufacturer, '') || ' ' || coalesce(m.name, '')) like :q escape '\\')");
            params.put("q", "%" + LikePatterns.literal(filter.query().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        LocalDate today = today();
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(AssetManagement::row).list();
        List<AssetView> views = named(rows, today);
        return keyset.page(views, request, a -> switch (request.sort().iterator().next().getProperty()) {
            case "name" -> Map.of("name", a.name(), "id", a.id());
            case "status" -> Map.of("status", a.status().name(), "id", a.id());
            case "createdAt" -> Map.of("createdAt", a.createdAt(), "id", a.id());
            case "updatedAt" -> Map.of("updatedAt", a.updatedAt(), "id", a.id());
            default -> Map.of("tag", a.tag(), "id", a.id());
        });
    }

    @Transactional(readOnly = true)
    public AssetView get(UUID id) {
        Access.require(Permission.ASSETS_VIEW);
        return view(find(id));
    }

    @Transactional
    public AssetView create(SaveAsset command) {
        Access.require(Permission.ASSETS_MANAGE);
        AssetStatus status = command.status() == null ? AssetStatus.IN_STOCK : command.status();
        Asset.Facts facts = check(command, null, new Checks().rule(status != AssetStatus.DEPLOYED, "status", "status",
                "an asset is deployed by checking it out; create it IN_STOCK"));
        var asset = new Asset(tag(), status, null);
        asset.describe(facts);
        assets.saveAndFlush(asset);
        history(asset, AssetHistoryEntry.Kind.CREATED, null, null);
        audit.record("asset.created", "Asset", asset.getId(), null, asset.snapshot());
        return view(asset);
    }

    /** Changes the facts (not the status or the holder, which have their own actions). */
    @Transactional
    public AssetView update(UUID id, SaveAsset command, long expectedVersion) {
        Access.require(Permission.ASSETS_MANAGE);
        Asset asset = find(id);
        Versions.check(expectedVersion, asset.version());
        Asset.Facts facts = check(command, asset, new Checks());
        var before = asset.snapshot();
        asset.describe(facts);
        asset.lockChanged(before);
        assets.saveAndFlush(asset);
        audit.record("asset.updated", "Asset", id, before, asset.snapshot());
        return view(asset);
    }

    @Transactional
    public AssetView changeStatus(UUID id, @Nullable AssetStatus target, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.ASSETS_MANAGE);
        Asset asset = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, asset.version());
        }
        new Checks().required("status", target).text("reason", reason, 1000, false).throwIfAny();
        if (target == AssetStatus.DEPLOYED && asset.assigneeId() == null) {
            throw new ConflictException("status", "An asset no one holds is deployed by checking it out to a person");
        }
        var before = asset.snapshot();
        AssetStatus from = asset.status();
        asset.moveTo(target);
        assets.saveAndFlush(asset);
        history(asset, AssetHistoryEntry.Kind.STATUS, from, reason);
        audit.record("asset.status-changed", "Asset", id, before, AuditTrail.withReason(asset.snapshot(), reason));
        return view(asset);
    }

    @Transactional
    public AssetView checkOut(UUID id, @Nullable UUID assigneeId, @Nullable UUID departmentId, @Nullable Long expectedVersion) {
        Access.require(Permission.ASSETS_MANAGE);
        Asset asset = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, asset.version());
        }
        new Checks()
                .required("assigneeId", assigneeId)
                .rule(assigneeId == null || members.isActiveMember(assigneeId), "assigneeId", "unknown",
                        "assigneeId must name an active member of the organization")
                .rule(departmentId == null || departments.isActiveDepartment(departmentId), "departmentId", "unknown",
                        "departmentId must name an active department of the organization")
                .throwIfAny();
        UUID department = departmentId != null ? departmentId : members.departmentOf(assigneeId).orElse(null);
        var before = asset.snapshot();
        AssetStatus from = asset.status();
        asset.checkOut(assigneeId, department);
        assets.saveAndFlush(asset);
        history(asset, AssetHistoryEntry.Kind.CHECK_OUT, from, null);
        audit.record("asset.checked-out", "Asset", id, before, asset.snapshot());
        return view(asset);
    }

    @Transactional
    public AssetView checkIn(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        Access.require(Permission.ASSETS_MANAGE);
        Asset asset = find(id);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, asset.version());
        }
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        var before = asset.snapshot();
        AssetStatus from = asset.status();
        asset.checkIn();
        assets.saveAndFlush(asset);
        history(asset, AssetHistoryEntry.Kind.CHECK_IN, from, reason);
        audit.record("asset.checked-in", "Asset", id, before, AuditTrail.withReason(asset.snapshot(), reason));
        return view(asset);
    }

    /** What happened to the asset, oldest first. */
    @Transactional(readOnly = true)
    public List<AssetHistoryEntry> history(UUID id) {
        Access.require(Permission.ASSETS_VIEW);
        Asset asset = find(id);
        return jdbc.sql("select * from asset_history where org_id = ? and asset_id = ? order by happened_at, id")
                .params(asset.orgId(), id)
                .query((rs, n) -> new AssetHistoryEntry(
                        rs.getObject("id", UUID.class),
                        AssetHistoryEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getString("from_status") == null ? null : AssetStatus.valueOf(rs.getString("from_status")),
                        AssetStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("assignee_id", UUID.class),
                        rs.getObject("department_id", UUID.class),
                        rs.getString("reason"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getTimestamp("happened_at").toInstant()))
                .list();
    }

    /**
     * Assets in stock for goods received, one per unit; a unit that has its asset already is skipped, so a repeated
     * receipt creates nothing twice. Runs without a member (the receipt's listener), in the receipt's organization: in a
     * transaction of its own, because Hibernate fixes a session's organization when the session opens.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int receive(UUID receiptId, String orderNumber, UUID vendorId, LocalDate receivedOn, List<ReceivedUnit> units) {
        int created = 0;
        for (ReceivedUnit unit : units) {
            String key = "receipt:" + receiptId + ":" + unit.orderLineId() + ":" + unit.number();
            if (assets.existsBySourceKey(key)) {
                continue;
            }
            var asset = new Asset(tag(), AssetStatus.IN_STOCK, key);
            String name = unit.description().length() > 200 ? unit.description().substring(0, 200) : unit.description();
            asset.describe(new Asset.Facts(name, AssetType.guess(unit.description()), null, null, null, receivedOn, unit.unitCost(),
                    unit.currency(), orderNumber, vendorId, null, null, null));
            assets.saveAndFlush(asset);
            history(asset, AssetHistoryEntry.Kind.RECEIVED, null, "Received on " + orderNumber);
            audit.record("asset.received", "Asset", asset.getId(), null, asset.snapshot());
            created++;
        }
        return created;
    }

    record ReceivedUnit(UUID orderLineId, int number, String description, BigDecimal unitCost, String currency) {}

    private Asset.Facts check(SaveAsset c, @Nullable Asset current, Checks checks) {
        checks.text("name", c.name(), 200, true)
                .text("serial", c.serial(), 100, false)
                .text("location", c.location(), 200, false)
                .text("orderReference", c.orderReference(), 50, false)
                .text("notes", c.notes(), 4000, false)
                .money("cost", c.cost())
                .rule(c.warrantyEnd() == null || c.purchasedOn() == null || !c.warrantyEnd().isBefore(c.purchasedOn()), "warrantyEnd",
                        "before-purchase", "warrantyEnd must not be before purchasedOn")
                .rule(c.endOfLife() == null || c.purchasedOn() == null || !c.endOfLife().isBefore(c.purchasedOn()), "endOfLife",
                        "before-purchase", "endOfLife must not be before purchasedOn")
                .rule(c.vendorId() == null || vendors.exists(c.vendorId()), "vendorId", "unknown", "vendorId must name a vendor of the organization");
        if (c.cost() != null) {
            checks.currency("currency", c.currency());
        }
        AssetModel model = null;
        if (c.modelId() != null) {
            model = models.findById(c.modelId()).orElse(null);
            checks.rule(model != null, "modelId", "unknown", "modelId must name a model of the catalogue");
        }
        checks.rule(c.type() != null || model != null, "type", "required", "type is required (or a model, whose type it takes)");
        checks.throwIfAny();
        if (c.serial() != null && !c.serial().isBlank()) {
            String serial = c.serial().strip();
            boolean taken = current == null ? assets.existsBySerialIgnoreCase(serial) : assets.existsBySerialIgnoreCaseAndIdNot(serial, current.getId());
            if (taken) {
                throw new ConflictException("serial", "Another asset has this serial number");
            }
        }
        AssetType type = c.type() != null ? c.type() : model.type();
        LocalDate endOfLife = c.endOfLife();
        if (endOfLife == null && model != null && c.purchasedOn() != null) {
            endOfLife = c.purchasedOn().plusMonths(model.lifetimeMonths());
        }
        return new Asset.Facts(c.name(), type, c.modelId(), c.serial(), c.location(), c.purchasedOn(), c.cost(), c.currency(),
                c.orderReference(), c.vendorId(), c.warrantyEnd(), endOfLife, c.notes());
    }

    private Asset find(UUID id) {
        return assets.findById(id).orElseThrow(() -> new NotFoundException("Asset"));
    }

    private String tag() {
        String number = numbers.nextOf("AST");
        return "AST-%06d".formatted(Long.parseLong(number.substring(number.indexOf('-') + 1)));
    }

    private void history(Asset asset, AssetHistoryEntry.Kind kind, @Nullable AssetStatus from, @Nullable String reason) {
        UUID actor = CurrentUser.get().map(p -> p.accountId()).orElse(null);
        jdbc.sql("insert into asset_history (id, org_id, asset_id, kind, from_status, to_status, assignee_id, department_id, reason, actor_id, happened_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), asset.orgId(), asset.getId(), kind.name(), from == null ? null : from.name(), asset.status().name(),
                        asset.assigneeId(), asset.departmentId(), reason == null || reason.isBlank() ? null : reason.strip(), actor,
                        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    private AssetView view(Asset asset) {
        List<Row> rows = jdbc.sql(SELECT + " where a.org_id = :org and a.id = :id")
                .param("org", asset.orgId())
                .param("id", asset.getId())
                .query(AssetManagement::row)
                .list();
        return named(rows, today()).getFirst();
    }

    /** A row of the register as read, before the names of people and vendors are added. */
    private record Row(AssetView view, @Nullable Integer lifetimeMonths) {}

    private List<AssetView> named(List<Row> rows, LocalDate today) {
        Set<UUID> people = new HashSet<>();
        Set<UUID> vendorIds = new HashSet<>();
        for (Row r : rows) {
            if (r.view().assigneeId() != null) {
                people.add(r.view().assigneeId());
            }
            if (r.view().vendorId() != null) {
                vendorIds.add(r.view().vendorId());
            }
        }
        Map<UUID, String> names = members.displayNames(people);
        Map<UUID, String> vendorNames = vendorIds.isEmpty() ? Map.of() : vendors.names(vendorIds);
        List<AssetView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            AssetView a = r.view();
            views.add(new AssetView(a.id(), a.tag(), a.name(), a.type(), a.modelId(), a.modelName(), a.serial(), a.status(), a.nextStatuses(),
                    a.assigneeId(), a.assigneeId() == null ? null : names.get(a.assigneeId()), a.departmentId(), a.location(), a.purchasedOn(),
                    a.cost(), a.currency(), Depreciation.bookValue(a.cost(), a.purchasedOn(), lifetimeEnd(a, r.lifetimeMonths()), today), a.orderReference(),
                    a.vendorId(), a.vendorId() == null ? null : vendorNames.get(a.vendorId()), a.warrantyEnd(), a.endOfLife(), a.notes(),
                    a.lockedFields(), a.createdAt(), a.updatedAt(), a.version()));
        }
        return views;
    }

    /** The model's lifetime from the purchase date; without a model, the planned end of life. */
    private static @Nullable LocalDate lifetimeEnd(AssetView a, @Nullable Integer lifetimeMonths) {
        if (a.purchasedOn() != null && lifetimeMonths != null) {
            return a.purchasedOn().plusMonths(lifetimeMonths);
        }
        return a.endOfLife();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        AssetStatus status = AssetStatus.valueOf(rs.getString("status"));
        String manufacturer = rs.getString("model_manufacturer");
        int lifetime = rs.getInt("lifetime_months");
        Integer lifetimeMonths = rs.wasNull() ? null : lifetime;
        var view = new AssetView(
                rs.getObject("id", UUID.class),
                rs.getString("tag"),
                rs.getString("name"),
                AssetType.valueOf(rs.getString("asset_type")),
                rs.getObject("model_id", UUID.class),
                manufacturer == null ? null : manufacturer + " " + rs.getString("model_name"),
                rs.getString("serial"),
                status,
                status.next(),
                rs.getObject("assignee_id", UUID.class),
                null,
                rs.getObject("department_id", UUID.class),
                rs.getString("location"),
                rs.getObject("purchased_on", LocalDate.class),
                rs.getBigDecimal("cost"),
                rs.getString("currency"),
                null,
                rs.getString("order_reference"),
                rs.getObject("vendor_id", UUID.class),
                null,
                rs.getObject("warranty_end", LocalDate.class),
                rs.getObject("end_of_life", LocalDate.class),
                rs.getString("notes"),
                LockedField.parseAll(rs.getString("locked_fields")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
        return new Row(view, lifetimeMonths);
    }

    static LocalDate today() {
        ZoneId zone = TenantContext.access().map(a -> ZoneId.of(a.timeZone())).orElse(ZoneId.of("UTC"));
        return LocalDate.now(zone);
    }
}

package org.opencio.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.BudgetLedger;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.SourceDocument;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.persistence.DocumentNumbers;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.platform.web.CursorPage;
import org.opencio.platform.web.KeysetSql;
import org.opencio.platform.web.Paging;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.ForbiddenException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase requests from draft to decision. Any member writes and submits their own; submitting converts the lines
 * into the base currency at the day's rates, reserves the total on the budget line and plans the approval steps with
 * the policy in force. Stages run one after the other, the steps of a stage in parallel. The requester never decides
 * their own request, nobody decides a step twice, and decisions on one request are taken one at a time (the request row
 * is locked first, then the budget line), so two approvers of the same step at the same moment get one decision and
 * one conflict.
 */
@Service
public class PurchaseRequestManagement {

    static final String SOURCE_TYPE = "purchase-request";
    static final int MAX_LINES = 100;
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("10000000000000");

    static final Map<String, String> SORTS = Map.of(
            "createdAt", "r.created_at", "number", "r.number", "status", "r.status", "title", "lower(r.title)", "id", "r.id");
    static final Map<String, String> INBOX_SORTS = Map.of("startedAt", "s.started_at", "id", "s.id");

    private final PurchaseRequests requests;
    private final PurchaseRequestStore store;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BudgetLedger ledger;
    private final PurchaseBudget budget;
    private final VendorDirectory vendors;
    private final DepartmentManagement departments;
    private final MemberManagement members;
    private final ApprovalPolicyManagement policies;
    private final DelegationManagement delegations;
    private final DocumentNumbers numbers;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final PurchaseOrderManagement orders;
    private final ApprovalReminderStore followUps;

    PurchaseRequestManagement(
            PurchaseRequests requests,
            PurchaseRequestStore store,
            JdbcClient jdbc,
            AuditTrail audit,
            BudgetLedger ledger,
            PurchaseBudget budget,
            VendorDirectory vendors,
            DepartmentManagement departments,
            MemberManagement members,
            ApprovalPolicyManagement policies,
            DelegationManagement delegations,
            DocumentNumbers numbers,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PurchaseOrderManagement orders,
            ApprovalReminderStore followUps) {
        this.orders = orders;
        this.followUps = followUps;
        this.requests = requests;
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.ledger = ledger;
        this.budget = budget;
        this.vendors = vendors;
        this.departments = departments;
        this.members = members;
        this.policies = policies;
        this.delegations = delegations;
        this.numbers = numbers;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
    }

    // ---- writing a draft

    @Transactional
    public PurchaseRequestView create(SavePurchaseRequest command) {
        OrgAccess caller = Access.require(Permission.PURCHASE_REQUESTS_CREATE);
        Draft draft = validated(command);
        var request = new PurchaseRequest(numbers.nextInYear("PR", today().getYear()), caller.accountId(), caller.baseCurrency(), draft.header());
        requests.saveAndFlush(request);
        store.replaceLines(request.getId(), draft.lines());
        audit.record("purchase-request.created", "PurchaseRequest", request.getId(), null, snapshot(request, draft.lines()));
        return view(request);
    }

    /** Changes the fields the command names ({@code fields}); {@code lines}, when named, replace every line. */
    @Transactional
    public PurchaseRequestView update(UUID id, SavePurchaseRequest changes, Set<String> fields, long expectedVersion) {
        PurchaseRequest request = ownDraft(visible(find(id)));
        if (request.version() != expectedVersion) {
            throw new StaleVersionException(request.version());
        }
        List<PurchaseRequestView.LineView> current = store.lines(id);
        PurchaseRequest.Header h = request.header();
        var merged = new SavePurchaseRequest(
                fields.contains("title") ? changes.title() : h.title(),
                fields.contains("justification") ? changes.justification() : h.justification(),
                fields.contains("neededBy") ? changes.neededBy() : h.neededBy(),
                fields.contains("departmentId") ? changes.departmentId() : h.departmentId(),
                fields.contains("budgetLineId") ? changes.budgetLineId() : h.budgetLineId(),
                fields.contains("vendorId") ? changes.vendorId() : h.vendorId(),
                fields.contains("expenseType") ? changes.expenseType() : h.expenseType(),
                fields.contains("lines") ? changes.lines() : current.stream().map(PurchaseRequestManagement::input).toList());
        Draft draft = validated(merged);
        var before = snapshot(request, current);
        request.apply(draft.header());
        request.touched();
        requests.saveAndFlush(request);
        store.replaceLines(id, draft.lines());
        audit.record("purchase-request.changed", "PurchaseRequest", id, before, snapshot(request, draft.lines()));
        return view(request);
    }

    /** A budget line that fits a department and a cost category, in the budget of today (or of the given day). */
    @Transactional(readOnly = true)
    public Optional<PurchaseBudget.LineFacts> suggestBudgetLine(@Nullable UUID departmentId, @Nullable UUID categoryId, @Nullable LocalDate day) {
        Access.require(Permission.PURCHASE_REQUESTS_CREATE);
        return budget.suggest(departmentId, categoryId, day == null ? today() : day);
    }

    /** The budget lines a request may be charged to today, for the request form. */
    @Transactional(readOnly = true)
    public List<PurchaseBudget.LineFacts> budgetLineChoices() {
        Access.require(Permission.PURCHASE_REQUESTS_CREATE);
        return budget.openLines(today());
    }

    // ---- submitting

    @Transactional
    public PurchaseRequestView submit(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        OrgAccess caller = TenantContext.requireAccess();
        // Locked before anything of it is read, so that the row read is the one a concurrent change left behind.
        PurchaseRequest request = ownDraft(visible(lock(id)));
        requireVersion(request, expectedVersion);
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        List<PurchaseRequestView.LineView> lines = store.lines(id);
        Draft draft = validated(new SavePurchaseRequest(request.title(), request.justification(), request.neededBy(), request.departmentId(),
                request.budgetLineId(), request.vendorId(), request.expenseType(), lines.stream().map(PurchaseRequestManagement::input).toList()));
        var checks = new Checks()
                .rule(!lines.isEmpty(), "lines", "required", "a request needs at least one line to be submitted")
                .required("budgetLineId", request.budgetLineId());
        LocalDate day = today();
        BigDecimal total = BigDecimal.ZERO;
        Map<UUID, BigDecimal[]> conversions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PurchaseRequestView.LineView line = lines.get(i);
            BigDecimal rate = budget.rateToBase(line.currency(), day);
            if (rate == null) {
                checks.rule(false, "lines[" + i + "].currency", "no-rate", "there is no exchange rate from " + line.currency() + " into "
                        + caller.baseCurrency() + " on " + day + "; a budget manager records one first");
                continue;
            }
            BigDecimal base = line.amount().multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
            conversions.put(line.id(), new BigDecimal[] {rate, base});
            total = total.add(base);
        }
        checks.throwIfAny();
        new Checks().rule(total.signum() > 0, "lines", "zero", "the request amounts to nothing; a line needs a price").throwIfAny();
        UUID lineId = Objects.requireNonNull(request.budgetLineId());
        PurchaseBudget.LineFacts line = budget.line(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        conversions.forEach((lid, c) -> store.converted(lid, c[0], c[1]));
        // The ledger refuses (409 with its check, nothing kept) when a blocking line would go over plan.
        BudgetCheck check = ledger.reserve(lineId, total, source(request.getId(), request.round() + 1), request.number() + " " + request.title())
                .check();
        ApprovalPolicyManagement.RulesInForce rules = policies.rulesInForce(day);
        Set<UUID> categories = draft.lines().stream().map(PurchaseRequestView.LineView::categoryId).filter(Objects::nonNull).collect(Collectors.toSet());
        var facts = new ApprovalFacts(request.requesterId(), total, categories, request.departmentId(), request.expenseType(), line.ownerId());
        ApproverDirectory directory = policies.directory();
        List<PlannedStep> planned = new ArrayList<>(ApprovalPlanner.plan(rules.rules(), facts, directory));
        List<Boolean> budgetExtra = new ArrayList<>(planned.stream().map(p -> false).toList());
        if (check.extraApprovalRequired()) {
            int stage = planned.stream().mapToInt(PlannedStep::stage).max().orElse(0) + 1;
            var cio = new ApprovalRule(stage, "Budget over plan", null, null, Set.of(), null, null, ApproverKind.ROLE, Role.CIO, null, StepMode.ANY);
            planned.addAll(ApprovalPlanner.plan(List.of(cio), facts, directory));
            budgetExtra.add(true);
        }
        Instant now = Instant.now();
        var before = snapshot(request, lines);
        request.submit(total, check, rules.policyId(), rules.versionNumber(), now);
        requests.saveAndFlush(request);
        for (int i = 0; i < planned.size(); i++) {
            store.addStep(id, request.round(), planned.get(i), budgetExtra.get(i));
        }
        startNextStage(request, 0, now);
        audit.record("purchase-request.submitted", "PurchaseRequest", id, before, AuditTrail.withReason(snapshot(request, store.lines(id)), reason));
        events.publishEvent(new PurchaseRequestSubmitted(request.orgId(), id, request.number(), request.round(), lineId, total, request.baseCurrency()));
        return view(request);
    }

    // ---- deciding

    @Transactional
    public PurchaseRequestView approve(UUID id, @Nullable UUID stepId, @Nullable String comment) {
        return decide(id, stepId, Decision.APPROVED, comment);
    }

    /** Rejects the request (comment required) and releases its reservation. */
    @Transactional
    public PurchaseRequestView reject(UUID id, @Nullable UUID stepId, @Nullable String comment) {
        return decide(id, stepId, Decision.REJECTED, comment);
    }

    /** Returns the request to its requester as a draft (comment required); its reservation is released until resubmission. */
    @Transactional
    public PurchaseRequestView requestChanges(UUID id, @Nullable UUID stepId, @Nullable String comment) {
        return decide(id, stepId, Decision.CHANGES_REQUESTED, comment);
    }

    private PurchaseRequestView decide(UUID id, @Nullable UUID stepId, Decision decision, @Nullable String comment) {
        OrgAccess caller = TenantContext.requireAccess();
        PurchaseRequest request = visible(lock(id));
        new Checks().text("comment", comment, 2000, decision != Decision.APPROVED).throwIfAny();
        UUID me = caller.accountId();
        if (me.equals(request.requesterId())) {
            throw new ForbiddenException("the requester does not decide on their own request");
        }
        request.requireSubmitted();
        Set<UUID> standsFor = new HashSet<>(delegations.delegatorsOf(me, today()));
        standsFor.remove(request.requesterId());
        List<PurchaseRequestStore.Step> round = currentRound(request);
        List<PurchaseRequestStore.Step> mine = round.stream()
                .filter(s -> s.approvers().contains(me) || s.approvers().stream().anyMatch(standsFor::contains))
                .filter(s -> stepId == null || s.id().equals(stepId))
                .toList();
        if (mine.isEmpty()) {
            if (stepId != null && round.stream().anyMatch(s -> s.id().equals(stepId))) {
                throw new ForbiddenException("you are not an approver of this step");
            }
            throw new ForbiddenException("you are not an approver of this request");
        }
        Map<UUID, List<PurchaseRequestStore.StoredDecision>> decided = PurchaseRequestStore.byStep(store.decisions(mine.stream().map(PurchaseRequestStore.Step::id).toList()));
        PurchaseRequestStore.Step step = null;
        UUID onBehalfOf = null;
        for (PurchaseRequestStore.Step s : mine) {
            List<PurchaseRequestStore.StoredDecision> onStep = decided.getOrDefault(s.id(), List.of());
            if (s.status() != StepStatus.PENDING || onStep.stream().anyMatch(d -> d.approverId().equals(me))) {
                continue;
            }
            Set<UUID> covered = covered(onStep);
            if (s.approvers().contains(me) && !covered.contains(me)) {
                step = s;
                break;
            }
            Optional<UUID> delegator = s.approvers().stream().filter(standsFor::contains).filter(a -> !covered.contains(a)).findFirst();
            if (delegator.isPresent()) {
                step = s;
                onBehalfOf = delegator.get();
                break;
            }
        }
        if (step == null) {
            throw new ConflictException("status", "no step of this request waits on your decision now: it was decided already");
        }
        Instant now = Instant.now();
        var before = snapshot(request, null);
        store.decide(step.id(), me, onBehalfOf, decision, clean(comment), now);
        switch (decision) {
            case APPROVED -> {
                Set<UUID> covered = covered(decided.getOrDefault(step.id(), List.of()));
                covered.add(onBehalfOf == null ? me : onBehalfOf);
                if (step.mode() == StepMode.ANY || complete(step, covered)) {
                    store.setStatus(step.id(), StepStatus.APPROVED, now);
                    int stage = step.stage();
                    boolean stageDone = currentRound(request).stream()
                            .filter(s -> s.stage() == stage)
                            .allMatch(s -> s.status() == StepStatus.APPROVED);
                    if (stageDone && !startNextStage(request, stage, now)) {
                        request.approved(now);
                        events.publishEvent(new PurchaseRequestApproved(request.orgId(), id, request.number(),
                                Objects.requireNonNull(request.budgetLineId()), Objects.requireNonNull(request.totalBase()), request.baseCurrency()));
                        tellRequester(request, "approved", null);
                        orders.placeOnApproval(request);
                    }
                }
            }
            case REJECTED -> {
                store.setStatus(step.id(), StepStatus.REJECTED, now);
                cancelOpenSteps(request, now);
                request.rejected(now);
                release(request);
                events.publishEvent(new PurchaseRequestRejected(request.orgId(), id, request.number(), me, Objects.requireNonNull(clean(comment))));
                tellRequester(request, "rejected", comment);
            }
            case CHANGES_REQUESTED -> {
                cancelOpenSteps(request, now);
                request.returnedForChanges();
                release(request);
                tellRequester(request, "changes-requested", comment);
            }
        }
        request.touched();
        requests.saveAndFlush(request);
        Map<String, Object> after = snapshot(request, null);
        after.put("step", step.name());
        after.put("decision", decision.name());
        after.put("onBehalfOf", onBehalfOf == null ? null : onBehalfOf.toString());
        audit.record("purchase-request." + decision.name().toLowerCase(Locale.ROOT).replace('_', '-'), "PurchaseRequest", id, before,
                AuditTrail.withReason(after, comment));
        return view(request);
    }

    /** The requester takes a submitted request back; its reservation is released. */
    @Transactional
    public PurchaseRequestView withdraw(UUID id, @Nullable String reason, @Nullable Long expectedVersion) {
        PurchaseRequest request = visible(lock(id));
        if (!request.requesterId().equals(TenantContext.requireAccess().accountId())) {
            throw new ForbiddenException("only the requester withdraws a request");
        }
        requireVersion(request, expectedVersion);
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        request.requireSubmitted();
        Instant now = Instant.now();
        var before = snapshot(request, null);
        cancelOpenSteps(request, now);
        request.withdraw(now);
        release(request);
        requests.saveAndFlush(request);
        audit.record("purchase-request.withdrawn", "PurchaseRequest", id, before, AuditTrail.withReason(snapshot(request, null), reason));
        return view(request);
    }

    // ---- reading

    @Transactional(readOnly = true)
    public PurchaseRequestView get(UUID id) {
        return view(visible(find(id)));
    }

    @Transactional(readOnly = true)
    public CursorPage<PurchaseRequestSummary> list(PurchaseRequestFilter filter, @Nullable Integer limit, @Nullable String cursor, @Nullable String sort) {
        OrgAccess caller = TenantContext.requireAccess();
        boolean all = caller.can(Permission.PURCHASE_REQUESTS_VIEW_ALL);
        if (!all && !caller.can(Permission.PURCHASE_REQUESTS_CREATE)) {
            throw new ForbiddenException("your role (" + caller.role() + ") does not see purchase requests");
        }
        Paging.Request request = Paging.request(limit, cursor, sort, Set.of("createdAt", "number", "status", "title"), "-createdAt");
        KeysetSql keyset = KeysetSql.of(request, SORTS);
        Map<String, Object> params = new HashMap<>(keyset.params());
        StringBuilder sql = new StringBuilder("select r.* from purchase_requests r where r.org_id = :org");
        params.put("org", caller.orgId());
        if (!all || filter.mine()) {
            sql.append(" and r.requester_id = :me");
            params.put("me", caller.accountId());
        }
        if (filter.status() != null) {
            sql.append(" and r.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.departmentId() != null) {
            sql.append(" and r.department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        if (filter.vendorId() != null) {
            sql.append(" and r.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        if (filter.requesterId() != null) {
            sql.append(" and r.requester_id = :requester");
            params.put("requester", filter.requesterId());
        }
        sql.append(keyset.condition()).append(keyset.orderBy()).append(" limit ").append(keyset.fetch());
        List<PurchaseRequestSummary> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new PurchaseRequestSummary(
                rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"), rs.getObject("requester_id", UUID.class),
                rs.getObject("department_id", UUID.class), rs.getObject("vendor_id", UUID.class),
                PurchaseRequestStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_base"), rs.getString("base_currency"),
                rs.getObject("needed_by", LocalDate.class), PurchaseRequestStore.instant(rs, "submitted_at"),
                Objects.requireNonNull(PurchaseRequestStore.instant(rs, "created_at")))).list();
        return keyset.page(rows, request, r -> {
            Map<String, Object> keys = new HashMap<>();
            keys.put("id", r.id());
            switch (request.sortParam().replace("-", "")) {
                case "number" -> keys.put("number", r.number());
                case "status" -> keys.put("status", r.status().name());
                case "title" -> keys.put("title", r.title().toLowerCase(Locale.ROOT));
                default -> keys.put("createdAt", r.createdAt());
            }
            return keys;
        });
    }

    /**
     * The steps waiting on the caller: pending, the caller (or someone the caller stands in for today) among their
     * approvers, not decided by the caller, not the caller's own request. One query on indexed columns, oldest first:
     * it walks the organization's pending steps in order ({@code approval_steps_org_pending}) and keeps those with one of
     * the people among their approvers (primary key of {@code approval_step_approvers}), so its cost follows the steps
     * open now and the page size, not the approver's history (docs/benchmarks.md, "Purchase requests").
     */
    @Transactional(readOnly = true)
    public CursorPage<InboxItem> inbox(@Nullable Integer limit, @Nullable String cursor) {
        OrgAccess caller = TenantContext.requireAccess();
        Paging.Request request = Paging.request(limit, cursor, null, Set.of("startedAt"), "startedAt");
        KeysetSql keyset = KeysetSql.of(request, INBOX_SORTS);
        Set<UUID> people = new LinkedHashSet<>(delegations.delegatorsOf(caller.accountId(), today()));
        people.add(caller.accountId());
        Map<String, Object> params = new HashMap<>(keyset.params());
        params.put("org", caller.orgId());
        params.put("me", caller.accountId());
        params.put("people", people);
        String sql = "select r.id, r.number, r.title, r.requester_id, r.total_base, r.base_currency, s.id as step_id, s.name, s.stage, s.mode, "
                // The approver the caller decides as: the caller when among the step's approvers, else the first they stand in for.
                // One lookup per row of the page; an exists() on the caller here lets PostgreSQL hash all of their approver rows.
                + "s.started_at, (select o.account_id from approval_step_approvers o where o.org_id = :org and o.step_id = s.id "
                + "and o.account_id in (:people) order by case when o.account_id = :me then 0 else 1 end, o.account_id limit 1) as decides_as "
                + "from approval_steps s "
                + "join purchase_requests r on r.org_id = s.org_id and r.id = s.request_id "
                + "where s.org_id = :org and s.status = 'PENDING' and r.requester_id <> :me "
                + "and exists (select 1 from approval_step_approvers a where a.step_id = s.id and a.account_id in (:people) and a.org_id = :org) "
                + "and not exists (select 1 from approval_decisions d where d.org_id = :org and d.step_id = s.id and d.approver_id = :me)"
                + keyset.condition()
                + keyset.orderBy() + " limit " + keyset.fetch();
        UUID me = caller.accountId();
        List<InboxItem> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
            UUID decidesAs = rs.getObject("decides_as", UUID.class);
            return new InboxItem(
                    rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"), rs.getObject("requester_id", UUID.class),
                    rs.getBigDecimal("total_base"), rs.getString("base_currency"), rs.getObject("step_id", UUID.class), rs.getString("name"),
                    rs.getInt("stage"), StepMode.valueOf(rs.getString("mode")), Objects.requireNonNull(PurchaseRequestStore.instant(rs, "started_at")),
                    me.equals(decidesAs) ? null : decidesAs);
        }).list();
        return keyset.page(rows, request, i -> Map.of("startedAt", i.startedAt(), "id", i.stepId()));
    }

    // ---- the steps

    private List<PurchaseRequestStore.Step> currentRound(PurchaseRequest request) {
        return store.steps(request.getId()).stream().filter(s -> s.round() == request.round()).toList();
    }

    /** Starts the lowest stage above {@code after} that has waiting steps; answers whether there was one. */
    private boolean startNextStage(PurchaseRequest request, int after, Instant now) {
        List<PurchaseRequestStore.Step> waiting = currentRound(request).stream()
                .filter(s -> s.status() == StepStatus.WAITING && s.stage() > after)
                .toList();
        if (waiting.isEmpty()) {
            return false;
        }
        int stage = waiting.stream().mapToInt(PurchaseRequestStore.Step::stage).min().orElseThrow();
        Set<UUID> approvers = new LinkedHashSet<>();
        for (PurchaseRequestStore.Step s : waiting) {
            if (s.stage() == stage) {
                store.setStatus(s.id(), StepStatus.PENDING, now);
                approvers.addAll(s.approvers());
            }
        }
        OrgAccess caller = TenantContext.requireAccess();
        Locale locale = Locale.forLanguageTag(caller.locale());
        Object[] args = {request.number(), request.title()};
        notifications.notify(approvers, new Notice("purchase-request.pending",
                messages.getMessage("notice.purchaseRequest.pending", args, "{0} waits on your approval: {1}", locale), null,
                link(caller, request)));
        return true;
    }

    private void cancelOpenSteps(PurchaseRequest request, Instant now) {
        for (PurchaseRequestStore.Step s : currentRound(request)) {
            if (s.status() == StepStatus.PENDING || s.status() == StepStatus.WAITING) {
                store.setStatus(s.id(), StepStatus.CANCELLED, now);
            }
        }
    }

    private void release(PurchaseRequest request) {
        if (request.budgetLineId() != null) {
            ledger.release(request.budgetLineId(), source(request.getId(), request.round()));
        }
    }

    private void tellRequester(PurchaseRequest request, String outcome, @Nullable String comment) {
        OrgAccess caller = TenantContext.requireAccess();
        Locale locale = Locale.forLanguageTag(caller.locale());
        Object[] args = {request.number(), request.title()};
        notifications.notify(List.of(request.requesterId()), new Notice("purchase-request." + outcome,
                messages.getMessage("notice.purchaseRequest." + outcome, args, "{0} " + outcome.replace('-', ' ') + ": {1}", locale),
                clean(comment), link(caller, request)));
    }

    private static String link(OrgAccess caller, PurchaseRequest request) {
        return "/o/" + caller.slug() + "/purchase-requests/" + request.getId();
    }

    /**
     * Whether an "all of us" step has every approval it needs: from each approver it was planned with, or from someone
     * it was escalated to, who stands in for those who had not decided.
     */
    private boolean complete(PurchaseRequestStore.Step step, Set<UUID> covered) {
        Set<UUID> escalated = followUps.escalatedTo(step.id());
        return escalated.stream().anyMatch(covered::contains)
                || step.approvers().stream().filter(a -> !escalated.contains(a)).allMatch(covered::contains);
    }

    /** Approvers whose approval the decisions on a step already give (their own, or a delegate's on their behalf). */
    private static Set<UUID> covered(List<PurchaseRequestStore.StoredDecision> decisions) {
        Set<UUID> covered = new HashSet<>();
        decisions.stream().filter(d -> d.decision() == Decision.APPROVED).forEach(d -> covered.add(d.onBehalfOf() == null ? d.approverId() : d.onBehalfOf()));
        return covered;
    }

    /** Each submission reserves under its own source, so that a resubmission after changes reserves again. */
    static SourceDocument source(UUID requestId, int round) {
        return new SourceDocument(SOURCE_TYPE, round <= 1 ? requestId.toString() : requestId + "/" + round);
    }

    // ---- validation

    private record Draft(PurchaseRequest.Header header, List<PurchaseRequestView.LineView> lines) {}

    private Draft validated(SavePurchaseRequest c) {
        String base = TenantContext.requireAccess().baseCurrency();
        var checks = new Checks()
                .text("title", c.title(), 200, true)
                .text("justification", c.justification(), 4000, false);
        if (c.departmentId() != null) {
            checks.rule(departments.isActiveDepartment(c.departmentId()), "departmentId", "unknown", "departmentId names no active department of this organization");
        }
        if (c.budgetLineId() != null) {
            Optional<PurchaseBudget.LineFacts> line = budget.line(c.budgetLineId());
            checks.rule(line.filter(l -> !l.archived()).isPresent(), "budgetLineId", "unknown", "budgetLineId names no open budget line of this organization");
            line.ifPresent(l -> checks.rule(l.currency().equals(base), "budgetLineId", "currency",
                    "the budget of that line is kept in " + l.currency() + ", not in the base currency " + base));
        }
        if (c.vendorId() != null) {
            checks.rule(vendors.exists(c.vendorId()), "vendorId", "unknown", "vendorId names no vendor of this organization");
        }
        List<SavePurchaseRequest.Line> inputs = c.lines() == null ? List.of() : c.lines();
        checks.rule(inputs.size() <= MAX_LINES, "lines", "size", "a request has at most " + MAX_LINES + " lines");
        Set<UUID> vendorIds = new HashSet<>();
        if (c.vendorId() != null) {
            vendorIds.add(c.vendorId());
        }
        List<PurchaseRequestView.LineView> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size() && i < MAX_LINES; i++) {
            SavePurchaseRequest.Line in = inputs.get(i);
            String f = "lines[" + i + "].";
            if (in == null) {
                checks.rule(false, "lines[" + i + "]", "required", "line " + (i + 1) + " is empty");
                continue;
            }
            checks.text(f + "description", in.description(), 500, true)
                    .text(f + "catalogItem", in.catalogItem(), 100, false)
                    .required(f + "quantity", in.quantity())
                    .required(f + "unitPrice", in.unitPrice())
                    .currency(f + "currency", in.currency() == null ? base : in.currency());
            if (in.quantity() != null) {
                checks.rule(in.quantity().signum() > 0, f + "quantity", "positive", "quantity must be greater than zero")
                        .rule(in.quantity().scale() <= 4 && in.quantity().precision() - in.quantity().scale() <= 9, f + "quantity", "range",
                                "quantity must have at most 9 digits before and 4 after the decimal point");
            }
            if (in.unitPrice() != null) {
                checks.rule(in.unitPrice().signum() >= 0, f + "unitPrice", "negative", "unitPrice must not be negative")
                        .rule(in.unitPrice().compareTo(MAX_UNIT_PRICE) < 0 && in.unitPrice().scale() <= 4, f + "unitPrice", "range",
                                "unitPrice must be below 10^13 with at most 4 decimals");
            }
            if (in.categoryId() != null) {
                checks.rule(budget.isCategory(in.categoryId()), f + "categoryId", "unknown", "categoryId names no cost category of this organization");
            }
            if (in.vendorId() != null) {
                checks.rule(vendors.exists(in.vendorId()), f + "vendorId", "unknown", "vendorId names no vendor of this organization");
                vendorIds.add(in.vendorId());
            }
            if (checks.hasErrors()) {
                continue;
            }
            BigDecimal amount = in.quantity().multiply(in.unitPrice()).setScale(4, RoundingMode.HALF_EVEN);
            checks.money(f + "unitPrice", amount);
            lines.add(new PurchaseRequestView.LineView(Ids.newId(), i + 1, in.description().strip(), in.categoryId(), in.quantity(), in.unitPrice(),
                    in.currency() == null ? base : in.currency(), in.vendorId(), clean(in.catalogItem()), in.kind() == null ? LineKind.GOODS : in.kind(),
                    amount, null, null));
        }
        checks.rule(vendorIds.size() <= 1, "vendorId", "vendors", "the lines of one request name one vendor; split it into one request per vendor");
        checks.throwIfAny();
        UUID vendor = c.vendorId() != null ? c.vendorId() : vendorIds.stream().findFirst().orElse(null);
        return new Draft(new PurchaseRequest.Header(c.title(), c.justification(), c.neededBy(), c.departmentId(), c.budgetLineId(), vendor,
                c.expenseType() == null ? ExpenseType.OPEX : c.expenseType()), lines);
    }

    private static SavePurchaseRequest.Line input(PurchaseRequestView.LineView l) {
        return new SavePurchaseRequest.Line(l.description(), l.categoryId(), l.quantity(), l.unitPrice(), l.currency(), l.vendorId(), l.catalogItem(), l.kind());
    }

    // ---- access

    PurchaseRequest find(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Purchase request"));
    }

    PurchaseRequest lock(UUID id) {
        return requests.lockById(id).orElseThrow(() -> new NotFoundException("Purchase request"));
    }

    /** A request is seen by its requester, its approvers and their delegates, and the roles that read all; to others it does not exist. */
    PurchaseRequest visible(PurchaseRequest request) {
        OrgAccess caller = TenantContext.requireAccess();
        UUID me = caller.accountId();
        if (caller.can(Permission.PURCHASE_REQUESTS_VIEW_ALL) || me.equals(request.requesterId())) {
            return request;
        }
        Set<UUID> people = new HashSet<>(delegations.delegatorsOf(me, today()));
        people.add(me);
        boolean approver = store.steps(request.getId()).stream().anyMatch(s -> s.approvers().stream().anyMatch(people::contains));
        if (approver) {
            return request;
        }
        throw new NotFoundException("Purchase request");
    }

    private PurchaseRequest ownDraft(PurchaseRequest request) {
        OrgAccess caller = Access.require(Permission.PURCHASE_REQUESTS_CREATE);
        if (!request.requesterId().equals(caller.accountId())) {
            throw new ForbiddenException("only the requester changes or submits a request");
        }
        request.requireDraft();
        return request;
    }

    private static void requireVersion(PurchaseRequest request, @Nullable Long expected) {
        if (expected != null && request.version() != expected) {
            throw new StaleVersionException(request.version());
        }
    }

    // ---- views

    private PurchaseRequestView view(PurchaseRequest r) {
        List<PurchaseRequestView.LineView> lines = store.lines(r.getId());
        List<PurchaseRequestStore.Step> steps = store.steps(r.getId());
        Map<UUID, List<PurchaseRequestStore.StoredDecision>> decisions = PurchaseRequestStore.byStep(store.decisions(steps.stream().map(PurchaseRequestStore.Step::id).toList()));
        Set<UUID> people = new HashSet<>();
        people.add(r.requesterId());
        steps.forEach(s -> people.addAll(s.approvers()));
        decisions.values().forEach(ds -> ds.forEach(d -> {
            people.add(d.approverId());
            if (d.onBehalfOf() != null) {
                people.add(d.onBehalfOf());
            }
        }));
        Map<UUID, String> names = members.displayNames(people);
        List<PurchaseRequestView.StepView> stepViews = steps.stream()
                .sorted(Comparator.comparingInt(PurchaseRequestStore.Step::round).thenComparingInt(PurchaseRequestStore.Step::stage))
                .map(s -> new PurchaseRequestView.StepView(s.id(), s.round(), s.stage(), s.name(), s.mode(), s.status(), s.fallback(), s.budgetExtra(),
                        s.approvers().stream().map(a -> new PurchaseRequestView.Person(a, names.getOrDefault(a, "?"))).toList(),
                        decisions.getOrDefault(s.id(), List.of()).stream()
                                .map(d -> new PurchaseRequestView.DecisionView(d.approverId(), names.getOrDefault(d.approverId(), "?"), d.onBehalfOf(),
                                        d.onBehalfOf() == null ? null : names.getOrDefault(d.onBehalfOf(), "?"), d.decision(), d.comment(), d.decidedAt()))
                                .toList(),
                        s.startedAt(), s.decidedAt()))
                .toList();
        // Amounts in different currencies do not add up: before conversion the total is known only in the base currency.
        BigDecimal total = lines.stream().allMatch(l -> l.baseAmount() != null)
                ? lines.stream().map(PurchaseRequestView.LineView::baseAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                : lines.stream().allMatch(l -> l.currency().equals(r.baseCurrency()))
                        ? lines.stream().map(PurchaseRequestView.LineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        : null;
        return new PurchaseRequestView(r.getId(), r.number(), r.title(), r.justification(), r.neededBy(), r.requesterId(), names.get(r.requesterId()),
                r.departmentId(), r.budgetLineId(), r.vendorId(), r.expenseType(), r.status(), r.baseCurrency(), total, r.totalBase(), r.checkStatus(),
                r.checkAvailableAfter(), Boolean.TRUE.equals(r.checkExtraApproval()), r.policyId(), r.policyVersion(), r.round(), r.submittedAt(),
                r.decidedAt(),
                lines,
                stepViews,
                stepViews.stream().filter(s -> s.round() == r.round() && s.status() == StepStatus.PENDING
                        && r.status() == PurchaseRequestStatus.SUBMITTED).toList(),
                r.createdAt(), r.version());
    }

    private static Map<String, Object> snapshot(PurchaseRequest r, @Nullable List<PurchaseRequestView.LineView> lines) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", r.number());
        s.put("title", r.title());
        s.put("status", r.status().name());
        s.put("round", r.round());
        s.put("departmentId", r.departmentId() == null ? null : r.departmentId().toString());
        s.put("budgetLineId", r.budgetLineId() == null ? null : r.budgetLineId().toString());
        s.put("vendorId", r.vendorId() == null ? null : r.vendorId().toString());
        s.put("totalBase", r.totalBase());
        s.put("policyVersion", r.policyVersion());
        if (lines != null) {
            s.put("lines", lines.stream().map(l -> l.quantity().toPlainString() + " x " + l.description() + " @ " + l.unitPrice().toPlainString() + " "
                    + l.currency()).toList());
        }
        return s;
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(TenantContext.requireAccess().timeZone()));
    }
}

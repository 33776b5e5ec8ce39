package org.opencio.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.CostCategoryManagement;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.ExpenseType;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's purchase approval policy as data the CIO edits: versions with effective dates, each an ordered
 * list of rules. A draft is edited and tried out on sample requests, then published; published versions never change,
 * so a request keeps the version it was submitted under. Until the organization publishes a version of its own, the
 * built-in default ({@link DefaultApprovalPolicy}) is in force.
 */
@Service
public class ApprovalPolicyManagement {

    static final int MAX_RULES = 50;
    static final int MAX_STAGE = 20;

    /** The rules in force on a day, and the version they come from (null id and 0 for the built-in default). */
    public record RulesInForce(@Nullable UUID policyId, int versionNumber, List<ApprovalRule> rules) {}

    private final ApprovalPolicies policies;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MemberManagement members;
    private final DepartmentManagement departments;
    private final CostCategoryManagement categories;

    ApprovalPolicyManagement(
            ApprovalPolicies policies,
            JdbcClient jdbc,
            AuditTrail audit,
            MemberManagement members,
            DepartmentManagement departments,
            CostCategoryManagement categories) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.audit = audit;
        this.members = members;
        this.departments = departments;
        this.categories = categories;
    }

    /** Every version, newest first, ending with the built-in default when nothing has been published yet. */
    @Transactional
    public List<PolicyView> versions() {
        Access.require(Permission.APPROVAL_POLICY_VIEW);
        Names names = names();
        UUID inForce = inForcePolicy(today()).map(ApprovalPolicy::getId).orElse(null);
        List<PolicyView> out = new ArrayList<>();
        for (ApprovalPolicy p : policies.findAllByOrderByVersionNumberDesc()) {
            out.add(view(p, rulesOf(p.getId()), names, p.getId().equals(inForce)));
        }
        if (inForce == null) {
            out.add(builtIn(names));
        }
        return out;
    }

    @Transactional
    public PolicyView get(UUID id) {
        Access.require(Permission.APPROVAL_POLICY_VIEW);
        ApprovalPolicy p = find(id);
        return view(p, rulesOf(id), names(), isInForce(p));
    }

    /** The version in force on a day (today in the organization's time zone when none is given). */
    @Transactional
    public PolicyView inForce(@Nullable LocalDate day) {
        Access.require(Permission.APPROVAL_POLICY_VIEW);
        Names names = names();
        return inForcePolicy(day == null ? today() : day)
                .map(p -> view(p, rulesOf(p.getId()), names, true))
                .orElseGet(() -> builtIn(names));
    }

    /** The rules a request submitted on {@code day} follows; for the purchase requests of this module. */
    @Transactional(readOnly = true)
    public RulesInForce rulesInForce(LocalDate day) {
        return inForcePolicy(day)
                .map(p -> new RulesInForce(p.getId(), p.versionNumber(), rulesOf(p.getId()).stream().map(StoredRule::rule).toList()))
                .orElseGet(() -> new RulesInForce(null, 0, DefaultApprovalPolicy.rules()));
    }

    /** Starts the next version as a draft; without rules, as a copy of the version in force. One draft at a time. */
    @Transactional
    public PolicyView createDraft(SavePolicy command) {
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        policies.findFirstByStatus(PolicyStatus.DRAFT).ifPresent(d -> {
            throw new ConflictException("status", "version " + d.versionNumber() + " is already a draft; change or discard it first");
        });
        Names names = names();
        List<StoredRule> rules = command.rules() == null
                ? copyOfInForce(names)
                : validated(command.rules(), names);
        LocalDate effectiveFrom = command.effectiveFrom() == null ? today() : command.effectiveFrom();
        validateHeader(command, effectiveFrom);
        var policy = new ApprovalPolicy(policies.lastVersionNumber() + 1, effectiveFrom, clean(command.note()));
        policies.saveAndFlush(policy);
        writeRules(policy.getId(), rules);
        audit.record("approval-policy.drafted", "ApprovalPolicy", policy.getId(), null, snapshot(policy, rules));
        return view(policy, rulesOf(policy.getId()), names, false);
    }

    /** Replaces a draft's effective date, note and rules. */
    @Transactional
    public PolicyView updateDraft(UUID id, SavePolicy command, long expectedVersion) {
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        ApprovalPolicy policy = find(id);
        if (policy.version() != expectedVersion) {
            throw new StaleVersionException(policy.version());
        }
        policy.requireDraft();
        Names names = names();
        new Checks().required("rules", command.rules()).throwIfAny();
        List<StoredRule> rules = validated(command.rules(), names);
        LocalDate effectiveFrom = command.effectiveFrom() == null ? policy.effectiveFrom() : command.effectiveFrom();
        validateHeader(command, effectiveFrom);
        var before = snapshot(policy, rulesOf(id));
        policy.edit(effectiveFrom, clean(command.note()));
        policies.saveAndFlush(policy);
        writeRules(id, rules);
        audit.record("approval-policy.changed", "ApprovalPolicy", id, before, snapshot(policy, rules));
        return view(policy, rulesOf(id), names, false);
    }

    /** Puts a draft in force from its effective date, which must not lie in the past. */
    @Transactional
    public PolicyView publish(UUID id, @Nullable String reason) {
        OrgAccess caller = Access.require(Permission.APPROVAL_POLICY_MANAGE);
        ApprovalPolicy policy = find(id);
        policy.requireDraft();
        new Checks()
                .rule(!policy.effectiveFrom().isBefore(today()), "effectiveFrom", "past",
                        "effectiveFrom " + policy.effectiveFrom() + " lies in the past; a published policy cannot change what "
                                + "was already submitted — choose today or later")
                .text("reason", reason, 1000, false)
                .throwIfAny();
        List<StoredRule> rules = rulesOf(id);
        new Checks().rule(!rules.isEmpty(), "rules", "empty", "a policy needs at least one rule").throwIfAny();
        var before = snapshot(policy, rules);
        policy.publish(caller.accountId(), Instant.now());
        policies.saveAndFlush(policy);
        audit.record("approval-policy.published", "ApprovalPolicy", id, before, AuditTrail.withReason(snapshot(policy, rules), reason));
        return view(policy, rules, names(), isInForce(policy));
    }

    @Transactional
    public PolicyView discard(UUID id, @Nullable String reason) {
        Access.require(Permission.APPROVAL_POLICY_MANAGE);
        ApprovalPolicy policy = find(id);
        new Checks().text("reason", reason, 1000, false).throwIfAny();
        List<StoredRule> rules = rulesOf(id);
        var before = snapshot(policy, rules);
        policy.discard();
        policies.saveAndFlush(policy);
        audit.record("approval-policy.discarded", "ApprovalPolicy", id, before, AuditTrail.withReason(snapshot(policy, rules), reason));
        return view(policy, rules, names(), false);
    }

    /** The steps a request like this would pass under the version in force on its day (or a given draft). */
    @Transactional
    public List<StepPreview> preview(@Nullable UUID policyId, PreviewRequest request) {
        OrgAccess caller = Access.require(Permission.APPROVAL_POLICY_VIEW);
        List<ApprovalRule> rules = policyId == null
                ? rulesInForce(request.day() == null ? today() : request.day()).rules()
                : rulesOf(find(policyId).getId()).stream().map(StoredRule::rule).toList();
        var checks = new Checks().required("amount", request.amount()).money("amount", request.amount());
        if (request.departmentId() != null) {
            checks.rule(departments.isActiveDepartment(request.departmentId()), "departmentId", "unknown",
                    "departmentId names no active department of this organization");
        }
        if (request.requesterId() != null) {
            checks.rule(members.isActiveMember(request.requesterId()), "requesterId", "unknown",
                    "requesterId names no active member of this organization");
        }
        if (request.categoryId() != null) {
            checks.rule(categories.list().stream().anyMatch(c -> c.id().equals(request.categoryId())), "categoryId", "unknown",
                    "categoryId names no cost category of this organization");
        }
        checks.throwIfAny();
        var facts = new ApprovalFacts(
                request.requesterId() == null ? caller.accountId() : request.requesterId(),
                request.amount(),
                request.categoryId() == null ? Set.of() : Set.of(request.categoryId()),
                request.departmentId(),
                request.expenseType() == null ? ExpenseType.OPEX : request.expenseType(),
                null);
        List<PlannedStep> steps = ApprovalPlanner.plan(rules, facts, directory());
        Set<UUID> ids = steps.stream().flatMap(s -> s.approvers().stream()).collect(Collectors.toSet());
        Map<UUID, String> people = members.displayNames(ids);
        return steps.stream()
                .map(s -> new StepPreview(s.stage(), s.name(), s.mode(),
                        s.approvers().stream().map(a -> new StepPreview.Approver(a, people.getOrDefault(a, "?"))).toList(),
                        s.fallback()))
                .toList();
    }

    /** The approver directory of the current organization, for the purchase requests of this module. */
    ApproverDirectory directory() {
        return new MemberApprovers(members, departments);
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    /** A rule as stored, with its position. */
    record StoredRule(int position, ApprovalRule rule) {}

    private List<StoredRule> validated(List<RuleInput> inputs, Names names) {
        var checks = new Checks();
        checks.rule(!inputs.isEmpty(), "rules", "empty", "a policy needs at least one rule");
        checks.rule(inputs.size() <= MAX_RULES, "rules", "size", "a policy has at most " + MAX_RULES + " rules");
        checks.throwIfAny();
        List<StoredRule> rules = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RuleInput in = inputs.get(i);
            String f = "rules[" + i + "].";
            if (in == null) {
                checks.rule(false, "rules[" + i + "]", "required", "rule " + (i + 1) + " is empty");
                continue;
            }
            checks.required(f + "stage", in.stage())
                    .range(f + "stage", in.stage(), 1, MAX_STAGE)
                    .text(f + "name", in.name(), 100, true)
                    .money(f + "amountAbove", in.amountAbove())
                    .money(f + "amountUpTo", in.amountUpTo())
                    .required(f + "approverKind", in.approverKind())
                    .required(f + "mode", in.mode());
            checks.rule(in.amountAbove() == null || in.amountUpTo() == null || in.amountAbove().compareTo(in.amountUpTo()) < 0,
                    f + "amountUpTo", "band", "amountUpTo must be greater than amountAbove");
            List<UUID> categoryIds = in.categoryIds() == null ? List.of() : in.categoryIds();
            for (UUID c : categoryIds) {
                checks.rule(c != null && names.categories().containsKey(c), f + "categoryIds", "unknown",
                        "categoryIds names " + c + ", which is no cost category of this organization");
            }
            if (in.departmentId() != null) {
                checks.rule(departments.isActiveDepartment(in.departmentId()), f + "departmentId", "unknown",
                        "departmentId names no active department of this organization");
            }
            if (in.approverKind() == ApproverKind.ROLE) {
                checks.required(f + "approverRole", in.approverRole());
                checks.rule(in.approverRole() != Role.EMPLOYEE && in.approverRole() != Role.AUDITOR, f + "approverRole", "role",
                        "employees and auditors do not approve purchases; choose IT staff, an IT manager, a CIO or an executive");
            }
            if (in.approverKind() == ApproverKind.PERSON) {
                checks.required(f + "approverId", in.approverId());
                if (in.approverId() != null) {
                    checks.rule(members.isActiveMember(in.approverId()), f + "approverId", "unknown",
                            "approverId names no active member of this organization");
                }
            }
            if (checks.hasErrors()) {
                continue;
            }
            rules.add(new StoredRule(i + 1, new ApprovalRule(
                    in.stage(),
                    in.name().trim(),
                    in.amountAbove(),
                    in.amountUpTo(),
                    new HashSet<>(categoryIds),
                    in.departmentId(),
                    in.expenseType(),
                    in.approverKind(),
                    in.approverKind() == ApproverKind.ROLE ? in.approverRole() : null,
                    in.approverKind() == ApproverKind.PERSON ? in.approverId() : null,
                    in.mode())));
        }
        checks.throwIfAny();
        return rules;
    }

    private void validateHeader(SavePolicy command, LocalDate effectiveFrom) {
        new Checks()
                .text("note", command.note(), 1000, false)
                .rule(!effectiveFrom.isBefore(today()), "effectiveFrom", "past", "effectiveFrom must be today or later")
                .throwIfAny();
    }

    private List<StoredRule> copyOfInForce(Names names) {
        List<ApprovalRule> rules = rulesInForce(today()).rules();
        List<StoredRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(new StoredRule(i + 1, rules.get(i)));
        }
        return out;
    }

    private void writeRules(UUID policyId, List<StoredRule> rules) {
        UUID org = TenantContext.requireOrgId();
        jdbc.sql("delete from approval_rules where org_id = ? and policy_id = ?").params(org, policyId).update();
        for (StoredRule s : rules) {
            ApprovalRule r = s.rule();
            jdbc.sql("insert into approval_rules (id, org_id, policy_id, position, stage, name, amount_above, amount_up_to, "
                            + "category_ids, department_id, expense_type, approver_kind, approver_role, approver_id, step_mode) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(Ids.newId(), org, policyId, s.position(), r.stage(), r.name(), r.above(), r.upTo(),
                            r.categoryIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(",")),
                            r.departmentId(), r.expenseType() == null ? null : r.expenseType().name(), r.approverKind().name(),
                            r.role() == null ? null : r.role().name(), r.personId(), r.mode().name())
                    .update();
        }
    }

    private List<StoredRule> rulesOf(UUID policyId) {
        return jdbc.sql("select * from approval_rules where org_id = ? and policy_id = ? order by position")
                .params(TenantContext.requireOrgId(), policyId)
                .query(ApprovalPolicyManagement::storedRule)
                .list();
    }

    private static StoredRule storedRule(ResultSet rs, int row) throws SQLException {
        String categoryIds = rs.getString("category_ids");
        String expenseType = rs.getString("expense_type");
        String role = rs.getString("approver_role");
        return new StoredRule(rs.getInt("position"), new ApprovalRule(
                rs.getInt("stage"),
                rs.getString("name"),
                rs.getBigDecimal("amount_above"),
                rs.getBigDecimal("amount_up_to"),
                categoryIds == null || categoryIds.isEmpty()
                        ? Set.of()
                        : Arrays.stream(categoryIds.split(",")).map(UUID::fromString).collect(Collectors.toSet()),
                rs.getObject("department_id", UUID.class),
                expenseType == null ? null : ExpenseType.valueOf(expenseType),
                ApproverKind.valueOf(rs.getString("approver_kind")),
                role == null ? null : Role.valueOf(role),
                rs.getObject("approver_id", UUID.class),
                StepMode.valueOf(rs.getString("step_mode"))));
    }

    // --- views ---------------------------------------------------------------------------------------------------

    /** Names of what rules refer to, read once per request. */
    private record Names(Map<UUID, String> categories, Map<UUID, String> departments) {}

    private Names names() {
        Map<UUID, String> cats = new LinkedHashMap<>();
        for (CostCategoryView c : categories.list()) {
            cats.put(c.id(), c.name());
        }
        Map<UUID, String> depts = new LinkedHashMap<>();
        departments.tree().forEach(e -> depts.put(e.department().id(), e.department().name()));
        return new Names(cats, depts);
    }

    private PolicyView view(ApprovalPolicy p, List<StoredRule> rules, Names names, boolean inForce) {
        Set<UUID> people = new HashSet<>();
        rules.forEach(r -> {
            if (r.rule().personId() != null) {
                people.add(r.rule().personId());
            }
        });
        if (p.publishedBy() != null) {
            people.add(p.publishedBy());
        }
        Map<UUID, String> personNames = members.displayNames(people);
        return new PolicyView(p.getId(), p.versionNumber(), p.effectiveFrom(), p.status(), false, inForce, p.note(),
                p.publishedAt(), p.publishedBy() == null ? null : personNames.get(p.publishedBy()),
                rules.stream().map(r -> ruleView(r, names, personNames)).toList(), p.version());
    }

    private PolicyView builtIn(Names names) {
        List<ApprovalRule> rules = DefaultApprovalPolicy.rules();
        List<RuleView> views = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            views.add(ruleView(new StoredRule(i + 1, rules.get(i)), names, Map.of()));
        }
        return new PolicyView(null, 0, null, PolicyStatus.PUBLISHED, true, inForcePolicy(today()).isEmpty(), null, null, null, views, 0);
    }

    private static RuleView ruleView(StoredRule s, Names names, Map<UUID, String> people) {
        ApprovalRule r = s.rule();
        List<UUID> categoryIds = r.categoryIds().stream().sorted().toList();
        return new RuleView(s.position(), r.stage(), r.name(), r.above(), r.upTo(), categoryIds,
                categoryIds.stream().map(c -> names.categories().getOrDefault(c, "?")).toList(),
                r.departmentId(), r.departmentId() == null ? null : names.departments().get(r.departmentId()),
                r.expenseType(), r.approverKind(), r.role(), r.personId(),
                r.personId() == null ? null : people.get(r.personId()), r.mode());
    }

    private Map<String, Object> snapshot(ApprovalPolicy p, List<StoredRule> rules) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("versionNumber", p.versionNumber());
        s.put("effectiveFrom", p.effectiveFrom().toString());
        s.put("status", p.status().name());
        s.put("note", p.note());
        s.put("rules", rules.stream().map(r -> r.rule().toString()).toList());
        return s;
    }

    // --- lookups -------------------------------------------------------------------------------------------------

    private java.util.Optional<ApprovalPolicy> inForcePolicy(LocalDate day) {
        return policies.findFirstByStatusAndEffectiveFromLessThanEqualOrderByEffectiveFromDescVersionNumberDesc(PolicyStatus.PUBLISHED, day);
    }

    private boolean isInForce(ApprovalPolicy p) {
        return inForcePolicy(today()).map(f -> f.getId().equals(p.getId())).orElse(false);
    }

    private ApprovalPolicy find(UUID id) {
        return policies.findById(id).orElseThrow(() -> new NotFoundException("Approval policy"));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(TenantContext.requireAccess().timeZone()));
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

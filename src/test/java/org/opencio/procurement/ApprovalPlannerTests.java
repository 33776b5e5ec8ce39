package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.security.Role;
import org.opencio.shared.ConflictException;

class ApprovalPlannerTests {

    private final People people = new People();
    private final UUID manager = people.add(Role.IT_MANAGER, "5000");
    private final UUID cio = people.add(Role.CIO, "1000000");
    private final UUID cfo = people.add(Role.EXECUTIVE, "0");
    private final UUID employee = people.add(Role.EMPLOYEE, "0");

    @Test
    void theDefaultPolicyAddsTheCioAboveOneThousandAndAnExecutiveAboveFiftyThousand() {
        assertThat(approvers(plan(DefaultApprovalPolicy.rules(), "1000"))).containsExactly(List.of(manager));
        assertThat(approvers(plan(DefaultApprovalPolicy.rules(), "1000.01"))).containsExactly(List.of(manager), List.of(cio));
        assertThat(approvers(plan(DefaultApprovalPolicy.rules(), "50000"))).containsExactly(List.of(manager), List.of(cio));
        assertThat(approvers(plan(DefaultApprovalPolicy.rules(), "50000.01")))
                .containsExactly(List.of(manager), List.of(cio), List.of(cfo));
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        // The IT manager's own request goes to the CIO in their place.
        List<PlannedStep> steps = ApprovalPlanner.plan(DefaultApprovalPolicy.rules(), facts(manager, "800", null), people);
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.approvers()).containsExactly(cio);
            assertThat(step.fallback()).isTrue();
        });
        // A CIO's own large request: the manager, then an executive instead of the CIO, then the executive step.
        List<PlannedStep> cioRequest = ApprovalPlanner.plan(DefaultApprovalPolicy.rules(), facts(cio, "60000", null), people);
        assertThat(cioRequest).allSatisfy(step -> assertThat(step.approvers()).doesNotContain(cio));
        assertThat(approvers(cioRequest)).containsExactly(List.of(manager), List.of(cfo));
    }

    @Test
    void aRequestWithOnlyTheRequesterAsPossibleApproverIsRefused() {
        var alone = new People();
        UUID onlyCio = alone.add(Role.CIO, "0");
        assertThatThrownBy(() -> ApprovalPlanner.plan(DefaultApprovalPolicy.rules(), facts(onlyCio, "10", null), alone))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("another CIO or an executive");
    }

    @Test
    void rulesMatchByCategoryDepartmentAndExpenseType() {
        UUID hardware = UUID.randomUUID();
        UUID finance = people.department(null, null);
        UUID security = people.add(Role.IT_STAFF, "0");
        var rules = List.of(
                new ApprovalRule(1, "Hardware CapEx", null, null, Set.of(hardware), null, ExpenseType.CAPEX,
                        ApproverKind.ROLE, Role.IT_MANAGER, null, StepMode.ANY),
                new ApprovalRule(1, "Finance requests", null, null, Set.of(), finance, null,
                        ApproverKind.PERSON, null, security, StepMode.ANY));
        var capexHardwareInFinance = new ApprovalFacts(employee, new BigDecimal("10"), Set.of(hardware), finance, ExpenseType.CAPEX, null);
        assertThat(names(ApprovalPlanner.plan(rules, capexHardwareInFinance, people))).containsExactly("Hardware CapEx", "Finance requests");
        var opexElsewhere = new ApprovalFacts(employee, new BigDecimal("10"), Set.of(hardware), null, ExpenseType.OPEX, null);
        assertThat(ApprovalPlanner.plan(rules, opexElsewhere, people)).isEmpty();
    }

    @Test
    void theDepartmentHeadIsTheNearestHeadUpTheTree() {
        UUID headOfOps = people.add(Role.IT_MANAGER, "2000");
        UUID operations = people.department(null, headOfOps);
        UUID helpdesk = people.department(operations, null);
        var rules = List.of(new ApprovalRule(1, "Head", null, null, Set.of(), null, null,
                ApproverKind.DEPARTMENT_HEAD, null, null, StepMode.ANY));
        assertThat(approvers(ApprovalPlanner.plan(rules, facts(employee, "10", helpdesk), people)))
                .containsExactly(List.of(headOfOps));
    }

    @Test
    void theLimitChainClimbsUntilSomeonesLimitCoversTheAmount() {
        UUID ceo = people.add(Role.EXECUTIVE, "100000");
        UUID headOfOps = people.add(Role.IT_MANAGER, "2000");
        UUID company = people.department(null, ceo);
        UUID operations = people.department(company, headOfOps);
        UUID helpdesk = people.department(operations, null);
        var rules = List.of(new ApprovalRule(1, "Chain", null, null, Set.of(), null, null,
                ApproverKind.LIMIT_CHAIN, null, null, StepMode.ANY));

        assertThat(approvers(ApprovalPlanner.plan(rules, facts(employee, "1500", helpdesk), people))).containsExactly(List.of(headOfOps));
        assertThat(approvers(ApprovalPlanner.plan(rules, facts(employee, "2000.01", helpdesk), people))).containsExactly(List.of(ceo));
        // Nobody's limit covers it: the CIOs decide.
        assertThat(approvers(ApprovalPlanner.plan(rules, facts(employee, "250000", helpdesk), people))).containsExactly(List.of(cio));
        // The head of operations asking for 1,500 does not approve it; the chain climbs past them.
        assertThat(approvers(ApprovalPlanner.plan(rules, facts(headOfOps, "1500", helpdesk), people))).containsExactly(List.of(ceo));
    }

    @Test
    void aStepWhoseApproverLeftFallsBackToTheCios() {
        UUID gone = people.add(Role.IT_STAFF, "0");
        people.active.remove(gone);
        var rules = List.of(new ApprovalRule(1, "Named", null, null, Set.of(), null, null,
                ApproverKind.PERSON, null, gone, StepMode.ALL));
        List<PlannedStep> steps = ApprovalPlanner.plan(rules, facts(employee, "10", null), people);
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.approvers()).containsExactly(cio);
            assertThat(step.fallback()).isTrue();
            assertThat(step.mode()).isEqualTo(StepMode.ALL);
        });
    }

    @Test
    void stagesRunInOrderWhateverTheOrderOfTheRules() {
        var rules = List.of(
                new ApprovalRule(2, "Second", null, null, Set.of(), null, null, ApproverKind.ROLE, Role.CIO, null, StepMode.ANY),
                new ApprovalRule(1, "First", null, null, Set.of(), null, null, ApproverKind.ROLE, Role.IT_MANAGER, null, StepMode.ANY),
                new ApprovalRule(1, "Same people again", null, null, Set.of(), null, null, ApproverKind.ROLE, Role.IT_MANAGER, null, StepMode.ANY));
        assertThat(names(ApprovalPlanner.plan(rules, facts(employee, "10", null), people))).containsExactly("First", "Second");
    }

    private List<PlannedStep> plan(List<ApprovalRule> rules, String amount) {
        return ApprovalPlanner.plan(rules, facts(employee, amount, null), people);
    }

    private static ApprovalFacts facts(UUID requester, String amount, UUID department) {
        return new ApprovalFacts(requester, new BigDecimal(amount), Set.of(), department, ExpenseType.OPEX, null);
    }

    private static List<List<UUID>> approvers(List<PlannedStep> steps) {
        return steps.stream().map(PlannedStep::approvers).toList();
    }

    private static List<String> names(List<PlannedStep> steps) {
        return steps.stream().map(PlannedStep::name).toList();
    }

    /** A small organization held in maps. */
    private static final class People implements ApproverDirectory {
        final Map<UUID, Role> roles = new HashMap<>();
        final Map<UUID, BigDecimal> limits = new HashMap<>();
        final Set<UUID> active = new HashSet<>();
        final Map<UUID, UUID> heads = new HashMap<>();
        final Map<UUID, UUID> parents = new HashMap<>();
        final List<UUID> order = new ArrayList<>();

        UUID add(Role role, String limit) {
            UUID id = UUID.randomUUID();
            roles.put(id, role);
            limits.put(id, new BigDecimal(limit));
            active.add(id);
            order.add(id);
            return id;
        }

        UUID department(UUID parent, UUID head) {
            UUID id = UUID.randomUUID();
            if (parent != null) {
                parents.put(id, parent);
            }
            if (head != null) {
                heads.put(id, head);
            }
            return id;
        }

        @Override
        public List<UUID> withRole(Role role) {
            return order.stream().filter(id -> roles.get(id) == role && active.contains(id)).toList();
        }

        @Override
        public Optional<UUID> headOf(UUID departmentId) {
            return Optional.ofNullable(heads.get(departmentId));
        }

        @Override
        public Optional<UUID> parentOf(UUID departmentId) {
            return Optional.ofNullable(parents.get(departmentId));
        }

        @Override
        public boolean isActive(UUID accountId) {
            return active.contains(accountId);
        }

        @Override
        public BigDecimal approvalLimit(UUID accountId) {
            return limits.getOrDefault(accountId, BigDecimal.ZERO);
        }
    }
}

package org.opencio.procurement;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.opencio.platform.security.Role;

class EscalationChainTests {

    private final Org org = new Org();
    private final UUID cio = org.add(Role.CIO, null);
    private final UUID cfo = org.add(Role.EXECUTIVE, null);
    private final UUID requester = org.add(Role.EMPLOYEE, null);

    @Test
    void theNextPersonUpIsTheHeadOfTheApproversDepartment() {
        UUID head = org.add(Role.IT_MANAGER, null);
        UUID operations = org.department(null, head);
        UUID manager = org.add(Role.IT_MANAGER, operations);
        assertThat(nextUp(List.of(manager))).containsExactly(head);
    }

    @Test
    void aHeadWhoIsTheApproverTheRequesterOrOnTheStepIsPassedOverForTheOneAbove() {
        UUID director = org.add(Role.IT_MANAGER, null);
        UUID company = org.department(null, director);
        UUID headOfOps = org.add(Role.IT_MANAGER, null);
        UUID operations = org.department(company, headOfOps);
        org.departments.put(headOfOps, operations);
        // The approver heads their own department: their director is next.
        assertThat(nextUp(List.of(headOfOps))).containsExactly(director);
        // The head is the requester: the one above.
        UUID helpdesk = org.department(operations, requester);
        UUID agent = org.add(Role.IT_STAFF, helpdesk);
        assertThat(nextUp(List.of(agent))).containsExactly(headOfOps);
        // Two approvers of one step under the same head: the head once; a head already on the step is passed over.
        UUID other = org.add(Role.IT_STAFF, helpdesk);
        assertThat(nextUp(List.of(agent, other))).containsExactly(headOfOps);
        assertThat(nextUp(List.of(agent, headOfOps))).containsExactly(director);
    }

    @Test
    void withoutAHeadAboveItGoesToTheCiosThenTheExecutives() {
        UUID manager = org.add(Role.IT_MANAGER, null);
        assertThat(nextUp(List.of(manager))).containsExactly(cio);
        UUID inactiveHead = org.add(Role.IT_MANAGER, null);
        org.active.remove(inactiveHead);
        UUID lonely = org.add(Role.IT_STAFF, org.department(null, inactiveHead));
        assertThat(nextUp(List.of(lonely))).containsExactly(cio);
        // The CIO's own step goes to the executives; theirs to nobody.
        assertThat(nextUp(List.of(cio))).containsExactly(cfo);
        assertThat(nextUp(List.of(cio, cfo))).isEmpty();
    }

    private Set<UUID> nextUp(List<UUID> approvers) {
        return EscalationChain.nextUp(approvers, requester, a -> Optional.ofNullable(org.departments.get(a)), org);
    }

    /** A small organization held in maps. */
    private static final class Org implements ApproverDirectory {
        final Map<UUID, Role> roles = new HashMap<>();
        final Set<UUID> active = new HashSet<>();
        final Map<UUID, UUID> departments = new HashMap<>();
        final Map<UUID, UUID> heads = new HashMap<>();
        final Map<UUID, UUID> parents = new HashMap<>();
        final List<UUID> order = new ArrayList<>();

        UUID add(Role role, UUID department) {
            UUID id = UUID.randomUUID();
            roles.put(id, role);
            active.add(id);
            order.add(id);
            if (department != null) {
                departments.put(id, department);
            }
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
            return BigDecimal.ZERO;
        }
    }
}

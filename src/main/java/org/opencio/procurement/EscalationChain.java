package org.opencio.procurement;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.opencio.platform.security.Role;

/**
 * Who an overdue approval step is escalated to: for each of its approvers, the next person up — the head of the
 * approver's department, or of the nearest department above it whose head is not already on the step — and, when the
 * tree gives nobody, the organization's CIOs, then its executives. Nobody already on the step is added, nor the
 * requester (nobody approves their own request), nor anyone who is no longer an active member.
 */
final class EscalationChain {

    private EscalationChain() {}

    static Set<UUID> nextUp(Collection<UUID> approvers, UUID requester, Function<UUID, Optional<UUID>> departmentOf, ApproverDirectory directory) {
        Set<UUID> taken = new LinkedHashSet<>(approvers);
        taken.add(requester);
        Set<UUID> out = new LinkedHashSet<>();
        for (UUID approver : approvers) {
            headAbove(approver, departmentOf.apply(approver), taken, directory).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            for (Role role : new Role[] {Role.CIO, Role.EXECUTIVE}) {
                directory.withRole(role).stream().filter(p -> !taken.contains(p)).forEach(out::add);
                if (!out.isEmpty()) {
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<UUID> headAbove(UUID approver, Optional<UUID> department, Set<UUID> taken, ApproverDirectory directory) {
        Optional<UUID> current = department;
        // The tree is finite and acyclic; the bound only guards against a damaged one.
        for (int depth = 0; current.isPresent() && depth < 100; depth++) {
            UUID d = current.get();
            // A head who is the approver, the requester or already on the step is passed over for the one above.
            Optional<UUID> head = directory.headOf(d).filter(h -> !taken.contains(h)).filter(directory::isActive);
            if (head.isPresent()) {
                return head;
            }
            current = directory.parentOf(d);
        }
        return Optional.empty();
    }
}

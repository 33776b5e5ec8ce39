package org.opencio.procurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;
import org.opencio.shared.ConflictException;

/**
 * Turns an approval policy and a submitted request into the steps that request must pass. Every matching rule adds a
 * step (the same people asked the same way only once). Nobody approves their own request: the requester is never an approver, and a step left without anyone (a
 * department without a head, a person who left) falls back to the CIOs, then the executives, so that no request is
 * stuck without a decider.
 */
public final class ApprovalPlanner {

    private ApprovalPlanner() {}

    public static List<PlannedStep> plan(List<ApprovalRule> rules, ApprovalFacts facts, ApproverDirectory directory) {
        List<PlannedStep> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ApprovalRule> ordered = rules.stream()
                .sorted(Comparator.comparingInt(ApprovalRule::stage))
                .toList();
        for (ApprovalRule rule : ordered) {
            if (!rule.matches(facts)) {
                continue;
            }
            List<UUID> approvers = eligible(resolve(rule, facts, directory), facts, directory);
            boolean fallback = false;
            if (approvers.isEmpty()) {
                approvers = fallback(facts, directory);
                fallback = true;
            }
            // Two rules that ask the same people in the same way are one step, at the earlier stage: nobody is asked
            // twice for the same request (as when a fallback lands on the people of a later step).
            if (seen.add(rule.mode() + "|" + approvers)) {
                steps.add(new PlannedStep(rule.stage(), rule.name(), rule.mode(), approvers, fallback));
            }
        }
        return steps;
    }

    private static List<UUID> resolve(ApprovalRule rule, ApprovalFacts facts, ApproverDirectory directory) {
        return switch (rule.approverKind()) {
            case ROLE -> rule.role() == null ? List.of() : directory.withRole(rule.role());
            case PERSON -> rule.personId() == null ? List.of() : List.of(rule.personId());
            case BUDGET_LINE_OWNER -> facts.budgetLineOwnerId() == null ? List.of() : List.of(facts.budgetLineOwnerId());
            case DEPARTMENT_HEAD -> nearestHead(facts, directory).map(List::of).orElse(List.of());
            case LIMIT_CHAIN -> limitChain(facts, directory);
        };
    }

    /** The head of the requester's department, or of the nearest department above it that has one. */
    private static Optional<UUID> nearestHead(ApprovalFacts facts, ApproverDirectory directory) {
        for (UUID dept : chain(facts.departmentId(), directory)) {
            Optional<UUID> head = directory.headOf(dept).filter(h -> !h.equals(facts.requesterId()) && directory.isActive(h));
            if (head.isPresent()) {
                return head;
            }
        }
        return Optional.empty();
    }

    /** Up the department tree to the first head whose limit covers the amount; else the CIOs. */
    private static List<UUID> limitChain(ApprovalFacts facts, ApproverDirectory directory) {
        for (UUID dept : chain(facts.departmentId(), directory)) {
            Optional<UUID> head = directory.headOf(dept)
                    .filter(h -> !h.equals(facts.requesterId()) && directory.isActive(h))
                    .filter(h -> directory.approvalLimit(h).compareTo(facts.baseAmount()) >= 0);
            if (head.isPresent()) {
                return List.of(head.get());
            }
        }
        return directory.withRole(Role.CIO);
    }

    /** The department and its ancestors, nearest first; a loop in the tree is never followed twice. */
    private static List<UUID> chain(@Nullable UUID departmentId, ApproverDirectory directory) {
        Set<UUID> chain = new LinkedHashSet<>();
        UUID current = departmentId;
        while (current != null && chain.add(current)) {
            current = directory.parentOf(current).orElse(null);
        }
        return List.copyOf(chain);
    }

    private static List<UUID> eligible(List<UUID> candidates, ApprovalFacts facts, ApproverDirectory directory) {
        return candidates.stream()
                .distinct()
                .filter(id -> !id.equals(facts.requesterId()))
                .filter(directory::isActive)
                .toList();
    }

    private static List<UUID> fallback(ApprovalFacts facts, ApproverDirectory directory) {
        for (Role role : List.of(Role.CIO, Role.EXECUTIVE)) {
            List<UUID> people = eligible(directory.withRole(role), facts, directory);
            if (!people.isEmpty()) {
                return people;
            }
        }
        throw new ConflictException("approvers", "nobody but the requester may approve this request: "
                + "the organization needs another CIO or an executive");
    }
}

package org.opencio.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reminder or an escalation of one of a request's approval steps, for the request's history: {@code people} are
 * those reminded, or those added as approvers by the escalation.
 */
public record FollowUpView(UUID stepId, String stepName, int round, FollowUpKind kind, int businessDays, Instant at, List<PurchaseRequestView.Person> people) {}

package org.opencio.organization;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an invitation: whether it was emailed, and otherwise the link for the inviter to pass on (the only
 * time the link can be seen).
 */
public record InvitationSent(InvitationView invitation, boolean emailed, @Nullable String acceptUrl) {}

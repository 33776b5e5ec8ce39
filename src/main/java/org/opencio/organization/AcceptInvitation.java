package org.opencio.organization;

import org.jspecify.annotations.Nullable;

/** Accepting an invitation: a new person chooses a name and password; an existing one confirms their password. */
public record AcceptInvitation(@Nullable String token, @Nullable String displayName, @Nullable String password) {}

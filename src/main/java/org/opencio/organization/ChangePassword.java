package org.opencio.organization;

import org.jspecify.annotations.Nullable;

public record ChangePassword(@Nullable String currentPassword, @Nullable String newPassword) {}

package org.opencio.platform.web;

import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Permission;

/**
 * An entry of the left navigation. Modules declare theirs as beans; an entry shows only to members whose role has the
 * permission. {@code path} is relative to the organization ({@code /o/{slug}}).
 */
public record NavItem(String section, int order, String labelKey, String path, @Nullable Permission permission) {}

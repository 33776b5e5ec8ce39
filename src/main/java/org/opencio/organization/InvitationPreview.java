package org.opencio.organization;

import org.opencio.platform.security.Role;

/** What the person opening an invitation link sees before accepting. */
public record InvitationPreview(String organizationName, String email, Role role, boolean accountExists) {}

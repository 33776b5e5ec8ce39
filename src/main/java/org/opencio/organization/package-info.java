/** Organizations, departments (cost centres), people, their memberships and roles, invitations and API tokens. */
@ApplicationModule(displayName = "Organization")
@NullMarked
package org.opencio.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

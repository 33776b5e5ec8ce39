/**
 * The platform every module stands on: security and roles, organization scoping (tenancy), the audit trail, API and
 * page conventions (problem details, cursors, ETags, idempotency), mail, demo data and scheduling.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.opencio.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

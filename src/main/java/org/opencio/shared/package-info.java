/** Tiny shared kernel: identifiers and the problem types every module throws. No module behaviour lives here. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.opencio.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

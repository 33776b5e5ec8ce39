/** Uploaded files: recognising their type by their bytes, reading them within a limit, and refusing them clearly. */
@NullMarked
package org.opencio.platform.files;

import org.jspecify.annotations.NullMarked;

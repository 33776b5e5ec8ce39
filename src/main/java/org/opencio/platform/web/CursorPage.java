package org.opencio.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list and the opaque cursor of the next (absent on the last page). */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {}

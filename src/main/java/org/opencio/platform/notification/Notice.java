package org.opencio.platform.notification;

import org.jspecify.annotations.Nullable;

/**
 * What a module tells people: a stable {@code kind} (e.g. "budget.line-over"), a short title, an optional body and a
 * link to the page where they can act. Texts are written in the organization's language by the sending module.
 */
public record Notice(String kind, String title, @Nullable String body, @Nullable String link) {}

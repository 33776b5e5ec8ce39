package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vendor already in the register that a new one may be the same company as, and what matched: name, domain. */
public record DuplicateCandidate(UUID id, String name, String legalName, @Nullable String domain, boolean archived, List<String> matchedOn) {}

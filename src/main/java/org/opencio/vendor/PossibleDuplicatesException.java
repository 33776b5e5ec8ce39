package org.opencio.vendor;

import java.util.List;
import java.util.stream.Collectors;
import org.opencio.shared.ConflictException;

/**
 * A new vendor looks like one the register already has (same name once legal forms and punctuation are set aside, or
 * the same website domain). Answered 409 with the candidates, unless the caller says it knowingly adds a duplicate.
 */
public class PossibleDuplicatesException extends ConflictException {

    private final List<DuplicateCandidate> candidates;

    public PossibleDuplicatesException(List<DuplicateCandidate> candidates) {
        super("legalName", "The register may already have this vendor: "
                + candidates.stream().map(DuplicateCandidate::name).collect(Collectors.joining(", "))
                + ". Open it, or create the vendor anyway (allowDuplicate).");
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}

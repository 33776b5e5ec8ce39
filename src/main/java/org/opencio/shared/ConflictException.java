package org.opencio.shared;

/** A request that contradicts the current state (a duplicate, a transition not allowed now): answered 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

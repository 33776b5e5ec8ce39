package org.opencio.shared;

/** The caller is a member of the organization but their role does not allow this: answered 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}

package org.opencio.shared;

/** A record that does not exist, or that the caller may not know exists: answered 404. */
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what) {
        super(what + " not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}

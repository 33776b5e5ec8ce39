package org.opencio.shared;

/** An update based on an outdated version of a record (If-Match mismatch): answered 412. */
public class StaleVersionException extends RuntimeException {

    private final long current;

    public StaleVersionException(long current) {
        super("the record was changed by someone else; current version is " + current);
        this.current = current;
    }

    public long current() {
        return current;
    }
}

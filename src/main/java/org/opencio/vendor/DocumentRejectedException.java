package org.opencio.vendor;

/**
 * An upload refused for what it is: empty (400), larger than allowed (413) or not the type it claims to be (415).
 * {@code status} is the HTTP status to answer, {@code code} a stable reason.
 */
public class DocumentRejectedException extends RuntimeException {

    private final int status;
    private final String code;

    DocumentRejectedException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package org.opencio.platform.files;

/**
 * An uploaded file refused for what it is: empty (400), larger than allowed (413), or not a type accepted there or not
 * what its name or declared type says (415). The API answers a problem detail of type {@code upload-<code>} naming
 * {@code field}; pages show the message next to the field.
 */
public class UploadRejectedException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public UploadRejectedException(int status, String code, String field, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}

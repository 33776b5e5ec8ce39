package org.opencio.platform.web;

/** An update sent without If-Match: the API refuses blind overwrites (428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("send If-Match with the ETag of the version you are changing");
    }
}

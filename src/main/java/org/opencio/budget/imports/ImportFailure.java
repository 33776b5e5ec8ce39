package org.opencio.budget.imports;

/** A file that cannot be imported at all (its header, structure or encoding); the message is for the report. */
final class ImportFailure extends Exception {

    ImportFailure(String message) {
        super(message, null, false, false);
    }
}

package org.opencio.organization;

import org.jspecify.annotations.Nullable;
import org.opencio.shared.Checks;

/** Passwords: long enough to resist guessing (NIST SP 800-63B), not absurdly long, not the email itself. */
final class PasswordPolicy {

    static final int MIN = 10;
    static final int MAX = 128;

    private PasswordPolicy() {}

    static void check(Checks checks, String field, @Nullable String password, @Nullable String email) {
        if (password == null || password.isEmpty()) {
            checks.rule(false, field, "required", field + " is required");
        } else {
            checks.rule(password.length() >= MIN, field, "too-short", field + " must have at least " + MIN + " characters");
            checks.rule(password.length() <= MAX, field, "too-long", field + " must have at most " + MAX + " characters");
            checks.rule(email == null || !password.equalsIgnoreCase(email), field, "weak", field + " must not be your email");
        }
    }
}

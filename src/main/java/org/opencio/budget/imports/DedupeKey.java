package org.opencio.budget.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a cost row: the first 128 bits of a SHA-256 over its identifying values, as 32 hex digits. The same
 * charge in a re-imported or overlapping file gets the same key, whatever the column order or number formatting.
 */
final class DedupeKey {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private DedupeKey() {}

    static String of(@Nullable String... parts) {
        StringBuilder text = new StringBuilder(256);
        for (String part : parts) {
            // A unit separator between values, and a marker for null, so that ("a", "bc") and ("ab", "c") differ.
            text.append(part == null ? "\u0000" : part).append('\u001F');
        }
        MessageDigest digest = SHA256.get();
        byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }
}

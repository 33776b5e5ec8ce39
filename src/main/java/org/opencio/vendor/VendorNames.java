package org.opencio.vendor;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How vendor names and websites are compared when looking for duplicates. */
final class VendorNames {

    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Legal forms that do not tell two companies apart ("Acme Inc." and "ACME" are the same vendor). */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            " (inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|ab|as|oy|kg|pty|pte)$");

    private VendorNames() {}

    /** "ACME, Inc." → "acme". */
    static String key(String name) {
        String key = NOT_ALNUM.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        String previous;
        do {
            previous = key;
            key = LEGAL_FORM.matcher(key).replaceAll("").trim();
        } while (!key.equals(previous) && !key.isEmpty());
        return key.isEmpty() ? previous : key;
    }

    /** "https://www.Example.com/about" → "example.com"; null when there is no usable host. */
    static @Nullable String domain(@Nullable String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String text = website.trim();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        try {
            String host = URI.create(text).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

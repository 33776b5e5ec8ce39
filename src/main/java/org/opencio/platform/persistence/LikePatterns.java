package org.opencio.platform.persistence;

/** Text put into a SQL {@code LIKE … escape '\'} pattern with its wildcards taken literally. */
public final class LikePatterns {

    private LikePatterns() {}

    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package org.opencio.platform.web.chart;

/**
 * The colours a chart may use. Each has at least 4.5:1 contrast on white, and the line charts pair colour with a dash
 * pattern, so no series is told apart by colour alone.
 */
public enum Tone {
    ACCENT("#3548c8", null),
    NEUTRAL("#5a6273", "6 4"),
    AMBER("#8a5a00", "2 3"),
    GREEN("#1d7a4f", "10 3 2 3"),
    RED("#b42318", null),
    TEAL("#0f6b7a", "4 2");

    private final String colour;
    private final String dash;

    Tone(String colour, String dash) {
        this.colour = colour;
        this.dash = dash;
    }

    public String colour() {
        return colour;
    }

    /** The stroke-dasharray of a line in this tone, or null for a solid line. */
    public String dash() {
        return dash;
    }
}

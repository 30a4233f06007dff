package dev.pltrack.internal;

/** Cuts text that is too long to send, saying so at its end. */
public final class TextCut {

    /** Ends a text that was cut. */
    public static final String CUT_MARKER = "... [cut]";

    private TextCut() {
    }

    /**
     * {@code text} if it has at most {@code max} characters; else its start, ending in
     * {@link #CUT_MARKER}, {@code max} characters in all. Never ends between the two halves of a
     * surrogate pair.
     *
     * @param max at least the marker's length
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int kept = max - CUT_MARKER.length();
        if (kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        return text.substring(0, kept) + CUT_MARKER;
    }
}

package dev.pltrack.client;

/**
 * Whether a setting holds nothing a person can see. {@link String#isBlank()} counts a no-break space
 * or a zero-width space as content; a value pasted as nothing but those is still missing.
 */
final class BlankText {

    private BlankText() {
    }

    static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(BlankText::isInvisible);
    }

    private static boolean isInvisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
    }
}

package dev.pltrack.client;

import java.util.Locale;
import java.util.Optional;

/**
 * Which characters an API key may hold. The key travels in the {@code X-API-KEY} header, and the
 * JDK's HTTP client refuses a header value it cannot send with an exception that prints the value.
 * So a key is checked against the JDK's rule ({@code jdk.internal.net.http.common.Utils.isValidValue}:
 * U+0021..U+00FF except DEL, plus space and tab) when the configuration is built, and a broken rule
 * is described by position and kind of character, never by showing the key.
 *
 * <p>The rule is a little stricter than the JDK's: the invisible Latin-1 characters (C1 controls
 * U+0080..U+009F, no-break space U+00A0, soft hyphen U+00AD) could be sent but only ever get into a
 * key by a copy-paste, and the server would answer 401.
 */
final class ApiKeyCharacters {

    private ApiKeyCharacters() {
    }

    /** Whether {@code c} may appear inside a key: the JDK header-value rule, minus invisible Latin-1. */
    static boolean sendable(char c) {
        if (c == ' ' || c == '\t') {
            return true;
        }
        if (c < 0x21 || c == 0x7F || c > 0xFF) {
            return false;
        }
        return !isInvisibleLatin1(c);
    }

    private static boolean isInvisibleLatin1(char c) {
        return (c >= 0x80 && c <= 0xA0) || c == 0xAD;
    }

    /**
     * @param key the key as it will be sent (already stripped of surrounding whitespace)
     * @return what is wrong with the first character that cannot be sent, or empty when all can
     */
    static Optional<String> problem(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!sendable(c)) {
                return Optional.of("character " + (i + 1) + " of " + key.length() + " is " + describe(key.codePointAt(i)));
            }
        }
        return Optional.empty();
    }

    /** E.g. {@code U+200B (zero width space), an invisible character often copied along with the key}. */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        return (name == null ? code : code + " (" + name.toLowerCase(Locale.ROOT) + ")") + ", " + kind(codePoint);
    }

    private static String kind(int c) {
        if (c == '\r' || c == '\n') {
            return "a line break";
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (Character.getType(c) == Character.FORMAT || c == 0xA0 || Character.isSpaceChar(c)) {
            return "an invisible character often copied along with the key";
        }
        // Everything else refused lies above Latin-1.
        return "a character above U+00FF, which an HTTP header cannot carry";
    }
}

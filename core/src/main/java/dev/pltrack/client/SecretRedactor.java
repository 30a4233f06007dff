package dev.pltrack.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the API key from any text before it reaches a log line or an exception: server answers
 * (a 422 may echo the body) and transport messages pass through here.
 *
 * <p>The key is looked for in every form it takes on the wire, not only as typed: JSON-escaped as
 * in the request body and in echoes ({@code "} and {@code \} escaped, and non-ASCII as
 * a backslash-u escape, as Python's {@code json.dumps} writes it) and URL-encoded.
 */
final class SecretRedactor {

    /** Longest first, so that a form containing another is masked whole. */
    private final List<String> forms;

    SecretRedactor(ApiKey key) {
        this.forms = formsOf(key.reveal());
    }

    static List<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String ascii = jsonEscaped(secret, true);
        for (String json : List.of(jsonEscaped(secret, false), ascii, upperHexEscapes(ascii))) {
            forms.add(json);
            forms.add(json.replace("/", "\\/"));
        }
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : List.of(url, url.replace("+", "%20"))) {
            forms.add(encoded);
            forms.add(lowerHexEscapes(encoded));
        }
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * The text with every occurrence of the key masked. A text that ends in
     * {@link ResponseBodies#CUT_MARK} may have been cut through the key: a start of the key just
     * before that mark is masked too.
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : forms) {
            if (result.contains(form)) {
                result = result.replace(form, ApiKey.MASK);
            }
        }
        return result.endsWith(ResponseBodies.CUT_MARK) ? maskCutKey(result) : result;
    }

    /** {@code "... pl_ab..."} as {@code "... ****..."}: the longest start of any form of the key. */
    private String maskCutKey(String cutText) {
        String body = cutText.substring(0, cutText.length() - ResponseBodies.CUT_MARK.length());
        int longest = 0;
        for (String form : forms) {
            for (int length = form.length() - 1; length > longest; length--) {
                if (body.endsWith(form.substring(0, length))) {
                    longest = length;
                }
            }
        }
        return longest == 0 ? cutText
                : body.substring(0, body.length() - longest) + ApiKey.MASK + ResponseBodies.CUT_MARK;
    }

    /**
     * As a JSON string's content: quotes, backslashes, tab and (for completeness: a key cannot hold
     * them) other controls escaped; non-ASCII too if asked.
     */
    static String jsonEscaped(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7E)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Backslash-u escapes with upper-case hex digits: serializers differ in the case they write. */
    private static String upperHexEscapes(String escaped) {
        return Pattern.compile("\\\\u([0-9a-f]{4})").matcher(escaped)
                .replaceAll(match -> "\\\\u" + match.group(1).toUpperCase(Locale.ROOT));
    }

    /** {@code %2F} as {@code %2f}. */
    private static String lowerHexEscapes(String encoded) {
        return Pattern.compile("%([0-9A-F]{2})").matcher(encoded)
                .replaceAll(match -> "%" + match.group(1).toLowerCase(Locale.ROOT));
    }
}

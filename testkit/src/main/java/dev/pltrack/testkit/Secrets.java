package dev.pltrack.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys are secrets even in tests: they end up in CI logs. Everything printed goes through here.
 */
final class Secrets {

    private static final String MASK = "****";
    private static final int VISIBLE_PREFIX = 4;

    /** A JSON string member named api_key: its opening part and its (escaped) value. */
    private static final Pattern API_KEY_FIELD =
            Pattern.compile("(\"api_key\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)\"");

    private Secrets() {}

    /** {@code pl_fake_0123} becomes {@code pl_f****}; short keys are hidden entirely. */
    static String mask(String key) {
        if (key == null) {
            return null;
        }
        return key.length() < 2 * VISIBLE_PREFIX ? MASK : key.substring(0, VISIBLE_PREFIX) + MASK;
    }

    /**
     * {@code body} with the value of every {@code "api_key"} field masked, even in a body too
     * broken to parse, and every occurrence of each known secret masked too.
     */
    static String redactBody(String body, String... secrets) {
        Matcher field = API_KEY_FIELD.matcher(body);
        StringBuilder redacted = new StringBuilder(body.length());
        while (field.find()) {
            field.appendReplacement(
                    redacted,
                    Matcher.quoteReplacement(field.group(1) + mask(field.group(2)) + "\""));
        }
        field.appendTail(redacted);
        return redact(redacted.toString(), secrets);
    }

    /** {@code text} with every occurrence of each non-empty secret replaced by its mask. */
    static String redact(String text, String... secrets) {
        String result = text;
        for (String secret : secrets) {
            if (result != null && secret != null && !secret.isEmpty()) {
                result = result.replace(secret, mask(secret));
            }
        }
        return result;
    }

    /** Constant-time comparison, so the fake does not teach clients timing-sensitive habits. */
    static boolean matches(String presented, String expected) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Header names whose values are credentials. */
    static boolean isCredentialHeader(String name) {
        return "X-API-KEY".equalsIgnoreCase(name) || "Authorization".equalsIgnoreCase(name);
    }
}

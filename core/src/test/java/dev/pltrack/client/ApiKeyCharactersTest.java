package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A key the JDK cannot send as a header value fails {@code build()}, and the message never shows it. */
class ApiKeyCharactersTest {

    private static final String SECRET = "pl_header_rule_secret_0123";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "8203 | character 4 of 27 is U+200B (zero width space), an invisible character | zero-width space",
        "13   | character 4 of 27 is U+000D (carriage return (cr)), a line break           | CR inside",
        "10   | character 4 of 27 is U+000A (line feed (lf)), a line break                 | LF inside",
        "1    | character 4 of 27 is U+0001 (start of heading), a control character        | control",
        "127  | character 4 of 27 is U+007F (delete), a control character                  | DEL",
        "8364 | character 4 of 27 is U+20AC (euro sign), a character above U+00FF          | euro sign",
        "160  | character 4 of 27 is U+00A0 (no-break space), an invisible character        | no-break space",
        "65279| character 4 of 27 is U+FEFF (zero width no-break space), an invisible       | byte order mark"})
    void aKeyThatCannotBeAHeaderValueFailsBuildSayingWhereAndWhat(int codePoint, String expected, String label) {
        String key = SECRET.substring(0, 3) + (char) codePoint + SECRET.substring(3);

        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey(key).build());

        assertThat(failure.property()).isEqualTo("promptlayer.api-key");
        assertThat(failure.getMessage())
                .startsWith("promptlayer.api-key cannot be sent in an HTTP header: " + expected)
                .endsWith("Copy the key again as plain text (the key itself is not shown).")
                .doesNotContain(SECRET).doesNotContain(SECRET.substring(3)).doesNotContain(key);
    }

    @Test
    void surroundingWhitespaceAndLineBreaksAreTrimmedNotRefused() {
        PromptLayerConfig config = PromptLayerConfig.builder().apiKey(" \t" + SECRET + "\r\n").build();

        assertThat(config.apiKey()).isEqualTo(ApiKey.of(SECRET));
    }

    @Test
    void spaceTabAndVisibleLatin1InsideAKeyAreAccepted() {
        String key = "pl_a b\tc!~\u00e9\u00ff";

        assertThat(PromptLayerConfig.builder().apiKey(key).build().apiKey()).isEqualTo(ApiKey.of(key));
    }

    @Test
    void aCharacterBeyondTheBasicPlaneIsNamedByItsCodePoint() {
        PromptLayerConfigurationException failure = catchThrowableOfType(PromptLayerConfigurationException.class,
                () -> PromptLayerConfig.builder().apiKey("pl_\uD83D\uDE00x").build());

        assertThat(failure.getMessage()).contains("character 4 of 6 is U+1F600 (grinning face), a character above U+00FF");
    }

    /**
     * Mirrors the JDK's own check: every character {@code java.net.http} refuses in a header value is
     * refused here too; the only ones refused beyond it are the invisible Latin-1 characters.
     */
    @Test
    void refusesEveryCharacterTheJdkRefusesAndOnlyInvisibleLatin1Besides() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/"));
        int refusedByBoth = 0;
        int refusedBeyondTheJdk = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean jdkSends = jdkAccepts(request, "a" + (char) c + "b");
            boolean weSend = ApiKeyCharacters.sendable((char) c);
            if (!jdkSends) {
                assertThat(weSend).as("U+%04X, which the JDK refuses", c).isFalse();
                refusedByBoth++;
            } else if (!weSend) {
                assertThat(c).as("U+%04X, refused although the JDK sends it", c)
                        .satisfiesAnyOf(x -> assertThat(x).isBetween(0x80, 0xA0), x -> assertThat(x).isEqualTo(0xAD));
                refusedBeyondTheJdk++;
            }
        }
        assertThat(refusedByBoth).isEqualTo(0x21 - 2 + 1 + (Character.MAX_VALUE - 0xFF));
        assertThat(refusedBeyondTheJdk).isEqualTo(0xA0 - 0x80 + 1 + 1);
    }

    private static boolean jdkAccepts(HttpRequest.Builder request, String value) {
        try {
            request.setHeader("X-API-KEY", value);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}

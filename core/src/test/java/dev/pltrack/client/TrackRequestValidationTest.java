package dev.pltrack.client;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input is refused before anything is sent, with the field and the rule named. */
class TrackRequestValidationTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private InvalidTrackRequestException rejected(long requestId, Map<String, ?> metadata) {
        @SuppressWarnings("unchecked")
        Map<String, String> raw = (Map<String, String>) metadata;
        return catchThrowableOfType(InvalidTrackRequestException.class,
                () -> FakeBackedClients.clientFor(promptLayer.server()).track(requestId, raw));
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(promptLayer.server()).hasReceivedNothing();
    }

    @Test
    void tenThousandNullValuesMakeAShortMessageThatSaysHowManyMore() {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            metadata.put("key_" + i, null);
        }

        InvalidTrackRequestException failure = rejected(1L, metadata);

        assertThat(failure.violations()).hasSize(10_000);
        assertThat(failure.getMessage()).hasSizeLessThan(1_000)
                .startsWith("Invalid track request: metadata[\"key_0\"] must not be null (leave the key out instead);")
                .contains("metadata[\"key_9\"]").doesNotContain("metadata[\"key_10\"]")
                .endsWith("; and 9990 more (see violations())");
    }

    @Test
    void tenBrokenRulesAreAllShownWithNothingMore() {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            metadata.put("key_" + i, null);
        }

        InvalidTrackRequestException failure = rejected(0L, metadata);

        assertThat(failure.violations()).hasSize(10);
        assertThat(failure.getMessage()).contains("metadata[\"key_8\"]").doesNotContain("more");
    }

    @Test
    void requestIdMustBePositive() {
        InvalidTrackRequestException zero = rejected(0L, Map.of("k", "v"));
        InvalidTrackRequestException negative = rejected(-5L, Map.of("k", "v"));

        assertThat(zero.field()).isEqualTo("request_id");
        assertThat(zero.getMessage()).isEqualTo("Invalid track request: request_id must be a positive integer (was 0)");
        assertThat(negative.rule()).isEqualTo("must be a positive integer (was -5)");
        assertThat(zero.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
        assertThat(zero.isRetryable()).isFalse();
    }

    @Test
    void metadataMustBePresent() {
        assertThat(rejected(1L, null).violations()).containsExactly(new Violation("metadata", "must not be null"));
        assertThat(rejected(1L, Map.of()).violations())
                .containsExactly(new Violation("metadata", "must contain at least one entry"));
    }

    @Test
    void keysMustNotBeNullOrBlank() {
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");

        assertThat(rejected(1L, nullKey).violations()).containsExactly(new Violation("metadata", "keys must not be null"));
        assertThat(rejected(1L, Map.of("  ", "v")).violations())
                .containsExactly(new Violation("metadata[\"  \"]", "key must not be blank"));
    }

    @Test
    void keysAreAtMost1024Characters() {
        String longest = "k".repeat(1024);
        String tooLong = "k".repeat(1025);

        InvalidTrackRequestException failure = rejected(1L, Map.of(tooLong, "v"));

        assertThat(failure.field()).isEqualTo("metadata[\"" + "k".repeat(40) + "...\"]");
        assertThat(failure.rule()).isEqualTo("key must be at most 1024 characters (was 1025)");
        assertThat(TrackRequest.of(1L, Map.of(longest, "v")).metadata()).containsKey(longest);
    }

    @Test
    void valuesMustBeNonNullStrings() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("user_id", 42);
        metadata.put("session", null);

        InvalidTrackRequestException failure = rejected(1L, metadata);

        assertThat(failure.violations()).extracting(Violation::field)
                .containsExactly("metadata[\"user_id\"]", "metadata[\"session\"]");
        assertThat(failure.violations().get(0).rule()).startsWith("must be a string")
                .contains("java.lang.Integer").contains("Metadata.builder()");
        assertThat(failure.violations().get(1).rule()).isEqualTo("must not be null (leave the key out instead)");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        InvalidTrackRequestException failure = rejected(-1L, Map.of("", "v"));

        assertThat(failure.getMessage()).isEqualTo("Invalid track request: request_id must be a positive integer "
                + "(was -1); metadata[\"\"] key must not be blank");
    }

    @Test
    void aValidRequestKeepsItsOrderAndCannotChange() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("b", "2");
        source.put("a", "1");
        TrackRequest request = TrackRequest.of(1L, source);
        source.put("c", "3");

        assertThat(request.metadata()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> request.metadata().put("x", "y")))
                .isNotNull();
    }
}

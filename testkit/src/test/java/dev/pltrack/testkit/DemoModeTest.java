package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoModeTest {

    @Test
    void withoutAKeyStartsAFakeAndPointsThePropertiesAtIt() {
        try (DemoMode demo = DemoMode.fromEnvironment(Map.<String, String>of()::get)) {
            assertThat(demo.active()).isTrue();
            FakePromptLayer fake = demo.fake().orElseThrow();
            assertThat(demo.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "promptlayer.api-key", fake.apiKey(),
                    "promptlayer.base-url", fake.baseUrl()));
            assertThat(demo.banner()).contains("demo mode").contains(fake.baseUrl());

            new TrackClient(fake).track(7, Map.of("feature", "chat"));
            new TrackClient(fake).track(7, Map.of("rating", "5"));

            assertThat(demo.report())
                    .contains("received (2 requests)")
                    .contains("#1 -> 200 accepted, request_id=7, metadata={feature=chat}")
                    .contains("  7: {feature=chat, rating=5}")
                    .doesNotContain(fake.apiKey());
        }
    }

    @Test
    void theReportShowsLogsScoresAndPromptLinksToo() {
        try (DemoMode demo = DemoMode.fromEnvironment(Map.<String, String>of()::get)) {
            TrackClient client = new TrackClient(demo.fake().orElseThrow());
            client.postWithKey(Endpoint.LOG_REQUEST, Bodies.log());
            client.track(1, Map.of("rating", "5"));
            client.postWithKey(Endpoint.TRACK_SCORE, Bodies.score(1, "accuracy", 90));
            client.postWithKey(Endpoint.TRACK_PROMPT, Bodies.promptLink(1, "greeting").put("version", 2));

            assertThat(demo.report())
                    .contains("received (4 requests)")
                    .contains("#1 -> 201 accepted, log-request id=1, provider=openai, model=gpt-4o")
                    .contains("#3 -> 200 accepted, track-score request_id=1, name=accuracy, score=90")
                    .contains("#4 -> 200 accepted, track-prompt request_id=1, prompt_name=greeting")
                    .contains("  1: {session_id=abc123, rating=5}")
                    .contains("Scores stored per request (a later score of a name wins):\n  1: {accuracy=90}")
                    .contains("  1: greeting version 2");
        }
    }

    @Test
    void theReportLeavesOutEmptySections() {
        try (DemoMode demo = DemoMode.fromEnvironment(Map.<String, String>of()::get)) {
            new TrackClient(demo.fake().orElseThrow()).track(7, Map.of("a", "b"));

            assertThat(demo.report()).doesNotContain("Scores").doesNotContain("Prompt templates");
        }
    }

    @Test
    void aBlankKeyStillMeansDemoMode() {
        try (DemoMode demo = DemoMode.fromEnvironment(Map.of(DemoMode.API_KEY_ENV, " ")::get)) {
            assertThat(demo.active()).isTrue();
        }
    }

    @Test
    void withAKeyStartsNothing() {
        try (DemoMode demo = DemoMode.fromEnvironment(Map.of(DemoMode.API_KEY_ENV, "pl_real")::get)) {
            assertThat(demo.active()).isFalse();
            assertThat(demo.fake()).isEmpty();
            assertThat(demo.properties()).isEmpty();
            assertThat(demo.banner()).doesNotContain("pl_real");
            assertThat(demo.toString()).doesNotContain("pl_real");
        }
    }

    @Test
    void closeStopsTheFake() {
        DemoMode demo = DemoMode.fromEnvironment(Map.<String, String>of()::get);
        FakePromptLayer fake = demo.fake().orElseThrow();
        demo.close();
        assertThatThrownBy(() -> new TrackClient(fake).track(1, Map.of("a", "b")))
                .isInstanceOf(UncheckedIOException.class);
    }
}

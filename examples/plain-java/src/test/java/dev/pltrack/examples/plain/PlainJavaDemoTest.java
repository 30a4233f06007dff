package dev.pltrack.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlainJavaDemoTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PlainJavaDemo demo = new PlainJavaDemo(new PrintStream(output, true, StandardCharsets.UTF_8));

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoModeTracksAgainstTheFakeAndPrintsWhatItReceived() {
        int status = demo.run(name -> null, new String[0]);

        assertThat(status).isZero();
        assertThat(printed())
                .contains("demo mode against a fake PromptLayer at http://127.0.0.1:")
                .contains("tracked request 1002 in 3 attempts")
                .contains("refused before sending: Invalid track request: request_id must be a positive integer (was 0)")
                // 10 or 11: answer() and rate() on request 2001 may be merged into one call; then two
                // logs, each carrying the agent call's metadata, and a score.
                .containsPattern("What the fake PromptLayer received \\((10|11) requests\\):")
                .containsPattern("logged request [12] \\(SUCCESS\\)")
                .contains("delivery: 5 submitted, 2 traveled inside a log, 3 HTTP calls delivered, 0 failed")
                .containsPattern("201 accepted, log-request id=1, provider=openai, model=gpt-4o, "
                        + "metadata=\\{feature=agent, user_id=user-42\\}")
                .containsPattern("201 accepted, log-request id=2, provider=openai, model=gpt-4o, "
                        + "metadata=\\{feature=agent, user_id=user-42\\}")
                .containsPattern("track-score request_id=[12], name=helpfulness, score=90")
                .contains("1001: {user_id=user-42, session_id=6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162, "
                        + "feature=chat-v2, rating=5}")
                .contains("1002: {")
                .contains("answer() returned at once, request 2001")
                .contains("summarise() threw \"document not found: missing.pdf\"")
                .contains("delivery: 3 submitted")
                // answer() then rate() on 2001: merged, the later feature winning, whichever merged them.
                .contains("2001: {environment=demo, feature=rating, model=gpt-4o, user_id=user-42, "
                        + "session_id=6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162, rating=5}")
                .contains("2002: {environment=demo, tenant=acme, feature=summarise, document=missing.pdf, "
                        + "error_type=java.lang.IllegalStateException, error_message=document not found: missing.pdf}");
    }

    @Test
    void withAKeyItTracksAgainstTheConfiguredServer() {
        FakePromptLayer fake = promptLayer.server();
        Map<String, String> env = Map.of("PROMPTLAYER_API_KEY", fake.apiKey(), "PROMPTLAYER_BASE_URL", fake.baseUrl());

        int status = demo.run(env::get, new String[] {"555", "user_id=u-1", "feature=cli"});

        assertThat(status).isZero();
        assertThat(fake.metadataFor(555L)).containsExactly(Map.entry("user_id", "u-1"), Map.entry("feature", "cli"));
        assertThat(printed()).contains("tracked request 555 in 1 attempt: Metadata tracked successfully");
    }

    @Test
    void withAKeyButNoRequestIdItPrintsUsage() {
        int status = demo.run(Map.of("PROMPTLAYER_API_KEY", "pl_x")::get, new String[0]);

        assertThat(status).isEqualTo(2);
        assertThat(printed()).startsWith("usage:");
    }

    @Test
    void aFailureIsReportedWithoutTheKey() {
        FakePromptLayer fake = promptLayer.server();
        Map<String, String> env = Map.of("PROMPTLAYER_API_KEY", "pl_wrong_secret", "PROMPTLAYER_BASE_URL", fake.baseUrl());

        int status = demo.run(env::get, new String[] {"556"});

        assertThat(status).isEqualTo(1);
        assertThat(printed()).startsWith("tracking failed: PromptLayer answered 401").doesNotContain("pl_wrong_secret");
    }
}

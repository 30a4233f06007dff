package dev.pltrack.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.RecordedLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo path, without any key: fake OpenAI, fake PromptLayer. */
class SpringAiChatApplicationDemoTest {

    @Test
    void theDemoLogsEveryModelCallWithItsMetadata() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        List<RecordedLog> logs = SpringAiChatApplication.run(name -> null, out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("demo mode").contains("fake OpenAI").contains("broken:  failed as expected");
        // ask (1 model call), weather (2: the tool call, then the answer), broken (1, failed)
        assertThat(logs).hasSize(4);
        assertThat(logs).allSatisfy(log -> assertThat(log.provider()).isEqualTo("openai"));
        // Delivered in the background, so found by their metadata rather than their order.
        assertThat(withFeature(logs, "chat")).singleElement()
                .satisfies(log -> assertThat(log.metadata()).containsEntry("user_id", "user-42"));
        List<RecordedLog> weather = withFeature(logs, "weather");
        assertThat(weather).hasSize(2);
        assertThat(weather).anySatisfy(log -> assertThat(log.output().toString()).contains("\"tool_calls\""));
        assertThat(weather).anySatisfy(log -> assertThat(log.input().toString()).contains("\"role\":\"tool\""));
        assertThat(withFeature(logs, "broken")).singleElement().satisfies(log -> {
            assertThat(log.status()).isEqualTo("ERROR");
            assertThat(log.metadata()).containsEntry("user_id", "user-7");
        });
        assertThat(printed).contains("Logged request 4");
    }

    private static List<RecordedLog> withFeature(List<RecordedLog> logs, String feature) {
        return logs.stream().filter(log -> feature.equals(log.metadata().get("feature"))).toList();
    }
}

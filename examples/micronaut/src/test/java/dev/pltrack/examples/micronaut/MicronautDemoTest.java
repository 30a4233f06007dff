package dev.pltrack.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo, as the README's command runs it (surefire clears PROMPTLAYER_API_KEY: demo mode). */
class MicronautDemoTest {

    @Test
    void demoCallsTheAppAndReportsWhatTheFakeReceived() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        new MicronautDemo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("demo mode against a fake PromptLayer")
                .contains("POST /chat/3002/summary?document=notes.pdf -> 400")
                // How many HTTP calls depends on how many tracks the engine merged; what is stored does not.
                .contains("What the fake PromptLayer received (")
                .contains("3001: {app=pltrack-example-micronaut, environment=demo, feature=feedback, model=demo-llm,"
                        + " user_id=user-42")
                .contains("3002: {app=pltrack-example-micronaut, environment=demo, feature=summarise, model=demo-llm,"
                        + " user_id=user-7")
                .contains("error_type=java.lang.IllegalArgumentException, error_message=cannot summarise notes.pdf:"
                        + " only .txt documents}");
    }
}

package dev.pltrack.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The demo as the root README runs it: {@code main} without {@code PROMPTLAYER_API_KEY} (the build
 * clears it for tests) makes its calls, prints what the fake received, and returns.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatApplicationDemoTest {

    @Test
    void theDemoRunsAgainstTheFakeAndReportsWhatItReceived(CapturedOutput output) {
        ChatApplication.main(new String[0]);

        assertThat(output.getOut())
                .contains("No PROMPTLAYER_API_KEY set: demo mode against a fake PromptLayer at http://127.0.0.1:")
                .contains("POST /chat/1002/rating -> 400 {\"error\":\"a rating is 1 to 5 stars, not 9\"}")
                // Two tracks per request id; those still waiting when the next comes merge into one call.
                .containsPattern("What the fake PromptLayer received \\([2-4] requests\\):")
                .contains("1002: {app=chat-example, feature=rating, model=demo-llm, user_id=user-7, rating=9,"
                        + " error_type=java.lang.IllegalArgumentException, error_message=a rating is 1 to 5 stars, not 9}");
    }
}

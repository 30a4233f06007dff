package dev.pltrack.examples.spring;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Stands in for an LLM call logged by PromptLayer (e.g. through its proxy or {@code run()}), which
 * returns the request id of the new log. Ids start at 1001.
 */
@Component
public class LlmClient {

    private final AtomicLong requestIds = new AtomicLong(1000);

    public ChatAnswer complete(String prompt) {
        return new ChatAnswer(requestIds.incrementAndGet(), "You asked: " + prompt);
    }
}

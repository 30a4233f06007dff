package dev.pltrack.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.client.PromptLayerConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of {@code promptlayer.logging.*}, at their edges, and what the defaults are. */
class LlmLoggingConfigTest {

    @Test
    void theDefaultsLogEverythingUpToTheDefaultLength() {
        LlmLoggingConfig defaults = LlmLoggingConfig.defaults();

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.includePrompt()).isTrue();
        assertThat(defaults.includeCompletion()).isTrue();
        assertThat(defaults.tags()).isEmpty();
        assertThat(defaults.maxContentLength()).isEqualTo(LlmLoggingConfig.DEFAULT_MAX_CONTENT_LENGTH);
        assertThat(defaults).hasToString("LlmLoggingConfig{enabled=true, includePrompt=true, includeCompletion=true,"
                + " tags=[], maxContentLength=100000}");
    }

    @Test
    void aTagMayHaveExactlyTheMaximumLength() {
        String longest = "t".repeat(LlmLoggingConfig.MAX_TAG_LENGTH);

        assertThat(LlmLoggingConfig.builder().tags(List.of(longest)).build().tags()).containsExactly(longest);
        assertThatThrownBy(() -> LlmLoggingConfig.builder().tags(List.of("ok", longest + "t")))
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessage("promptlayer.logging.tags[1] must have at most 512 characters (has 513)");
    }

    @Test
    void tagsReplaceTheEarlierOnes() {
        LlmLoggingConfig config = LlmLoggingConfig.builder().tags(List.of("a", "b")).tags(List.of(" c ")).build();

        assertThat(config.tags()).containsExactly("c");
    }

    @Test
    void theMaximumContentLengthMayBeExactlyTheMinimum() {
        assertThat(LlmLoggingConfig.builder().maxContentLength(LlmLoggingConfig.MIN_MAX_CONTENT_LENGTH).build()
                .maxContentLength()).isEqualTo(64);
        assertThatThrownBy(() -> LlmLoggingConfig.builder().maxContentLength(63))
                .isInstanceOf(PromptLayerConfigurationException.class)
                .hasMessage("promptlayer.logging.max-content-length must be at least 64 characters (was 63)");
    }
}

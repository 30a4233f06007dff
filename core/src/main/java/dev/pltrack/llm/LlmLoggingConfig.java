package dev.pltrack.llm;

import dev.pltrack.client.PromptLayerConfigurationException;
import dev.pltrack.internal.TextCut;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the LLM integrations log ({@code promptlayer.logging.*}): whether they log at all, whether
 * prompt and completion text are sent, tags added to every logged call, and how long one text block
 * may be.
 */
public final class LlmLoggingConfig {

    public static final String PREFIX = "promptlayer.logging.";
    public static final String ENABLED_PROPERTY = PREFIX + "enabled";
    public static final String INCLUDE_PROMPT_PROPERTY = PREFIX + "include-prompt";
    public static final String INCLUDE_COMPLETION_PROPERTY = PREFIX + "include-completion";
    public static final String TAGS_PROPERTY = PREFIX + "tags";
    public static final String MAX_CONTENT_LENGTH_PROPERTY = PREFIX + "max-content-length";

    public static final int DEFAULT_MAX_CONTENT_LENGTH = 100_000;
    /** Room for the cut marker and a little text before it. */
    public static final int MIN_MAX_CONTENT_LENGTH = 64;
    /** A tag longer than this is refused by PromptLayer's log-request schema. */
    public static final int MAX_TAG_LENGTH = 512;

    private final boolean enabled;
    private final boolean includePrompt;
    private final boolean includeCompletion;
    private final List<String> tags;
    private final int maxContentLength;

    private LlmLoggingConfig(Builder builder) {
        this.enabled = builder.enabled;
        this.includePrompt = builder.includePrompt;
        this.includeCompletion = builder.includeCompletion;
        this.tags = List.copyOf(builder.tags);
        this.maxContentLength = builder.maxContentLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static LlmLoggingConfig defaults() {
        return builder().build();
    }

    /** Off: the integrations log nothing (tracks and {@code @TrackMetadata} are not affected). */
    public boolean enabled() {
        return enabled;
    }

    /** Off: the text of what went into the call (messages, tool results, input variables) is not sent, only its shape. */
    public boolean includePrompt() {
        return includePrompt;
    }

    /** Off: the text the model answered (and its tool call arguments) is not sent, only its shape. */
    public boolean includeCompletion() {
        return includeCompletion;
    }

    /** Tags added to every logged call. */
    public List<String> tags() {
        return tags;
    }

    /** The most characters one text block keeps; a longer one is cut, ending in {@value TextCut#CUT_MARKER}. */
    public int maxContentLength() {
        return maxContentLength;
    }

    @Override
    public String toString() {
        return "LlmLoggingConfig{enabled=" + enabled + ", includePrompt=" + includePrompt + ", includeCompletion="
                + includeCompletion + ", tags=" + tags + ", maxContentLength=" + maxContentLength + "}";
    }

    public static final class Builder {
        private boolean enabled = true;
        private boolean includePrompt = true;
        private boolean includeCompletion = true;
        private final List<String> tags = new ArrayList<>();
        private int maxContentLength = DEFAULT_MAX_CONTENT_LENGTH;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder includePrompt(boolean includePrompt) {
            this.includePrompt = includePrompt;
            return this;
        }

        public Builder includeCompletion(boolean includeCompletion) {
            this.includeCompletion = includeCompletion;
            return this;
        }

        /**
         * Replaces the tags.
         *
         * @throws PromptLayerConfigurationException if a tag is blank or longer than {@value #MAX_TAG_LENGTH} characters
         */
        public Builder tags(List<String> tags) {
            Objects.requireNonNull(tags, "tags");
            List<String> checked = new ArrayList<>(tags.size());
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                String property = TAGS_PROPERTY + "[" + i + "]";
                if (tag == null || tag.isBlank()) {
                    throw new PromptLayerConfigurationException(property, property + " must not be blank");
                }
                if (tag.length() > MAX_TAG_LENGTH) {
                    throw new PromptLayerConfigurationException(property, property + " must have at most "
                            + MAX_TAG_LENGTH + " characters (has " + tag.length() + ")");
                }
                checked.add(tag.strip());
            }
            this.tags.clear();
            this.tags.addAll(checked);
            return this;
        }

        /** @throws PromptLayerConfigurationException if below {@value #MIN_MAX_CONTENT_LENGTH} */
        public Builder maxContentLength(int maxContentLength) {
            if (maxContentLength < MIN_MAX_CONTENT_LENGTH) {
                throw new PromptLayerConfigurationException(MAX_CONTENT_LENGTH_PROPERTY, MAX_CONTENT_LENGTH_PROPERTY
                        + " must be at least " + MIN_MAX_CONTENT_LENGTH + " characters (was " + maxContentLength + ")");
            }
            this.maxContentLength = maxContentLength;
            return this;
        }

        public LlmLoggingConfig build() {
            return new LlmLoggingConfig(this);
        }
    }
}

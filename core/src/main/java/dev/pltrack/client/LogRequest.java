package dev.pltrack.client;

import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.internal.TextCut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One LLM call to log with PromptLayer's {@code POST /log-request}, validated. Built only through
 * {@link #builder}, so holding one means the rules were kept ({@link LogRequestValidator}); it cannot
 * change afterwards.
 *
 * <pre>{@code
 * LogRequest call = LogRequest.builder("openai", "gpt-4o")
 *         .input(PromptBlueprint.chat(ChatMessage.user("Hello!")))
 *         .output(PromptBlueprint.chat(ChatMessage.assistant("Hi there!")))
 *         .times(started, Instant.now())
 *         .tokens(12, 5)
 *         .metadata(Map.of("session_id", "abc123"))
 *         .build();
 * long requestId = client.logRequest(call).id();
 * }</pre>
 *
 * An {@code error_message} longer than {@value #MAX_ERROR_MESSAGE_LENGTH} characters is cut, ending
 * in {@value #CUT_MARKER}, rather than refused: an error worth logging is not lost for its length.
 */
public final class LogRequest implements Submission {

    /** PromptLayer's limit on {@code error_message}. */
    public static final int MAX_ERROR_MESSAGE_LENGTH = 1024;
    /** Ends an error message that was cut to {@link #MAX_ERROR_MESSAGE_LENGTH}. */
    public static final String CUT_MARKER = TextCut.CUT_MARKER;

    private final String provider;
    private final String model;
    private final PromptBlueprint input;
    private final PromptBlueprint output;
    private final Instant requestStartTime;
    private final Instant requestEndTime;
    private final Map<String, Object> parameters;
    private final List<String> tags;
    private final Map<String, String> metadata;
    private final String promptName;
    private final Long promptId;
    private final Integer promptVersionNumber;
    private final Map<String, Object> promptInputVariables;
    private final long inputTokens;
    private final long outputTokens;
    private final Double price;
    private final String functionName;
    private final Integer score;
    private final String apiType;
    private final LogStatus status;
    private final LogErrorType errorType;
    private final String errorMessage;

    private LogRequest(Builder builder) {
        this.provider = builder.provider;
        this.model = builder.model;
        this.input = builder.input;
        this.output = builder.output;
        this.requestStartTime = builder.requestStartTime;
        this.requestEndTime = builder.requestEndTime;
        this.parameters = frozen(builder.parameters);
        this.tags = List.copyOf(builder.tags);
        this.metadata = frozen(builder.metadata);
        this.promptName = builder.promptName;
        this.promptId = builder.promptId;
        this.promptVersionNumber = builder.promptVersionNumber;
        this.promptInputVariables = frozen(builder.promptInputVariables);
        this.inputTokens = builder.inputTokens;
        this.outputTokens = builder.outputTokens;
        this.price = builder.price;
        this.functionName = builder.functionName;
        this.score = builder.score;
        this.apiType = builder.apiType;
        this.status = builder.status;
        this.errorType = builder.errorType;
        this.errorMessage = TextCut.cut(builder.errorMessage, MAX_ERROR_MESSAGE_LENGTH);
    }

    private static <V> Map<String, V> frozen(Map<String, V> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }


    /**
     * @param provider the LLM provider as PromptLayer names it ({@code openai}, {@code anthropic}, ...)
     * @param model    the model, e.g. {@code gpt-4o}
     */
    public static Builder builder(String provider, String model) {
        return new Builder(provider, model);
    }

    /** A builder holding this request's values, to derive another. */
    public Builder toBuilder() {
        Builder copy = new Builder(provider, model)
                .input(input)
                .output(output)
                .times(requestStartTime, requestEndTime)
                .parameters(parameters)
                .tags(tags)
                .metadata(metadata)
                .promptName(promptName)
                .promptId(promptId)
                .promptVersionNumber(promptVersionNumber)
                .promptInputVariables(promptInputVariables)
                .tokens(inputTokens, outputTokens)
                .functionName(functionName)
                .apiType(apiType)
                .status(status)
                .errorType(errorType)
                .errorMessage(errorMessage);
        copy.price = price;
        copy.score = score;
        return copy;
    }

    /**
     * This request with {@code more} metadata merged in, its keys winning (metadata tracked for a
     * call before it was logged travels in the log).
     */
    public LogRequest withMetadata(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(metadata);
        merged.putAll(more);
        return toBuilder().metadata(merged).build();
    }

    /** This request with its score set (a score given before the call was logged travels in the log). */
    public LogRequest withScore(int newScore) {
        return toBuilder().score(newScore).build();
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public PromptBlueprint input() {
        return input;
    }

    public PromptBlueprint output() {
        return output;
    }

    public Instant requestStartTime() {
        return requestStartTime;
    }

    public Instant requestEndTime() {
        return requestEndTime;
    }

    /** Model parameters (temperature, max_tokens, tools...): JSON values, in order. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public List<String> tags() {
        return tags;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The prompt template's name, or {@code null}. */
    public String promptName() {
        return promptName;
    }

    /** The prompt template's id, or {@code null}. */
    public Long promptId() {
        return promptId;
    }

    /** The prompt template's version, or {@code null}. */
    public Integer promptVersionNumber() {
        return promptVersionNumber;
    }

    public Map<String, Object> promptInputVariables() {
        return promptInputVariables;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    /** What the call cost in US dollars, or {@code null} when not known. */
    public Double price() {
        return price;
    }

    /** The function that made the call, or {@code null}. */
    public String functionName() {
        return functionName;
    }

    /** The default score (0-100), or {@code null}. */
    public Integer score() {
        return score;
    }

    /** E.g. {@code chat-completions}, or {@code null}. */
    public String apiType() {
        return apiType;
    }

    public LogStatus status() {
        return status;
    }

    /** The error's category, or {@code null}. */
    public LogErrorType errorType() {
        return errorType;
    }

    /** The error's text (at most {@value #MAX_ERROR_MESSAGE_LENGTH} characters), or {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }

    @Override
    public String summary() {
        return "log of a call to " + provider + "/" + model + ", keys " + metadata.keySet();
    }

    @Override
    public String subject() {
        return "Log of a call to " + provider + "/" + model;
    }

    /** What a log line may show: no prompt or completion text, no metadata values. */
    @Override
    public String toString() {
        return "LogRequest{" + provider + "/" + model + ", status=" + status + ", " + input.type() + " input, "
                + metadata.size() + " metadata entries}";
    }

    /** Collects a log request; {@link #build()} checks every rule at once. */
    public static final class Builder {
        private final String provider;
        private final String model;
        private PromptBlueprint input;
        private PromptBlueprint output;
        private Instant requestStartTime;
        private Instant requestEndTime;
        private Map<String, Object> parameters = new LinkedHashMap<>();
        private List<String> tags = new ArrayList<>();
        private Map<String, String> metadata = new LinkedHashMap<>();
        private String promptName;
        private Long promptId;
        private Integer promptVersionNumber;
        private Map<String, Object> promptInputVariables = new LinkedHashMap<>();
        private long inputTokens;
        private long outputTokens;
        private Double price;
        private String functionName;
        private Integer score;
        private String apiType;
        private LogStatus status = LogStatus.SUCCESS;
        private LogErrorType errorType;
        private String errorMessage;

        private Builder(String provider, String model) {
            this.provider = provider;
            this.model = model;
        }

        public Builder input(PromptBlueprint input) {
            this.input = input;
            return this;
        }

        public Builder output(PromptBlueprint output) {
            this.output = output;
            return this;
        }

        /** When the call started and ended. */
        public Builder times(Instant start, Instant end) {
            this.requestStartTime = start;
            this.requestEndTime = end;
            return this;
        }

        /** Replaces the parameters; values are JSON values (text, numbers, booleans, maps, lists, null). */
        public Builder parameters(Map<String, ?> parameters) {
            this.parameters = new LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters"));
            return this;
        }

        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = new ArrayList<>(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        /** Replaces the metadata (string keys and values, as for tracks). */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata"));
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Builder promptName(String promptName) {
            this.promptName = promptName;
            return this;
        }

        public Builder promptId(Long promptId) {
            this.promptId = promptId;
            return this;
        }

        public Builder promptVersionNumber(Integer promptVersionNumber) {
            this.promptVersionNumber = promptVersionNumber;
            return this;
        }

        public Builder promptInputVariables(Map<String, ?> variables) {
            this.promptInputVariables = new LinkedHashMap<>(Objects.requireNonNull(variables, "variables"));
            return this;
        }

        public Builder tokens(long inputTokens, long outputTokens) {
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
            return this;
        }

        /** In US dollars. */
        public Builder price(double price) {
            this.price = price;
            return this;
        }

        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        /** The default score, 0-100. */
        public Builder score(int score) {
            this.score = score;
            return this;
        }

        public Builder apiType(String apiType) {
            this.apiType = apiType;
            return this;
        }

        public Builder status(LogStatus status) {
            this.status = status;
            return this;
        }

        public Builder errorType(LogErrorType errorType) {
            this.errorType = errorType;
            return this;
        }

        /** Cut to {@value LogRequest#MAX_ERROR_MESSAGE_LENGTH} characters if longer. */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /** A failed call: status {@code ERROR}, its category and message. */
        public Builder failed(LogErrorType type, String message) {
            return status(LogStatus.ERROR).errorType(type).errorMessage(message);
        }

        /**
         * @throws InvalidTrackRequestException naming every field that breaks a rule
         */
        public LogRequest build() {
            LogRequest request = new LogRequest(this);
            LogRequestValidator.validate(request);
            return request;
        }
    }
}

package dev.pltrack.client;

import dev.pltrack.client.InvalidTrackRequestException.Violation;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.Role;
import dev.pltrack.client.blueprint.ToolCall;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code POST /log-request}, from PromptLayer's schema: required provider, model,
 * blueprints and times; tool calls and tool results that fit together; tags of at most
 * {@value #MAX_TAG_LENGTH} characters; metadata as for tracks; counts, price and score in range; an
 * error type only with a status that allows it. Each violation is named by its JSON path.
 */
final class LogRequestValidator {

    static final int MAX_TAG_LENGTH = 512;
    private static final JsonFactory JSON = new JsonFactory();

    private LogRequestValidator() {
    }

    /** Where values are written to learn whether they can be: the JSON itself is thrown away. */
    private static JsonGenerator nowhere() {
        try {
            return JSON.createGenerator(OutputStream.nullOutputStream());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    static void validate(LogRequest request) {
        List<Violation> violations = new ArrayList<>();
        required("provider", request.provider(), violations);
        required("model", request.model(), violations);
        blueprint("input", request.input(), violations);
        blueprint("output", request.output(), violations);
        if (request.requestStartTime() == null) {
            violations.add(new Violation("request_start_time", "is required"));
        }
        if (request.requestEndTime() == null) {
            violations.add(new Violation("request_end_time", "is required"));
        }
        tags(request.tags(), violations);
        TrackRequestValidator.checkEntries(request.metadata(), violations);
        jsonValues("parameters", request.parameters(), violations);
        jsonValues("prompt_input_variables", request.promptInputVariables(), violations);
        positive("prompt_id", request.promptId(), violations);
        positive("prompt_version_number", request.promptVersionNumber(), violations);
        notNegative("input_tokens", request.inputTokens(), violations);
        notNegative("output_tokens", request.outputTokens(), violations);
        price(request.price(), violations);
        score(request.score(), violations);
        status(request, violations);
        if (!violations.isEmpty()) {
            throw new InvalidTrackRequestException("log", violations);
        }
    }

    private static void required(String field, String value, List<Violation> violations) {
        if (BlankText.isBlank(value)) {
            violations.add(new Violation(field, "is required and must not be blank"));
        }
    }

    private static void blueprint(String field, PromptBlueprint blueprint, List<Violation> violations) {
        if (blueprint == null) {
            violations.add(new Violation(field, "is required (a chat or completion Prompt Blueprint)"));
        } else if (blueprint instanceof PromptBlueprint.Chat chat) {
            List<ChatMessage> messages = chat.messages();
            for (int i = 0; i < messages.size(); i++) {
                message(field + ".messages[" + i + "]", messages.get(i), violations);
            }
        }
    }

    private static void message(String path, ChatMessage message, List<Violation> violations) {
        boolean tool = message.role() == Role.TOOL;
        if (tool && BlankText.isBlank(message.toolCallId())) {
            violations.add(new Violation(path + ".tool_call_id", "is required for a tool message (the id of the call it answers)"));
        }
        if (!tool && message.toolCallId() != null) {
            violations.add(new Violation(path + ".tool_call_id", "is only for tool messages (role was " + message.role().wireName() + ")"));
        }
        if (!message.toolCalls().isEmpty() && message.role() != Role.ASSISTANT) {
            violations.add(new Violation(path + ".tool_calls", "are only for assistant messages (role was " + message.role().wireName() + ")"));
        }
        List<ToolCall> calls = message.toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            String call = path + ".tool_calls[" + i + "]";
            if (BlankText.isBlank(calls.get(i).id())) {
                violations.add(new Violation(call + ".id", "must not be blank"));
            }
            if (BlankText.isBlank(calls.get(i).name())) {
                violations.add(new Violation(call + ".function.name", "must not be blank"));
            }
        }
    }

    private static void tags(List<String> tags, List<Violation> violations) {
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null) {
                violations.add(new Violation("tags[" + i + "]", "must not be null"));
            } else if (tag.length() > MAX_TAG_LENGTH) {
                violations.add(new Violation("tags[" + i + "]", "must be at most " + MAX_TAG_LENGTH
                        + " characters (was " + tag.length() + ")"));
            }
        }
    }

    /** Free-form values: string keys, and values that can be written as JSON. */
    static void jsonValues(String field, Map<String, Object> values, List<Violation> violations) {
        if (values.isEmpty()) {
            return;
        }
        JsonGenerator nowhere = nowhere();
        values.forEach((key, value) -> {
            if (key == null) {
                violations.add(new Violation(field, "keys must not be null"));
                return;
            }
            try {
                JsonValues.write(value, nowhere);
            } catch (IllegalArgumentException | IOException e) {
                violations.add(new Violation(field + "[\"" + key + "\"]", e.getMessage()));
            }
        });
    }

    private static void positive(String field, Number value, List<Violation> violations) {
        if (value != null && value.longValue() <= 0) {
            violations.add(new Violation(field, "must be positive (was " + value + ")"));
        }
    }

    private static void notNegative(String field, long value, List<Violation> violations) {
        if (value < 0) {
            violations.add(new Violation(field, "must not be negative (was " + value + ")"));
        }
    }

    private static void price(Double price, List<Violation> violations) {
        if (price != null && !(price >= 0 && Double.isFinite(price))) {
            violations.add(new Violation("price", "must be a finite amount of at least 0 (was " + price + ")"));
        }
    }

    static void score(Integer score, List<Violation> violations) {
        if (score != null && (score < 0 || score > 100)) {
            violations.add(new Violation("score", "must be between 0 and 100 (was " + score + ")"));
        }
    }

    private static void status(LogRequest request, List<Violation> violations) {
        LogStatus status = request.status();
        if (status == null) {
            violations.add(new Violation("status", "is required (SUCCESS, WARNING or ERROR)"));
            return;
        }
        LogErrorType type = request.errorType();
        if (type != null && !type.allowedWith(status)) {
            violations.add(new Violation("error_type", type + " is not allowed with status " + status
                    + (status == LogStatus.SUCCESS ? " (set status WARNING or ERROR)" : "")));
        }
    }
}

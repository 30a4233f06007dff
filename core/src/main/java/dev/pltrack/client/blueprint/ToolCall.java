package dev.pltrack.client.blueprint;

import java.util.Objects;

/**
 * A function call an assistant message asks for: {@code {"id", "type":"function", "function":
 * {"name", "arguments"}}}. The arguments are the model's JSON text, sent as it came.
 *
 * @param id        the call's id, which the {@link Role#TOOL tool} message answering it repeats
 * @param name      the function's name
 * @param arguments the arguments as JSON text ({@code "{}"} when there are none)
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(id, name, arguments);
    }
}

package dev.pltrack.testkit;

import static dev.pltrack.testkit.Checks.at;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Prompt Blueprint, the {@code input} and {@code output} of a logged request, as
 * PromptLayer's schema describes it: {@code {"type":"chat","messages":[...]}} or {@code
 * {"type":"completion","content":[...]}}; a chat message selected by its {@code role}, its {@code
 * content} an array of content blocks selected by their {@code type}.
 *
 * <p>The check that matters most in practice: a message whose {@code content} is a plain string, as
 * OpenAI's API takes it, is a 422 ({@code list_type}). Locations carry the tags, as pydantic reports
 * a tagged union: {@code ["body","input","chat","messages",0,"user","content"]}.
 */
final class Blueprints {

    /** In the schema's order, which is the order pydantic lists them in a message. */
    private static final List<String> TYPES = List.of("completion", "chat");

    private static final List<String> ROLES =
            List.of("system", "user", "assistant", "function", "tool", "placeholder", "developer");

    /**
     * The content block types and the fields each requires, with the JSON type each must have
     * ({@code string}, {@code boolean}, or the name of the object's schema).
     */
    private static final Map<String, Map<String, String>> BLOCKS = blocks();

    private static final List<String> BLOCK_TYPES = List.copyOf(BLOCKS.keySet());

    private Blueprints() {}

    /** Checks the blueprint in the field that {@code loc} ends with; a missing one is a violation. */
    static void check(JsonNode body, List<Object> loc, Checks checks) {
        JsonNode blueprint = checks.field(body, loc, Checks.Need.REQUIRED);
        if (blueprint == null) {
            return;
        }
        String type = checks.tag(blueprint, loc, "type", TYPES);
        if ("chat".equals(type)) {
            messages(blueprint, at(loc, "chat", "messages"), checks);
        } else if ("completion".equals(type)) {
            contentBlocks(blueprint, at(loc, "completion", "content"), Checks.Need.REQUIRED, checks);
        }
    }

    private static void messages(JsonNode chat, List<Object> loc, Checks checks) {
        JsonNode messages = checks.list(chat, loc, Checks.Need.REQUIRED);
        if (messages == null) {
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), at(loc, i), checks);
        }
    }

    /** Fields in the order of each message schema, which is the order pydantic reports them. */
    private static void message(JsonNode message, List<Object> loc, Checks checks) {
        String role = checks.tag(message, loc, "role", ROLES);
        if (role == null) {
            return;
        }
        List<Object> in = at(loc, role);
        switch (role) {
            case "assistant":
                // Content may be left out or null: a reply that only calls tools.
                contentBlocks(message, at(in, "content"), Checks.Need.NULLABLE, checks);
                checks.text(message, at(in, "name"), Checks.Need.NULLABLE);
                toolCalls(message, at(in, "tool_calls"), checks);
                break;
            case "tool":
                contentBlocks(message, at(in, "content"), Checks.Need.REQUIRED, checks);
                checks.text(message, at(in, "tool_call_id"), Checks.Need.REQUIRED);
                checks.text(message, at(in, "name"), Checks.Need.NULLABLE);
                break;
            case "function":
            case "placeholder":
                contentBlocks(message, at(in, "content"), Checks.Need.NULLABLE, checks);
                checks.text(message, at(in, "name"), Checks.Need.REQUIRED);
                break;
            default: // system, user, developer
                contentBlocks(message, at(in, "content"), Checks.Need.REQUIRED, checks);
                checks.text(message, at(in, "name"), Checks.Need.NULLABLE);
        }
    }

    private static void contentBlocks(
            JsonNode parent, List<Object> loc, Checks.Need need, Checks checks) {
        JsonNode blocks = checks.list(parent, loc, need);
        if (blocks == null) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            contentBlock(blocks.get(i), at(loc, i), checks);
        }
    }

    private static void contentBlock(JsonNode block, List<Object> loc, Checks checks) {
        String type = checks.tag(block, loc, "type", BLOCK_TYPES);
        if (type == null) {
            return;
        }
        BLOCKS.get(type)
                .forEach(
                        (field, expected) -> {
                            List<Object> fieldLoc = at(loc, type, field);
                            JsonNode value = checks.field(block, fieldLoc, Checks.Need.REQUIRED);
                            if (value != null) {
                                ofType(value, expected, fieldLoc, checks);
                            }
                        });
    }

    /** An assistant's {@code tool_calls}: each needs an {@code id} and a {@code function}. */
    private static void toolCalls(JsonNode message, List<Object> loc, Checks checks) {
        JsonNode calls = checks.list(message, loc, Checks.Need.NULLABLE);
        if (calls == null) {
            return;
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            List<Object> callLoc = at(loc, i);
            if (!isModel(call, "ToolCall", callLoc, checks)) {
                continue;
            }
            checks.text(call, at(callLoc, "id"), Checks.Need.REQUIRED);
            List<Object> functionLoc = at(callLoc, "function");
            JsonNode function = checks.field(call, functionLoc, Checks.Need.REQUIRED);
            if (function != null && isModel(function, "FunctionCall", functionLoc, checks)) {
                checks.text(function, at(functionLoc, "name"), Checks.Need.REQUIRED);
                checks.text(function, at(functionLoc, "arguments"), Checks.Need.REQUIRED);
            }
        }
    }

    private static void ofType(JsonNode value, String expected, List<Object> loc, Checks checks) {
        if ("string".equals(expected)) {
            checks.textAtMost(value, loc, Integer.MAX_VALUE);
        } else if ("boolean".equals(expected)) {
            if (!value.isBoolean()) {
                checks.add(loc, "Input should be a valid boolean", "bool_type");
            }
        } else {
            isModel(value, expected, loc, checks);
        }
    }

    private static boolean isModel(JsonNode value, String model, List<Object> loc, Checks checks) {
        if (value.isObject()) {
            return true;
        }
        checks.add(loc, "Input should be a valid dictionary or instance of " + model, "model_type");
        return false;
    }

    /** From the schema's content block definitions, in its order. */
    private static Map<String, Map<String, String>> blocks() {
        Map<String, Map<String, String>> blocks = new LinkedHashMap<>();
        blocks.put("text", Map.of("text", "string"));
        blocks.put("thinking", Map.of("thinking", "string"));
        blocks.put("code", Map.of("code", "string"));
        blocks.put("image_url", Map.of("image_url", "ImageURL"));
        blocks.put("media", Map.of("media", "Media"));
        blocks.put("media_variable", Map.of("name", "string"));
        blocks.put("output_media", Map.of("url", "string"));
        blocks.put("server_tool_use", orderedPair("id", "string", "name", "string"));
        blocks.put("web_search_tool_result", Map.of("tool_use_id", "string"));
        blocks.put("code_execution_result", Map.of("output", "string"));
        blocks.put("mcp_list_tools", Map.of());
        blocks.put("mcp_call", Map.of());
        blocks.put("mcp_approval_request", Map.of());
        blocks.put(
                "mcp_approval_response",
                orderedPair("approval_request_id", "string", "approve", "boolean"));
        blocks.put("bash_code_execution_tool_result", Map.of("tool_use_id", "string"));
        blocks.put("text_editor_code_execution_tool_result", Map.of("tool_use_id", "string"));
        blocks.put("shell_call", Map.of());
        blocks.put("shell_call_output", Map.of());
        blocks.put("apply_patch_call", Map.of());
        blocks.put("apply_patch_call_output", Map.of());
        return blocks;
    }

    private static Map<String, String> orderedPair(String k1, String v1, String k2, String v2) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put(k1, v1);
        pair.put(k2, v2);
        return pair;
    }
}

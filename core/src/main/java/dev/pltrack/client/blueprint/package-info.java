/**
 * PromptLayer's Prompt Blueprints, typed: the shape of a logged LLM call's {@code input} and
 * {@code output} ({@link dev.pltrack.client.LogRequest}). A chat blueprint is a list of
 * {@link dev.pltrack.client.blueprint.ChatMessage}s whose content is always a list of
 * {@link dev.pltrack.client.blueprint.ContentBlock}s (PromptLayer refuses a plain-string content);
 * assistant messages may carry {@link dev.pltrack.client.blueprint.ToolCall}s and tool messages
 * answer them by id. Integrations build these instead of writing JSON; the client writes them.
 *
 * <pre>{@code
 * PromptBlueprint input = PromptBlueprint.chat(
 *         ChatMessage.system("You are terse."),
 *         ChatMessage.user("What is the weather in Oslo?"));
 * PromptBlueprint output = PromptBlueprint.chat(
 *         ChatMessage.assistant(null, List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}"))));
 * }</pre>
 */
package dev.pltrack.client.blueprint;

package dev.pltrack.examples.plain;

import dev.pltrack.client.LogRequest;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.client.blueprint.ToolCall;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.LogHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for an agent calling an LLM twice (a tool call, then the answer): each call is logged
 * through the delivery engine, as an integration would log it, and returns at once.
 */
final class ScriptedAgent implements AgentService {

    private final DeliveryEngine engine;
    private final List<LogHandle> logged = new ArrayList<>();

    ScriptedAgent(DeliveryEngine engine) {
        this.engine = engine;
    }

    @Override
    public String plan(String user, String goal) {
        Instant start = Instant.now();
        ChatMessage system = ChatMessage.system("You plan trips. Use the weather tool.");
        ChatMessage ask = ChatMessage.user(goal);
        ToolCall weather = ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}");
        ChatMessage callsTool = ChatMessage.assistant(null, List.of(weather));
        logged.add(engine.log(LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(system, ask))
                .output(PromptBlueprint.chat(callsTool))
                .times(start, Instant.now())
                .tokens(31, 12)
                .build()));
        ChatMessage result = ChatMessage.toolResult("call_1", "weather", "-3 °C, snow");
        ChatMessage answer = ChatMessage.assistant("Pack a warm coat: -3 °C and snow in Oslo.");
        logged.add(engine.log(LogRequest.builder("openai", "gpt-4o")
                .input(PromptBlueprint.chat(system, ask, callsTool, result))
                .output(PromptBlueprint.chat(answer))
                .times(start, Instant.now())
                .tokens(58, 14)
                .build()));
        return "Pack a warm coat.";
    }

    /** The logs of the last call, in order. */
    List<LogHandle> logged() {
        return List.copyOf(logged);
    }
}

package dev.pltrack.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.llm.LlmFailures;
import dev.pltrack.llm.ProviderNames;
import java.util.List;

/** The log-request drafts for a finished LangChain4j chat call: everything but the times and tags, which core adds. */
final class ChatLogDrafts {

    private ChatLogDrafts() {
    }

    static LogRequest.Builder succeeded(ChatRequest request, ChatResponse response, ModelProvider provider) {
        String model = response.modelName() != null ? response.modelName() : request.modelName();
        LogRequest.Builder draft = common(request, provider, model)
                .output(PromptBlueprint.chat(List.of(BlueprintMessages.of(response.aiMessage()))));
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            draft.tokens(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
        }
        return draft;
    }

    static LogRequest.Builder failed(ChatRequest request, Throwable error, ModelProvider provider) {
        return common(request, provider, request == null ? null : request.modelName())
                .output(PromptBlueprint.chat(List.of()))
                .failed(LlmFailures.typeOf(error), LlmFailures.messageOf(error));
    }

    private static LogRequest.Builder common(ChatRequest request, ModelProvider provider, String model) {
        LogRequest.Builder draft = LogRequest.builder(providerName(provider), model == null ? "unknown" : model);
        if (request == null) {
            return draft.input(PromptBlueprint.chat(List.of()));
        }
        return draft.input(PromptBlueprint.chat(BlueprintMessages.of(request.messages())))
                .parameters(ChatParameters.of(request.parameters()));
    }

    /** PromptLayer's name; LangChain4j's {@code OTHER} says nothing, so it is sent as unknown. */
    private static String providerName(ModelProvider provider) {
        return provider == null || provider == ModelProvider.OTHER ? ProviderNames.UNKNOWN : ProviderNames.of(provider.name());
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}

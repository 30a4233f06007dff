package dev.pltrack.springai;

import dev.pltrack.client.LogErrorType;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.LogStatus;
import dev.pltrack.client.blueprint.ChatMessage;
import dev.pltrack.client.blueprint.PromptBlueprint;
import dev.pltrack.llm.LlmFailures;
import dev.pltrack.llm.ProviderNames;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The log request (all but its times) for one finished chat-model observation: provider, model,
 * the prompt and the answer as blueprints, token counts, parameters, and the error if it failed.
 */
final class ChatCallDraft {

    static final String UNKNOWN_MODEL = "unknown";
    static final String API_TYPE = "chat-completions";

    private ChatCallDraft() {
    }

    static LogRequest.Builder of(ChatModelObservationContext context) {
        Prompt prompt = context.getRequest();
        ChatOptions options = prompt == null ? null : prompt.getOptions();
        ChatResponse response = context.getResponse();
        String provider = context.getOperationMetadata() == null ? null : context.getOperationMetadata().provider();
        LogRequest.Builder draft = LogRequest.builder(ProviderNames.of(provider), modelOf(response, options))
                .input(SpringAiPrompts.input(prompt))
                .output(outputOf(response))
                .parameters(SpringAiParameters.of(options))
                .apiType(API_TYPE);
        Usage usage = usageOf(response);
        if (usage != null) {
            draft.tokens(count(usage.getPromptTokens()), count(usage.getCompletionTokens()));
        }
        Throwable error = context.getError();
        if (error != null) {
            draft.failed(LlmFailures.typeOf(error), LlmFailures.messageOf(error));
        } else if (response == null) {
            // A stream cancelled before it completed: what it said so far is not known here.
            draft.status(LogStatus.WARNING).errorType(LogErrorType.PROVIDER_PARTIAL_RESPONSE)
                    .errorMessage("The call ended without a complete response (a stream cancelled before its end)");
        }
        return draft;
    }

    private static String modelOf(ChatResponse response, ChatOptions options) {
        ChatResponseMetadata metadata = response == null ? null : response.getMetadata();
        String model = metadata == null ? null : metadata.getModel();
        if (model == null || model.isBlank()) {
            model = options == null ? null : options.getModel();
        }
        return model == null || model.isBlank() ? UNKNOWN_MODEL : model;
    }

    private static PromptBlueprint outputOf(ChatResponse response) {
        List<ChatMessage> messages = new ArrayList<>();
        if (response != null) {
            for (Generation generation : response.getResults()) {
                if (generation != null && generation.getOutput() != null) {
                    messages.add(SpringAiPrompts.assistant(generation.getOutput()));
                }
            }
        }
        return PromptBlueprint.chat(messages);
    }

    private static Usage usageOf(ChatResponse response) {
        ChatResponseMetadata metadata = response == null ? null : response.getMetadata();
        return metadata == null ? null : metadata.getUsage();
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }
}

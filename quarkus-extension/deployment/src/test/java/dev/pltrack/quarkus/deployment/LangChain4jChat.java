package dev.pltrack.quarkus.deployment;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** An application bean that builds a LangChain4j model with the listeners CDI has, as quarkus-langchain4j does. */
@ApplicationScoped
public class LangChain4jChat {

    @Inject
    Instance<ChatModelListener> listeners;

    @TrackMetadata({"feature=chat"})
    public String answer(@MetadataParam("user_id") String user, String question) {
        return OpenAiChatModel.builder().baseUrl(SharedFakeOpenAi.baseUrl()).apiKey("sk-fake-openai")
                .modelName("gpt-4o-mini").maxRetries(0).listeners(listeners.stream().toList()).build()
                .chat(question);
    }
}

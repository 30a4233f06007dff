package dev.pltrack.springai;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A small Spring AI app: a ChatClient, a tool, and a {@code @TrackMetadata} service around it. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SpringAiTestApp {

    static final String SYSTEM = "You are a terse weather assistant.";

    @Bean
    ChatClient chatClient(ChatModel model) {
        return ChatClient.builder(model).defaultSystem(SYSTEM).build();
    }

    @Bean
    AssistantService assistantService(ChatClient chatClient) {
        return new AssistantService(chatClient);
    }

    static class WeatherTools {
        @Tool(description = "The current weather in a city")
        String weather(String city) {
            return "sunny, 21C in " + city;
        }
    }

    static class AssistantService {
        private final ChatClient chatClient;

        AssistantService(ChatClient chatClient) {
            this.chatClient = chatClient;
        }

        @TrackMetadata({"feature=weather"})
        public String ask(@MetadataParam("user_id") String user, String question) {
            return chatClient.prompt().user(question).call().content();
        }
    }
}

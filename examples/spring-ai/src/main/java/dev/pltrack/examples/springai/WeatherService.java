package dev.pltrack.examples.springai;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.stereotype.Service;

/**
 * The app's one service: each method makes one ChatClient call, which pltrack-spring-ai logs; the
 * {@code @TrackMetadata} entries and parameters travel in that log.
 */
@Service
public class WeatherService {

    private final ChatClient chatClient;

    public WeatherService(ChatClient.Builder builder) {
        this.chatClient = builder.defaultSystem("You are a terse weather assistant.").build();
    }

    @TrackMetadata({"feature=chat"})
    public String ask(@MetadataParam("user_id") String user, String question) {
        return chatClient.prompt().user(question).call().content();
    }

    /** The model calls the {@code weather} tool, then answers: two model calls, two logs. */
    @TrackMetadata({"feature=weather"})
    public String weather(@MetadataParam("user_id") String user, String city) {
        return chatClient.prompt().user("What is the weather in " + city + "?").tools(new WeatherTools()).call().content();
    }

    /** A model that does not exist: the call fails, and is logged as an error. */
    @TrackMetadata({"feature=broken"})
    public String broken(@MetadataParam("user_id") String user) {
        return chatClient.prompt().user("Hello?").options(OpenAiChatOptions.builder().model(FakeOpenAi.MISSING_MODEL))
                .call().content();
    }

    static class WeatherTools {
        @Tool(description = "The current weather in a city")
        String weather(String city) {
            return "sunny, 21C in " + city;
        }
    }
}

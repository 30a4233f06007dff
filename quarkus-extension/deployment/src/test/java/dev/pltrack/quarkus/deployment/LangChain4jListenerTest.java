package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.langchain4j.PromptLayerChatModelListener;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With pltrack-langchain4j on the class path the extension contributes a {@code ChatModelListener}
 * bean; a LangChain4j model built with CDI's listeners logs its calls to PromptLayer, carrying the
 * metadata of the {@code @TrackMetadata} method around the call, in one call to PromptLayer.
 */
class LangChain4jListenerTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(LangChain4jChat.class, SharedFake.class, SharedFake.Bridge.class,
                    SharedFakeOpenAi.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .overrideRuntimeConfigKey("promptlayer.logging.tags", "quarkus")
            .setBeforeAllCustomizer(() -> {
                SharedFake.start();
                SharedFakeOpenAi.start();
            })
            .setAfterAllCustomizer(() -> {
                SharedFakeOpenAi.stop();
                SharedFake.stop();
            });

    @Inject
    LangChain4jChat chat;

    @Inject
    Instance<ChatModelListener> listeners;

    @Inject
    DeliveryEngine engine;

    @Test
    void theListenerBeanLogsTheCallWithTheEnclosingMetadata() throws InterruptedException {
        assertThat(listeners.stream().toList()).singleElement().isInstanceOf(PromptLayerChatModelListener.class);

        assertThat(chat.answer("u-42", "Hello?")).isEqualTo("Hi!");

        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        List<String> logged = SharedFake.awaitLogged(1);
        assertThat(logged).singleElement().asString()
                .contains("\"provider\":\"openai\"", "\"model\":\"gpt-4o-mini\"", "Hello?", "Hi!",
                        "\"tags\":[\"quarkus\"]", "\"user_id\":\"u-42\"", "\"feature\":\"chat\"",
                        "\"input_tokens\":5", "\"output_tokens\":2");
        assertThat(SharedFake.callCount()).isEqualTo(1); // the metadata traveled inside the log
    }
}

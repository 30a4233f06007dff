package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Customizers adjust the client before it is built: headers, the wire log's destination, order. */
class ClientCustomizerTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    @Test
    void aCustomizersRequestInterceptorAddsItsHeaderButCannotReplacePltracksKey() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClientCustomizer gatewayHeader = client -> client.requestInterceptor(template -> {
            template.header("X-Gateway-Token", "gw-42");
        });

        PromptLayerClient client = PromptLayerClient.builder(FakeBackedClients.configFor(fake).build())
                .customizers(List.of(gatewayHeader))
                .build();
        client.track(31L, Map.of("k", "v"));

        assertThat(fake.received().get(0).header("X-Gateway-Token")).isEqualTo("gw-42");
        assertThat(fake.received().get(0).header("X-API-KEY")).isEqualTo(fake.apiKey());
    }

    @Test
    void customizersApplyInOrderSoALaterOneWins() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.builder(FakeBackedClients.configFor(fake).build())
                .customizers(List.of(first -> first.userAgentPrefix("first/1"), second -> second.userAgentPrefix("second/2")))
                .build();

        client.track(32L, Map.of("k", "v"));

        assertThat(fake.received().get(0).header("User-Agent")).startsWith("second/2 pltrack-java/");
    }

    @Test
    void theBuildersSettersChainAndTheClientPrintsWhereItSendsButNotTheKey() {
        FakePromptLayer fake = promptLayer.server();
        List<String> lines = new CopyOnWriteArrayList<>();
        PromptLayerClient client = PromptLayerClient.builder(FakeBackedClients.configFor(fake)
                        .httpLogging(HttpLogging.BASIC).build())
                .requestInterceptor(template -> template.header("X-Gateway-Token", "gw-43"))
                .httpLog(lines::add)
                .build();

        client.track(34L, Map.of("k", "v"));

        assertThat(fake.received().get(0).header("X-Gateway-Token")).isEqualTo("gw-43");
        assertThat(lines).isNotEmpty();
        assertThat(client.toString()).contains(fake.baseUrl()).contains("****").doesNotContain(fake.apiKey());
    }

    @Test
    void theWireLogGoesWhereTheCustomizerSaysWithTheKeyMasked() {
        FakePromptLayer fake = promptLayer.server();
        List<String> lines = new CopyOnWriteArrayList<>();
        PromptLayerClient client = PromptLayerClient.builder(FakeBackedClients.configFor(fake)
                        .httpLogging(HttpLogging.FULL).build())
                .customizers(List.of(customizer -> customizer.httpLog(lines::add)))
                .build();

        client.track(33L, Map.of("k", "v"));

        assertThat(lines).isNotEmpty().anySatisfy(line -> assertThat(line).contains("X-API-KEY: ****"))
                .anySatisfy(line -> assertThat(line).contains("\"request_id\":33"))
                .noneSatisfy(line -> assertThat(line).contains(fake.apiKey()));
    }
}

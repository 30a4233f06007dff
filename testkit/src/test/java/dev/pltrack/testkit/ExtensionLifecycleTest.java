package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Runs the small test classes of {@link ExtensionScenarios} through the JUnit engine, then checks
 * from the outside which servers they saw and that all of them are closed.
 */
class ExtensionLifecycleTest {

    private static final List<FakePromptLayer> seen = ExtensionScenarios.seen;

    @BeforeEach
    void forgetServers() {
        seen.clear();
    }

    @Test
    void aStaticFieldSharesOneServerAcrossTheClassAndItsNestedClassesThenClosesIt() {
        runAndExpectSuccess(ExtensionScenarios.StaticFieldScenario.class, 3);

        assertThat(seen).hasSize(3);
        assertThat(seen).allSatisfy(server -> assertThat(server).isSameAs(seen.get(0)));
        assertClosed(seen.get(0));
    }

    @Test
    void anInstanceFieldGivesEachTestItsOwnServerAndClosesIt() {
        runAndExpectSuccess(ExtensionScenarios.InstanceFieldScenario.class, 2);

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
        seen.forEach(ExtensionLifecycleTest::assertClosed);
    }

    @Test
    void extendWithInjectsOneServerEverywhereThenClosesIt() {
        runAndExpectSuccess(ExtensionScenarios.ExtendWithScenario.class, 2);

        assertThat(seen).hasSize(7); // beforeAll, then constructor, beforeEach and test twice
        assertThat(seen).allSatisfy(server -> assertThat(server).isSameAs(seen.get(0)));
        assertClosed(seen.get(0));
    }

    @Test
    void aConstructorParameterWorksWithOneInstancePerClass() {
        runAndExpectSuccess(ExtensionScenarios.PerClassScenario.class, 2);

        assertThat(seen).hasSize(3);
        assertThat(seen).allSatisfy(server -> assertThat(server).isSameAs(seen.get(0)));
        assertClosed(seen.get(0));
    }

    @Test
    void aCustomKeyIsTheOnlyKeyAccepted() {
        runAndExpectSuccess(ExtensionScenarios.CustomKeyScenario.class, 1);

        assertClosed(seen.get(0));
    }

    @Test
    void theServerIsOnlyAvailableWhileTestsRun() {
        FakePromptLayerExtension extension = new FakePromptLayerExtension("pl_custom_key_1234");

        assertThat(extension.apiKey()).isEqualTo("pl_custom_key_1234");
        assertThatThrownBy(extension::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(extension::baseUrl).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FakePromptLayerExtension(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void runAndExpectSuccess(Class<?> scenario, int tests) {
        EngineExecutionResults results =
                EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute();
        List<String> failures =
                results.allEvents().failed().stream()
                        .map(
                                event ->
                                        event.getTestDescriptor().getDisplayName()
                                                + ": "
                                                + event.getPayload(TestExecutionResult.class)
                                                        .flatMap(TestExecutionResult::getThrowable)
                                                        .map(Throwable::toString)
                                                        .orElse("?"))
                        .toList();
        assertThat(failures).as("failures in %s", scenario.getSimpleName()).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
    }

    private static void assertClosed(FakePromptLayer server) {
        assertThatThrownBy(
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(
                                        new InetSocketAddress("127.0.0.1", server.port()), 1000);
                            }
                        })
                .as("connecting to the fake after the class is done")
                .isInstanceOf(IOException.class);
    }
}

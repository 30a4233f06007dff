package dev.pltrack.micronaut;

import static dev.pltrack.testkit.PromptLayerAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pltrack.TrackingContext;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.micronaut.beans.Answer;
import dev.pltrack.micronaut.beans.ChatService;
import dev.pltrack.micronaut.beans.PackageAccess;
import dev.pltrack.micronaut.beans.Summariser;
import dev.pltrack.micronaut.beans.TypeLevelChat;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.tracking.TrackMetadataHandler;
import io.micronaut.aop.Intercepted;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code @TrackMetadata} on Micronaut beans, end to end: the bean is compiled with
 * pltrack-micronaut-processor, called through Micronaut's proxy, and the test asserts the exact
 * metadata the fake PromptLayer received over HTTP, for each rule of the annotation model.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackMetadataInterceptorTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakePromptLayer fake = FakePromptLayer.start();

    @Inject
    ChatService chat;

    @Inject
    TypeLevelChat typeLevel;

    @Inject
    Summariser summariser;

    @Inject
    TrackMetadataHandler handler;

    @Inject
    DeliveryEngine engine;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "promptlayer.api-key", fake.apiKey(),
                "promptlayer.base-url", fake.baseUrl(),
                "promptlayer.metadata.environment", "test",
                "promptlayer.delivery.linger", "0ms");
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void theBeanIsProxiedByMicronaut() {
        assertThat(chat).isInstanceOf(Intercepted.class);
        assertThat(typeLevel).isInstanceOf(Intercepted.class);
    }

    @Test
    void tracksTheAnswerWithStaticEntriesAndParameters() {
        UUID session = UUID.fromString("6f1c2a34-93b5-4f7e-a8c1-0d2e3f405162");

        Answer answer = chat.answer("user-42", session, "What is PromptLayer?");

        assertThat(answer).isSameAs(chat.lastReturned);
        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(101, Map.of(
                "environment", "test",
                "feature", "chat",
                "model", "gpt-4o",
                "user_id", "user-42",
                "session_id", session.toString()));
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    void takesTheRequestIdFromAnAnnotatedParameterOfEachType() {
        chat.rateLong(201L, 5);
        chat.rateInt(202, 4);
        chat.rateBoxedLong(203L, 3);
        chat.rateBoxedInt(204, 2);
        chat.rateText("205", 1);

        fake.awaitAccepted(5, WAIT);
        assertThat(fake)
                .hasTracked(201, Map.of("environment", "test", "rating", "5"))
                .hasTracked(202, Map.of("environment", "test", "rating", "4"))
                .hasTracked(203, Map.of("environment", "test", "rating", "3"))
                .hasTracked(204, Map.of("environment", "test", "rating", "2"))
                .hasTracked(205, Map.of("environment", "test", "rating", "1"));
    }

    @Test
    void takesTheRequestIdFromAReturnedLongOrOptional() {
        assertThat(chat.logged(301L)).isEqualTo(301L);
        Optional<Answer> maybe = chat.maybe(302L);

        assertThat(maybe).isSameAs(chat.lastReturned);
        fake.awaitAccepted(2, WAIT);
        assertThat(fake)
                .hasTracked(301, Map.of("environment", "test", "source", "long"))
                .hasTracked(302, Map.of("environment", "test", "source", "optional"));
    }

    @Test
    void tracksACompletableFutureWhenItCompletes() throws Exception {
        CompletableFuture<Answer> pending = new CompletableFuture<>();

        CompletableFuture<Answer> returned = chat.later(pending);
        engine.flush(WAIT);
        assertThat(fake).hasReceivedNothing();

        Answer answer = new Answer(401, "later");
        pending.complete(answer);
        assertThat(returned.get()).isSameAs(answer);
        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(401, Map.of("environment", "test", "source", "future"));
    }

    @Test
    void tracksACompletionStageOfAnId() {
        CompletableFuture<Long> pending = new CompletableFuture<>();
        chat.laterId(pending);
        pending.complete(402L);

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(402, Map.of("environment", "test", "source", "stage"));
    }

    @Test
    void tracksAFailedFutureWithTheErrorFields() {
        CompletableFuture<Answer> returned = chat.laterFailing(403L);

        assertThat(returned).isSameAs(chat.lastReturned).isCompletedExceptionally();
        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(403, Map.of(
                "environment", "test",
                "source", "future",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "model timed out"));
    }

    @Test
    void tracksAMonoWhenSubscribedAndComplete() throws Exception {
        Mono<Answer> mono = chat.mono(501L);
        engine.flush(WAIT);
        assertThat(fake).hasReceivedNothing();

        assertThat(mono.block()).isEqualTo(new Answer(501L, "mono"));
        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(501, Map.of("environment", "test", "source", "mono"));
    }

    @Test
    void tracksAFailingMonoWithTheErrorFields() {
        assertThatThrownBy(() -> chat.monoFailing(502L).block()).hasMessage("stream broke");

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(502, Map.of(
                "environment", "test",
                "source", "mono",
                "error_type", "java.lang.IllegalStateException",
                "error_message", "stream broke"));
    }

    @Test
    void tracksAFluxWithItsLastElementOnCompletion() {
        List<Answer> chunks = chat.flux(503L).collectList().block();

        assertThat(chunks).extracting(Answer::text).containsExactly("chunk 1", "chunk 2");
        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(503, Map.of("environment", "test", "source", "flux"));
        assertThat(fake.received()).hasSize(1);
    }

    @Test
    @SuppressWarnings("try") // the scope only has to be open
    void takesTheRequestIdFromTheTrackingContext() {
        try (TrackingContext.Scope scope = TrackingContext.current().withRequestId(601L).with("tenant", "acme").open()) {
            chat.summarise("report.pdf");
        }

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(601, Map.of(
                "environment", "test", "tenant", "acme", "source", "context", "document", "report.pdf"));
    }

    @Test
    @SuppressWarnings("try") // the scope only has to be open
    void mergesDefaultsThenContextThenStaticEntriesThenParameters() {
        try (TrackingContext.Scope scope = TrackingContext.current()
                .with("environment", "staging")   // beats the default "test"
                .with("layer", "context")
                .with("tenant", "acme")
                .open()) {
            chat.merged(611L, "param");         // the parameter beats the static entry
            chat.merged(612L, null);            // a null parameter leaves its key out: the static entry shows
            chat.contextOnly(613L);             // no static "layer": the context's shows
        }
        chat.contextOnly(614L);                 // no context: only the defaults and the static entries

        fake.awaitAccepted(4, WAIT);
        assertThat(fake)
                .hasTracked(611, Map.of("environment", "staging", "tenant", "acme", "feature", "merge", "layer", "param"))
                .hasTracked(612, Map.of("environment", "staging", "tenant", "acme", "feature", "merge", "layer", "static"))
                .hasTracked(613, Map.of("environment", "staging", "tenant", "acme", "feature", "context-only",
                        "layer", "context"))
                .hasTracked(614, Map.of("environment", "test", "feature", "context-only"));
    }

    @Test
    void aThrowingCallIsTrackedWithTheErrorFieldsAndTheExceptionReachesTheCallerUnchanged() {
        assertThatThrownBy(() -> chat.failing(701L, "user-7")).isSameAs(chat.lastThrown);
        assertThatThrownBy(() -> chat.failingChecked(702L)).isSameAs(chat.lastThrown).isInstanceOf(IOException.class);

        fake.awaitAccepted(2, WAIT);
        assertThat(fake)
                .hasTracked(701, Map.of("environment", "test", "feature", "chat", "user_id", "user-7",
                        "error_type", "java.lang.IllegalStateException", "error_message", "model unavailable"))
                .hasTracked(702, Map.of("environment", "test", "feature", "upload",
                        "error_type", "java.io.IOException", "error_message", "disk full"));
    }

    @Test
    void trackExceptionsFalseSendsNothingForAThrowingCall() throws Exception {
        assertThatThrownBy(() -> chat.failingUntracked(703L)).hasMessage("not tracked");

        engine.flush(WAIT);
        assertThat(fake).hasReceivedNothing();
    }

    @Test
    void withoutARequestIdNothingIsSentAndTheCallerIsUnaffected() throws Exception {
        long before = handler.stats().noRequestId();

        chat.noRequestId("user-9");
        assertThat(chat.nothingMaybe()).isEmpty();

        engine.flush(WAIT);
        assertThat(fake).hasReceivedNothing();
        assertThat(handler.stats().noRequestId()).isEqualTo(before + 2);
    }

    @Test
    void anUnannotatedMethodIsNotTracked() throws Exception {
        Answer plain = chat.plain(801L);

        assertThat(plain).isSameAs(chat.lastReturned);
        engine.flush(WAIT);
        assertThat(fake).hasReceivedNothing();
    }

    @Test
    void aTypeLevelAnnotationTracksEveryPublicMethod() throws Exception {
        typeLevel.ask("why?");
        assertThat(typeLevel.log("audit")).isEqualTo(702L);
        assertThat(PackageAccess.internal(typeLevel).promptLayerRequestId()).isEqualTo(703L);

        fake.awaitAccepted(2, WAIT);
        engine.flush(WAIT);
        assertThat(fake)
                .hasTracked(701, Map.of("environment", "test", "scope", "type", "question", "why?"))
                .hasTracked(702, Map.of("environment", "test", "scope", "type", "kind", "audit"))
                .hasNotTracked(703);
        assertThat(fake.received()).hasSize(2);
    }

    @Test
    void aMethodAnnotationOnAnAnnotatedTypeWinsAndTheCallIsInterceptedOnce() throws Exception {
        long trackedBefore = handler.stats().tracked();

        typeLevel.own();

        fake.awaitAccepted(1, WAIT);
        engine.flush(WAIT);
        assertThat(fake).hasTracked(704, Map.of("environment", "test", "scope", "method"));
        assertThat(fake.received()).hasSize(1);
        assertThat(handler.stats().tracked()).isEqualTo(trackedBefore + 1);
    }

    @Test
    void anAnnotationOnAnInterfaceMethodWorksOnTheImplementingBean() {
        assertThat(summariser.summarise("notes.txt")).isEqualTo(705L);

        fake.awaitAccepted(1, WAIT);
        assertThat(fake).hasTracked(705, Map.of("environment", "test", "via", "interface", "document", "notes.txt"));
    }

    @Test
    void repeatedCallsAreEachTrackedFromTheCachedPlan() {
        chat.rateLong(901L, 1);
        chat.rateLong(902L, 2);
        fake.awaitAccepted(2, WAIT);

        assertThat(fake)
                .hasTracked(901, Map.of("environment", "test", "rating", "1"))
                .hasTracked(902, Map.of("environment", "test", "rating", "2"));
        assertThat(handler.stats().misused()).isZero();
    }
}

package dev.pltrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.pltrack.testkit.FakePromptLayer;
import dev.pltrack.testkit.FakePromptLayerExtension;
import dev.pltrack.testkit.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API key never shows: not in a log line at any level (Feign's FULL wire log included), not in
 * an exception message or stack trace, not in a {@code toString()}.
 */
class ApiKeySecrecyTest {

    private static final String SECRET = "pl_s3cr3t_key_that_must_never_leak";

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension(SECRET);

    @RegisterExtension
    final TraceLogCapture captured = new TraceLogCapture();



    private PromptLayerClient clientWithFullWireLog(FakePromptLayer fake) {
        return clientWithFullWireLog(fake, PromptLayerConfig.DEFAULT_READ_TIMEOUT);
    }

    private static PromptLayerClient clientWithoutRetries(FakePromptLayer fake) {
        return PromptLayerClient.create(FakeBackedClients.configFor(fake).retryPolicy(RetryPolicy.noRetries()).build());
    }

    private PromptLayerClient clientWithFullWireLog(FakePromptLayer fake, Duration readTimeout) {
        return PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .httpLogging(HttpLogging.FULL)
                .readTimeout(readTimeout)
                .build());
    }

    @Test
    void theFullWireLogShowsTheExchangeWithTheKeyMasked() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(500));

        clientWithFullWireLog(fake).track(31L, Map.of("user_id", "u-1"));

        List<String> wireLog = messagesOf(RedactingHttpLogger.LOGGER_NAME);
        assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("X-API-KEY: ****"));
        assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("\"api_key\":\"****\"").contains("u-1"));
        assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("HTTP/1.1 200"));
        assertThat(messagesOf(PromptLayerClient.class.getName()))
                .anySatisfy(line -> assertThat(line).contains("retrying"));
        assertNoLogLineContainsTheKey();
    }

    @Test
    void basicWireLoggingShowsTheCallButNoHeadersOrBody() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerClient client = PromptLayerClient.create(FakeBackedClients.configFor(fake)
                .httpLogging(HttpLogging.BASIC)
                .build());

        client.track(35L, Map.of("user_id", "u-35"));

        List<String> wireLog = messagesOf(RedactingHttpLogger.LOGGER_NAME);
        assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("---> POST " + fake.baseUrl()));
        assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("<--- HTTP/1.1 200"));
        assertThat(wireLog).noneSatisfy(line -> assertThat(line).containsAnyOf("X-API-KEY", "u-35"));
        assertNoLogLineContainsTheKey();
    }

    @Test
    void withoutWireLoggingTheHttpLoggerStaysSilent() {
        FakePromptLayer fake = promptLayer.server();

        FakeBackedClients.clientFor(fake).track(36L, Map.of("user_id", "u-36"));

        assertThat(messagesOf(RedactingHttpLogger.LOGGER_NAME)).isEmpty();
    }

    @Test
    void aServerAnswerThatEchoesTheKeyIsRedactedEverywhere() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(422, "{\"detail\":[{\"loc\":[\"body\",\"api_key\"],"
                + "\"msg\":\"bad key " + SECRET + "\",\"input\":\"" + SECRET + "\"}]}"));

        PromptLayerUnprocessableException failure = catchThrowableOfType(PromptLayerUnprocessableException.class,
                () -> clientWithFullWireLog(fake).track(32L, Map.of("k", "v")));

        assertThat(failure.getMessage()).contains("bad key ****").doesNotContain(SECRET);
        assertThat(failure.responseBody()).contains("****").doesNotContain(SECRET);
        assertThat(stackTraceOf(failure)).doesNotContain(SECRET);
        assertNoLogLineContainsTheKey();
    }

    @Test
    void successFalseEchoingTheKeyIsRedacted() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.successFalse("unknown key " + SECRET));

        PromptLayerNotAcceptedException failure = catchThrowableOfType(PromptLayerNotAcceptedException.class,
                () -> clientWithFullWireLog(fake).track(33L, Map.of("k", "v")));

        assertThat(stackTraceOf(failure)).contains("unknown key ****").doesNotContain(SECRET);
        assertNoLogLineContainsTheKey();
    }

    @Test
    void transportFailuresCarryNoKey() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(4, Fault.delay(Duration.ofSeconds(2)));

        PromptLayerTransportException failure = catchThrowableOfType(PromptLayerTransportException.class,
                () -> clientWithFullWireLog(fake, Duration.ofMillis(300)).track(34L, Map.of("k", "v")));

        assertThat(stackTraceOf(failure)).doesNotContain(SECRET);
        assertNoLogLineContainsTheKey();
    }

    @Test
    void aKeyWithQuoteAndBackslashIsMaskedInTheJsonEscapedBodyOfTheFullLog() {
        String quotedKey = "pl_quote\"and\\backslash_secret_42";
        String escapedKey = "pl_quote\\\"and\\\\backslash_secret_42";
        try (FakePromptLayer fake = FakePromptLayer.builder().apiKey(quotedKey).start()) {
            PromptLayerClient client = clientWithFullWireLog(fake);

            client.track(37L, Map.of("user_id", "u-37"));

            assertThat(fake.accepted()).hasSize(1);
            List<String> wireLog = messagesOf(RedactingHttpLogger.LOGGER_NAME);
            assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("\"api_key\":\"****\"").contains("u-37"));
            assertThat(wireLog).anySatisfy(line -> assertThat(line).contains("X-API-KEY: ****"));
            assertThat(wireLog).noneSatisfy(line -> assertThat(line).containsAnyOf(quotedKey, escapedKey, "backslash_secret"));
        }
    }

    @Test
    void aKeyStraddlingTheCutOfAnEchoedErrorBodyIsRedactedBeforeTheCut() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(500, "x".repeat(ResponseBodies.MAX_BODY_CHARS - 10) + SECRET + "y".repeat(2_000)));

        PromptLayerServerException failure = catchThrowableOfType(PromptLayerServerException.class,
                () -> clientWithoutRetries(fake).track(38L, Map.of("k", "v")));

        assertThat(failure.responseBody())
                .isEqualTo("x".repeat(ResponseBodies.MAX_BODY_CHARS - 10) + "****" + "y".repeat(6) + "...");
        assertThat(stackTraceOf(failure)).doesNotContain(SECRET.substring(0, 6));
    }

    @Test
    void aKeyStraddlingTheCutOfAnEchoedOkBodyLeavesNoPartVisible() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(200, "x".repeat(ResponseBodies.MAX_BODY_CHARS - 10) + SECRET + "y".repeat(2_000)));

        PromptLayerInvalidResponseException failure = catchThrowableOfType(PromptLayerInvalidResponseException.class,
                () -> clientWithoutRetries(fake).track(38L, Map.of("k", "v")));

        assertThat(failure.responseBody()).isEqualTo("x".repeat(ResponseBodies.MAX_BODY_CHARS - 10) + "****...");
        assertThat(stackTraceOf(failure)).doesNotContain(SECRET.substring(0, 6));
    }

    @Test
    void aKeyCutByTheReadLimitLeavesNoPartVisibleAfterRedactionShortensTheBody() {
        FakePromptLayer fake = promptLayer.server();
        // Far more than is read; the last key read is cut in two by the read limit.
        String body = SECRET.repeat(2 * ResponseBodies.MAX_BODY_BYTES / SECRET.length());
        assertThat(ResponseBodies.MAX_BODY_BYTES % SECRET.length()).isNotZero();
        fake.failNext(1, Fault.status(503, body));

        PromptLayerServerException failure = catchThrowableOfType(PromptLayerServerException.class,
                () -> clientWithoutRetries(fake).track(39L, Map.of("k", "v")));

        int keysRead = ResponseBodies.MAX_BODY_BYTES / SECRET.length();
        assertThat(failure.responseBody()).isEqualTo("****".repeat(keysRead + 1) + "...");
    }

    @Test
    void aLongBodyIsKeptCutToItsFirst8192Characters() {
        FakePromptLayer fake = promptLayer.server();
        fake.failNext(1, Fault.status(500, "z".repeat(20_000)));

        PromptLayerServerException failure = catchThrowableOfType(PromptLayerServerException.class,
                () -> clientWithoutRetries(fake).track(40L, Map.of("k", "v")));

        assertThat(failure.responseBody()).isEqualTo("z".repeat(ResponseBodies.MAX_BODY_CHARS) + "...");
    }

    @Test
    void noToStringShowsTheKey() {
        FakePromptLayer fake = promptLayer.server();
        PromptLayerConfig config = FakeBackedClients.configFor(fake).build();
        PromptLayerConfig.Builder builder = FakeBackedClients.configFor(fake);
        TrackMetadataBody body = new TrackMetadataBody(config.apiKey(), TrackRequest.of(1L, Map.of("k", "v")));

        assertThat(List.of(config.toString(), builder.toString(), PromptLayerClient.create(config).toString(),
                config.apiKey().toString(), body.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET))
                .anySatisfy(text -> assertThat(text).contains("****"));
    }

    private List<String> messagesOf(String loggerName) {
        return captured.events().stream()
                .filter(event -> event.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private void assertNoLogLineContainsTheKey() {
        assertThat(captured.events()).isNotEmpty();
        List<String> everything = new ArrayList<>();
        for (ILoggingEvent event : captured.events()) {
            everything.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                everything.add(t.getMessage());
            }
        }
        assertThat(everything).noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

package dev.pltrack.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's request handler, plugged into WireMock as a response transformer on the stub of each
 * endpoint: reads the request as that endpoint's body, asks {@link RequestRules} what a healthy
 * server says, lets the {@link Ledger} apply queued faults and record it, and hands the answer back
 * to WireMock.
 */
final class PromptLayerTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "pltrack-fake-promptlayer";

    /** The stub's transformer parameter that names its {@link Endpoint}. */
    static final String ENDPOINT = "endpoint";

    private final Ledger ledger;
    private final String apiKey;
    private final Canonical canonical = new Canonical();

    PromptLayerTransformer(Ledger ledger, String apiKey) {
        this.ledger = ledger;
        this.apiKey = apiKey;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the stubs that name this transformer use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Instant receivedAt = Instant.now();
        Endpoint endpoint =
                Endpoint.valueOf(serveEvent.getTransformerParameters().getString(ENDPOINT));
        LoggedRequest request = serveEvent.getRequest();
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody();
        HttpHeader keyHeader = request.header("X-API-KEY");
        String headerKey = keyHeader.isPresent() ? keyHeader.firstValue() : null;

        ParsedBody body = parse(endpoint, bytes);
        Arrival arrival =
                new Arrival(
                        receivedAt, new String(bytes, StandardCharsets.UTF_8), headersOf(request));
        Answer answer =
                ledger.decideAndRecord(
                        endpoint,
                        arrival,
                        body,
                        nextId -> RequestRules.judge(body, headerKey, apiKey, nextId));
        return toResponseDefinition(answer);
    }

    private ParsedBody parse(Endpoint endpoint, byte[] bytes) {
        switch (endpoint) {
            case LOG_REQUEST:
                return LogBody.parse(bytes, canonical);
            case TRACK_SCORE:
                return ScoreBody.parse(bytes, canonical);
            case TRACK_PROMPT:
                return PromptLinkBody.parse(bytes, canonical);
            default:
                return TrackBody.parse(bytes, canonical);
        }
    }

    private Map<String, List<String>> headersOf(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(canonical.of(header.key()), canonical.of(List.copyOf(header.values())));
        }
        return headers;
    }

    private static ResponseDefinition toResponseDefinition(Answer answer) {
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder();
        if (answer.connectionFault() != null) {
            response.withFault(answer.connectionFault());
        } else {
            response.withStatus(answer.status())
                    .withHeader("Content-Type", answer.contentType())
                    .withBody(answer.body());
            if (answer.retryAfterSeconds() != null) {
                response.withHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
            }
        }
        long delayMillis = millisRoundedUp(answer.delay());
        if (delayMillis > 0) {
            // WireMock sleeps in the request's own thread: no shared lock is held while waiting.
            response.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMillis));
        }
        return response.build();
    }

    /** Rounded up, so that a client never sees an answer sooner than the delay asked for. */
    private static long millisRoundedUp(Duration delay) {
        long millis = delay.toMillis();
        return delay.minusMillis(millis).isZero() ? millis : millis + 1;
    }
}

package dev.pltrack.client;

import feign.Headers;
import feign.RequestLine;
import java.util.concurrent.CompletableFuture;

/**
 * The Feign declaration of PromptLayer's request family: track-metadata, log-request, track-score
 * and track-prompt. {@link PromptLayerClient} wraps it with validation, typed errors and retries;
 * use that rather than this. Public so that native-image builds can register a proxy for it. Every
 * method completes when the answer is in; no thread waits for it (Feign's {@code AsyncFeign}).
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
public interface PromptLayerApi {

    String TRACK_METADATA_PATH = "/rest/track-metadata";
    String LOG_REQUEST_PATH = "/log-request";
    String TRACK_SCORE_PATH = "/rest/track-score";
    String TRACK_PROMPT_PATH = "/rest/track-prompt";

    @RequestLine("POST " + TRACK_METADATA_PATH)
    CompletableFuture<TrackMetadataAnswer> trackMetadata(TrackMetadataBody body);

    @RequestLine("POST " + LOG_REQUEST_PATH)
    CompletableFuture<LogAnswer> logRequest(KeyedBody<LogRequest> body);

    @RequestLine("POST " + TRACK_SCORE_PATH)
    CompletableFuture<TrackMetadataAnswer> trackScore(KeyedBody<ScoreRequest> body);

    @RequestLine("POST " + TRACK_PROMPT_PATH)
    CompletableFuture<TrackMetadataAnswer> trackPrompt(KeyedBody<PromptLinkRequest> body);
}

package dev.pltrack.client;

import feign.Headers;
import feign.RequestLine;
import java.util.concurrent.CompletableFuture;

/**
 * The Feign declaration of PromptLayer's {@code POST /rest/track-metadata}. {@link PromptLayerClient}
 * wraps it with validation, typed errors and retries; use that rather than this. Public so that
 * native-image builds can register a proxy for it.
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
public interface TrackMetadataApi {

    String PATH = "/rest/track-metadata";

    /** Completes when the answer is in; no thread waits for it (Feign's {@code AsyncFeign}). */
    @RequestLine("POST " + PATH)
    CompletableFuture<TrackMetadataAnswer> trackMetadata(TrackMetadataBody body);
}

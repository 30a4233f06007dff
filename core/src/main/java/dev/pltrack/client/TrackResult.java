package dev.pltrack.client;

/**
 * PromptLayer stored the metadata, the score or the prompt link.
 *
 * @param requestId the request the metadata was attached to
 * @param message   the server's message, empty when an older server sent none
 * @param attempts  how many attempts it took (1 when the first succeeded)
 */
public record TrackResult(long requestId, String message, int attempts) implements PromptLayerResult {
}

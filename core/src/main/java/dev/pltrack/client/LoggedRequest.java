package dev.pltrack.client;

import dev.pltrack.HasPromptLayerRequestId;

/**
 * PromptLayer logged the call: {@code id} is the new request id, which tracks, scores and prompt
 * links address. A {@code @TrackMetadata} method that returns one is tracked under its id.
 *
 * @param id       the new request id (positive)
 * @param status   the status PromptLayer recorded
 * @param attempts how many attempts it took (1 when the first succeeded)
 */
public record LoggedRequest(long id, LogStatus status, int attempts)
        implements PromptLayerResult, HasPromptLayerRequestId {

    @Override
    public long promptLayerRequestId() {
        return id;
    }

    @Override
    public long requestId() {
        return id;
    }
}

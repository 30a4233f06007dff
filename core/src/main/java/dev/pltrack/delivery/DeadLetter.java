package dev.pltrack.delivery;

import dev.pltrack.client.FailureReason;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.TrackRequest;
import java.util.Objects;

/**
 * A track the engine accepted but could not deliver: PromptLayer refused it, retries ran out, or
 * the engine closed first. Holds everything needed to send it again later.
 *
 * @param request  the request id and the merged metadata that was (or would have been) sent
 * @param failure  why it was given up; {@link PromptLayerException#reason()} groups it
 * @param attempts how many HTTP calls were made for it (0 when it was never sent)
 */
public record DeadLetter(TrackRequest request, PromptLayerException failure, int attempts) {

    public DeadLetter {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failure, "failure");
    }

    public FailureReason reason() {
        return failure.reason();
    }

    /** Request id, keys, reason and attempts; never the metadata values, which may be personal data. */
    @Override
    public String toString() {
        return "DeadLetter{requestId=" + request.requestId() + ", keys=" + request.metadata().keySet()
                + ", reason=" + reason() + ", attempts=" + attempts + "}";
    }
}

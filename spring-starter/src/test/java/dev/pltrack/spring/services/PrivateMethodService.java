package dev.pltrack.spring.services;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;

/** A misuse Spring cannot intercept: {@code @TrackMetadata} on a private method. */
public class PrivateMethodService {

    public String rate(long requestId) {
        return rateInternally(requestId);
    }

    @TrackMetadata("feature=private")
    private String rateInternally(@PromptLayerRequestId long requestId) {
        return "rated " + requestId;
    }
}

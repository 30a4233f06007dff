package dev.pltrack.testkit;

/** How PromptLayer judges a well-behaved track request: parse, then authenticate, then validate. */
final class TrackRules {

    private TrackRules() {}

    /**
     * The answer a healthy server gives.
     *
     * @param headerKey the X-API-KEY header, or null when absent; when present it alone decides
     */
    static Answer judge(TrackBody body, String headerKey, String configuredKey) {
        if (!body.isJsonObject()) {
            return Answer.json(400, PromptLayerBodies.PARSE_ERROR);
        }
        String presentedKey = headerKey != null ? headerKey : body.apiKey();
        if (!Secrets.matches(presentedKey, configuredKey)) {
            return Answer.json(401, PromptLayerBodies.UNAUTHORIZED);
        }
        if (!body.violations().isEmpty()) {
            return Answer.json(422, PromptLayerBodies.validationError(body.violations()));
        }
        return Answer.acceptedTrack();
    }
}

package dev.pltrack.testkit;

/**
 * How PromptLayer judges a well-behaved request to any of its endpoints: parse, then authenticate,
 * then validate.
 */
final class RequestRules {

    private RequestRules() {}

    /**
     * The answer a healthy server gives.
     *
     * @param headerKey the X-API-KEY header, or null when absent; when present it alone decides
     * @param nextRequestId the id a request log stored now would get
     */
    static Answer judge(
            ParsedBody body, String headerKey, String configuredKey, long nextRequestId) {
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
        return body.whenValid(nextRequestId);
    }
}

package dev.pltrack.client;

/**
 * What a 2xx answer said, as read by {@link AnswerDecoder}. Decoding never throws: whether
 * the answer counts as a success is decided by the client, so that its exceptions reach the caller
 * unwrapped.
 *
 * @param status  the HTTP status
 * @param json    whether the body was a JSON object
 * @param success the body's {@code success} field; {@code null} when absent or not JSON
 * @param message the body's {@code message} field, if any
 * @param body    the body as text (bounded)
 */
public record TrackMetadataAnswer(int status, boolean json, Boolean success, String message, String body) {
}

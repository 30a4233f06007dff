package dev.pltrack.client;

/**
 * What a 2xx answer to {@code POST /log-request} said, as read by {@link AnswerDecoder}, not yet
 * judged (the client decides whether it is a success).
 *
 * @param status     the HTTP status (201 from PromptLayer)
 * @param json       whether the body was a JSON object
 * @param id         the body's integer {@code id}, or {@code null} when absent or not an integer
 * @param loggedAs   the body's {@code status} field, or {@code null}
 * @param body       the body as text (bounded)
 */
record LogAnswer(int status, boolean json, Long id, String loggedAs, String body) {
}

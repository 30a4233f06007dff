package dev.pltrack.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Request;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns a non-2xx answer into the matching {@link PromptLayerHttpException} subclass, with the
 * server's own words (its {@code message}, {@code error} or {@code detail}) in the message and the
 * API key redacted from everything kept.
 */
final class StatusErrorDecoder implements ErrorDecoder {

    private final SecretRedactor redactor;
    private final Clock clock;

    StatusErrorDecoder(SecretRedactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String body;
        try {
            body = ResponseBodies.text(response, redactor);
        } catch (IOException e) {
            body = "";
        }
        Duration retryAfter = RetryAfter.parse(firstHeader(response, "Retry-After"), clock).orElse(null);
        String message = "PromptLayer answered " + status + describe(status, calledUrl(response))
                + serverMessage(body).map(text -> ": " + text).orElse("");
        return exceptionFor(status, message, body, retryAfter);
    }

    static PromptLayerHttpException exceptionFor(int status, String message, String body, Duration retryAfter) {
        return switch (status) {
            case 400 -> new PromptLayerBadRequestException(status, message, body, retryAfter);
            case 401 -> new PromptLayerUnauthorizedException(status, message, body, retryAfter);
            case 403 -> new PromptLayerForbiddenException(status, message, body, retryAfter);
            case 404 -> new PromptLayerNotFoundException(status, message, body, retryAfter);
            case 409 -> new PromptLayerConflictException(status, message, body, retryAfter);
            case 422 -> new PromptLayerUnprocessableException(status, message, body, retryAfter);
            case 429 -> new PromptLayerRateLimitedException(status, message, body, retryAfter);
            default -> isServerError(status)
                    ? new PromptLayerServerException(status, message, body, retryAfter)
                    : new PromptLayerHttpException(FailureReason.UNEXPECTED_STATUS, status, message, body, retryAfter);
        };
    }

    /**
     * The method and URL called, for a 404, which usually means a wrong base URL. The query (never
     * used by pltrack) is left out and the rest redacted, so that no key can show.
     */
    /** 5xx only: a 600 or above is no HTTP status class at all, so it is not retried as one. */
    static boolean isServerError(int status) {
        return status >= 500 && status <= 599;
    }

    private String calledUrl(Response response) {
        Request request = response.request();
        if (request == null || request.url() == null) {
            return "";
        }
        String withoutQuery = request.url().split("\\?", 2)[0];
        return " for " + request.httpMethod() + " " + redactor.redact(withoutQuery);
    }

    private static String describe(int status, String calledUrl) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized (check promptlayer.api-key)";
            case 403 -> " Forbidden";
            case 404 -> " Not Found" + calledUrl + " (check promptlayer.base-url: the server's address, without an"
                    + " endpoint path; and the request id)";
            case 409 -> " Conflict";
            case 422 -> " Unprocessable Entity";
            case 429 -> " Too Many Requests";
            default -> isServerError(status) ? " Server Error" : "";
        };
    }

    /** PromptLayer puts its explanation in {@code message}, {@code error} or FastAPI's {@code detail}. */
    static Optional<String> serverMessage(String body) {
        Optional<JsonNode> json = ResponseBodies.jsonObject(body);
        if (json.isEmpty()) {
            return body.isBlank() ? Optional.empty() : Optional.of(ResponseBodies.abbreviate(body.strip()));
        }
        JsonNode node = json.get();
        for (String field : List.of("message", "error")) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.textValue().isBlank()) {
                return Optional.of(value.textValue());
            }
        }
        JsonNode detail = node.get("detail");
        if (detail == null || detail.isNull()) {
            return Optional.empty();
        }
        return Optional.of(detail.isTextual() ? detail.textValue() : describeDetail(detail));
    }

    /** FastAPI's {@code [{"loc": ["body", "request_id"], "msg": "..."}]} as {@code request_id: ...}. */
    private static String describeDetail(JsonNode detail) {
        if (!detail.isArray()) {
            return detail.toString();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : detail) {
            JsonNode loc = item.get("loc");
            List<String> path = new ArrayList<>();
            if (loc != null && loc.isArray()) {
                loc.forEach(step -> path.add(step.asText()));
                if (!path.isEmpty() && path.get(0).equals("body")) {
                    path.remove(0);
                }
            }
            String msg = item.hasNonNull("msg") ? item.get("msg").asText() : item.toString();
            parts.add(path.isEmpty() ? msg : String.join(".", path) + ": " + msg);
        }
        return String.join("; ", parts);
    }

    private static String firstHeader(Response response, String name) {
        Collection<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }
}

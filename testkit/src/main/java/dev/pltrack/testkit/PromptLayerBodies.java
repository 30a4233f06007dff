package dev.pltrack.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The response bodies PromptLayer sends, in one place so that faults and real answers agree. */
final class PromptLayerBodies {

    static final String METADATA_TRACKED =
            "{\"success\":true,\"message\":\"Metadata tracked successfully\"}";
    static final String SCORE_TRACKED =
            "{\"success\":true,\"message\":\"Score tracked successfully\"}";
    static final String PROMPT_TRACKED =
            "{\"success\":true,\"message\":\"Prompt tracked successfully\"}";
    static final String PARSE_ERROR = "{\"detail\":\"There was an error parsing the body\"}";
    static final String UNAUTHORIZED =
            "{\"error\":\"Invalid API key\",\"message\":\"Invalid or missing API key\"}";
    static final String NOT_FOUND = "{\"detail\":\"Not Found\"}";
    static final String RATE_LIMITED =
            "{\"error\":\"Too Many Requests\",\"message\":\"Rate limit exceeded, please retry later\"}";

    /** A sample 422 for injected faults; real validation failures list the actual violations. */
    static final String SAMPLE_VALIDATION_ERROR =
            validationError(
                    List.of(
                            new Violation(
                                    List.of("body", "request_id"),
                                    "Input should be greater than 0",
                                    "greater_than")));

    /** What a proxy in front of the API might answer: a 200 that is not the API talking. */
    static final String HTML_PAGE =
            "<!DOCTYPE html>\n<html><head><title>PromptLayer</title></head>"
                    + "<body><h1>We'll be right back</h1></body></html>\n";

    private PromptLayerBodies() {}

    static String validationError(List<Violation> violations) {
        List<Map<String, Object>> detail =
                violations.stream()
                        .map(v -> jsonObject("loc", v.loc(), "msg", v.msg(), "type", v.type()))
                        .toList();
        return Json.write(Map.of("detail", detail));
    }

    /**
     * The 201 of {@code /log-request}: the new request's id and the status fields as logged. {@code
     * prompt_version} is null: the fake holds no prompt registry to resolve a template from.
     */
    static String logged(long id, String status, String errorType, String errorMessage) {
        return Json.write(
                jsonObject(
                        "id", id,
                        "prompt_version", null,
                        "status", status,
                        "error_type", errorType,
                        "error_message", errorMessage));
    }

    static String successFalse(String message) {
        return Json.write(jsonObject("success", false, "message", message));
    }

    /** A realistic body for an error status, in the shape PromptLayer uses for that status. */
    static String forStatus(int status) {
        switch (status) {
            case 400:
                return PARSE_ERROR;
            case 401:
                return UNAUTHORIZED;
            case 404:
                return NOT_FOUND;
            case 422:
                return SAMPLE_VALIDATION_ERROR;
            case 429:
                return RATE_LIMITED;
            default:
                String reason = reasonPhrase(status);
                return status >= 500
                        ? Json.write(Map.of("message", reason))
                        : Json.write(jsonObject("error", reason, "message", reason));
        }
    }

    static String reasonPhrase(int status) {
        switch (status) {
            case 403:
                return "Forbidden";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 409:
                return "Conflict";
            case 413:
                return "Payload Too Large";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return status >= 500 ? "Server Error" : "Client Error";
        }
    }

    private static Map<String, Object> jsonObject(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

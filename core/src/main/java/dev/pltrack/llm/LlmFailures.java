package dev.pltrack.llm;

import dev.pltrack.client.LogErrorType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PromptLayer's {@code error_type} and {@code error_message} for a failed LLM call, from the
 * exception the LLM client threw. The clients' exceptions differ, so the type is read from the
 * exception and its causes: the HTTP status an exception carries (an accessor such as
 * {@code statusCode()}), a timeout type, an HTTP status in a message that starts with it (Spring
 * AI's {@code "HTTP 401 - ..."}), or a telling class name (LangChain4j's
 * {@code AuthenticationException}, {@code RateLimitException}); anything else is a provider error.
 */
public final class LlmFailures {

    private static final int MAX_CAUSES = 10;
    private static final Pattern LEADING_STATUS = Pattern.compile("^\\s*(?:HTTP\\s*)?(\\d{3})\\b");

    private LlmFailures() {
    }

    public static LogErrorType typeOf(Throwable error) {
        Integer carried = CarriedHttpStatus.of(error);
        if (carried != null) {
            return typeOfStatus(carried);
        }
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            LogErrorType type = typeOfOne(current);
            if (type != null) {
                return type;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return LogErrorType.PROVIDER_ERROR;
    }

    /** The type for an LLM provider's HTTP answer with this status. */
    public static LogErrorType typeOfStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401, 403 -> LogErrorType.PROVIDER_AUTH_ERROR;
            case 408, 504 -> LogErrorType.PROVIDER_TIMEOUT;
            case 429 -> LogErrorType.PROVIDER_RATE_LIMIT;
            default -> LogErrorType.PROVIDER_ERROR;
        };
    }

    /** The exception's class and message, e.g. {@code "RateLimitException: slow down"}; cut to size by the log request. */
    public static String messageOf(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getMessage();
        String name = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static LogErrorType typeOfOne(Throwable error) {
        if (error instanceof java.net.SocketTimeoutException || error instanceof java.net.http.HttpTimeoutException
                || error instanceof java.util.concurrent.TimeoutException) {
            return LogErrorType.PROVIDER_TIMEOUT;
        }
        String name = error.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return LogErrorType.PROVIDER_TIMEOUT;
        }
        if (name.contains("Authentication") || name.contains("Unauthorized") || name.contains("Forbidden")
                || name.contains("PermissionDenied")) {
            return LogErrorType.PROVIDER_AUTH_ERROR;
        }
        if (name.contains("Quota")) {
            return LogErrorType.PROVIDER_QUOTA_LIMIT;
        }
        if (name.contains("RateLimit") || name.contains("TooManyRequests")) {
            return LogErrorType.PROVIDER_RATE_LIMIT;
        }
        String message = error.getMessage();
        if (message != null) {
            Matcher status = LEADING_STATUS.matcher(message);
            if (status.find()) {
                int code = Integer.parseInt(status.group(1));
                if (code >= 400 && code < 600) {
                    return typeOfStatus(code);
                }
            }
        }
        return null;
    }
}

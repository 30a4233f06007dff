package dev.pltrack.client;

/**
 * PromptLayer's categories for a failed or degraded LLM call ({@code error_type}), with the statuses
 * it allows each with.
 */
public enum LogErrorType {
    PROVIDER_TIMEOUT(false),
    PROVIDER_QUOTA_LIMIT(true),
    PROVIDER_RATE_LIMIT(true),
    PROVIDER_PARTIAL_RESPONSE(true),
    PROVIDER_AUTH_ERROR(false),
    PROVIDER_ERROR(false),
    TEMPLATE_RENDER_ERROR(false),
    VARIABLE_MISSING_OR_EMPTY(true),
    UNKNOWN_ERROR(true);

    private final boolean allowedWithWarning;

    LogErrorType(boolean allowedWithWarning) {
        this.allowedWithWarning = allowedWithWarning;
    }

    /** Whether PromptLayer accepts this type with {@link LogStatus#WARNING} (all but two allow ERROR). */
    public boolean allowedWith(LogStatus status) {
        return switch (status) {
            case SUCCESS -> false;
            case WARNING -> allowedWithWarning;
            case ERROR -> this != PROVIDER_PARTIAL_RESPONSE && this != VARIABLE_MISSING_OR_EMPTY;
        };
    }
}

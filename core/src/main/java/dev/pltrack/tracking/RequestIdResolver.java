package dev.pltrack.tracking;

import dev.pltrack.TrackingContext;
import dev.pltrack.delivery.LogHandle;
import java.util.List;

/** Finds a call's request id, in the order {@link RequestIdSource} gives and explains. */
final class RequestIdResolver {

    private static final RequestIdSource NONE = new RequestIdSource.None();

    private RequestIdResolver() {
    }

    /**
     * @param returned the return value ({@code null} when the call threw)
     * @param logged   the requests logged during the call (read only when the first two give nothing)
     */
    static RequestIdSource resolve(MethodPlan plan, Object[] arguments, Object returned, Throwable thrown,
            LoggedDuringCall logged, TrackingContext context) {
        Long requestId;
        try {
            requestId = plan.requestIdFromArguments(arguments);
        } catch (NumberFormatException notANumber) {
            return new RequestIdSource.Unreadable(
                    "the @PromptLayerRequestId argument is not a number (" + notANumber.getMessage() + ")", null);
        }
        if (requestId == null && thrown == null) {
            try {
                requestId = MethodPlan.requestIdFromValue(returned);
            } catch (RuntimeException unreadable) {
                // The caller's value is the caller's: a broken accessor costs the track, nothing more.
                return new RequestIdSource.Unreadable(
                        "promptLayerRequestId() of the returned value threw " + unreadable, unreadable);
            }
        }
        if (requestId != null) {
            return new RequestIdSource.Known(requestId);
        }
        List<LogHandle> logs = logged == null ? List.of() : logged.take();
        if (!logs.isEmpty()) {
            return new RequestIdSource.Logged(logs);
        }
        if (context.requestId().isPresent()) {
            return new RequestIdSource.Known(context.requestId().getAsLong());
        }
        return NONE;
    }
}

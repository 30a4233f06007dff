package dev.pltrack.tracking;

import dev.pltrack.delivery.LogHandle;
import java.util.List;

/**
 * Where a call's request id came from, in the order looked at: the {@code @PromptLayerRequestId}
 * argument, the return value, the requests logged during the call, the {@link dev.pltrack.TrackingContext}.
 * Explicit beats implicit: an argument or return value names the request on purpose; a request
 * logged during the call belongs to this call, while the context's id was put in scope outside it
 * (an enclosing web request, say) and is the least specific.
 */
sealed interface RequestIdSource permits RequestIdSource.Known, RequestIdSource.Logged, RequestIdSource.None,
        RequestIdSource.Unreadable {

    /** One id: from the argument, the return value or the context. */
    record Known(long requestId) implements RequestIdSource {
    }

    /** Requests logged during the call, ids not known yet: the metadata goes to each. */
    record Logged(List<LogHandle> logs) implements RequestIdSource {
    }

    /** No source gave an id. */
    record None() implements RequestIdSource {
    }

    /** A source that should have given one could not be read. */
    record Unreadable(String why, Throwable cause) implements RequestIdSource {
    }
}

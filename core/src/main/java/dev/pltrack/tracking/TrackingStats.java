package dev.pltrack.tracking;

/**
 * What became of annotated calls since the handler started. Together with the delivery engine's
 * {@code DeliveryStats}, which takes over from {@code tracked}, nothing goes uncounted.
 *
 * @param tracked       tracks handed to the delivery engine and accepted: one per call, or one per request
 *                      logged during the call when those are its request ids
 * @param refused       calls whose track the engine refused (queue full or closed)
 * @param noRequestId   calls for which no request id was found (parameter, return value, requests logged
 *                      during the call, context)
 * @param invalid       calls whose request id or metadata broke a rule: nothing was sent
 * @param misused       calls not tracked because the method misuses the annotations
 * @param unconvertible argument values that could not become text: their key was left out
 * @param errors        calls whose tracking failed unexpectedly (a bug in an adapter, a sink or
 *                      pltrack itself), logged at ERROR; the call itself went on
 */
public record TrackingStats(long tracked, long refused, long noRequestId, long invalid, long misused,
        long unconvertible, long errors) {

    /** Calls that were not tracked, for whatever reason. */
    public long untracked() {
        return refused + noRequestId + invalid + misused + errors;
    }
}

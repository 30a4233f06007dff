package dev.pltrack.tracking;

/**
 * Something wrong with how a method uses the annotations, seen from its signature alone. An
 * {@link Severity#ERROR} keeps the method from being tracked (the Quarkus extension fails the build
 * on one); a {@link Severity#WARNING} is logged once.
 *
 * @param severity how bad it is
 * @param method   the method, as {@code com.acme.Chat.answer(String, long)}
 * @param message  what is wrong and how to fix it
 */
public record TrackingProblem(Severity severity, String method, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return "@TrackMetadata on " + method + ": " + message;
    }
}

package dev.pltrack.delivery;

/**
 * Receives every track the engine accepted and then could not deliver, once each. Implement it to
 * keep them (a table, a file, a queue) and replay them later; the default,
 * {@link LoggingDeadLetterHandler}, logs request ids and keys.
 *
 * <p>Called on an engine thread (a sender, or the thread closing the engine): keep it short and do
 * not block. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeadLetterHandler {

    void handle(DeadLetter letter);
}

package dev.pltrack;

/**
 * A value that carries a PromptLayer request id, such as the answer of an LLM call that PromptLayer
 * logged. A {@link TrackMetadata} method returning one (directly, in an {@code Optional} or in a
 * {@code CompletionStage}) is tracked under that id.
 */
public interface HasPromptLayerRequestId {

    /** The PromptLayer request id (positive). */
    long promptLayerRequestId();
}

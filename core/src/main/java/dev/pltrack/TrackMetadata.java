package dev.pltrack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * After the method returns, sends metadata for its PromptLayer request to PromptLayer, in the
 * background. On a type: every public method of it.
 *
 * <pre>{@code
 * @TrackMetadata({"feature=chat", "model=gpt-4o"})
 * public Answer answer(@MetadataParam("user_id") String user, String question) { ... }
 * }</pre>
 *
 * <p>The request id is, first found wins: the parameter annotated {@link PromptLayerRequestId};
 * the return value (a {@code long}/{@code int} or box, a {@link HasPromptLayerRequestId}, or an
 * {@code Optional} or {@code CompletionStage} of one, tracked when it completes); the
 * {@link TrackingContext}. Metadata merges, later sources winning on the same key: the
 * {@code promptlayer.metadata.*} defaults, the {@link TrackingContext}, {@link #value()}, then each
 * {@link MetadataParam}. A failure to track never changes what the method returns or throws.
 *
 * <p>The same annotation works in plain Java (through {@code dev.pltrack.tracking.TrackMetadataHandler})
 * and in the Spring Boot, Micronaut and Quarkus modules.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TrackMetadata {

    /**
     * Static entries, each {@code "key=value"}: the key before the first {@code =}, the value after
     * it, both trimmed. An entry without {@code =} is reported when the method is first analysed,
     * and the method is then not tracked.
     */
    String[] value() default {};

    /**
     * Whether a call that throws is still tracked (when its request id is known, from a parameter or
     * the context), with {@code error_type} (the exception's class name) and {@code error_message}
     * added. The exception reaches the caller unchanged either way.
     */
    boolean trackExceptions() default true;
}

package dev.pltrack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This parameter holds the PromptLayer request id that a {@link TrackMetadata} method tracks: a
 * {@code long}, an {@code int}, their boxes, or a {@code String} of digits. It wins over the return
 * value and the {@link TrackingContext}; a {@code null} argument falls through to them. At most one
 * parameter of a method may carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PromptLayerRequestId {
}

package dev.pltrack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The parameter's value becomes a metadata value of a {@link TrackMetadata} method. Text, numbers,
 * booleans, enums, UUIDs and dates become their plain text, other objects compact JSON; a
 * {@code null} (or an empty {@code Optional}) leaves the key out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MetadataParam {

    /**
     * The metadata key. Empty: the parameter's name, which needs the class compiled with
     * {@code -parameters} (Spring Boot, Micronaut and Quarkus builds do this by default).
     */
    String value() default "";
}

package dev.pltrack.micronaut.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.ast.ClassElement;
import io.micronaut.inject.ast.MethodElement;
import io.micronaut.inject.visitor.TypeElementVisitor;
import io.micronaut.inject.visitor.VisitorContext;
import java.util.Set;

/**
 * Brings {@code @TrackMetadata} from an interface (or superclass) method down to the method that
 * implements it in a class Micronaut compiles. Micronaut does not carry a method annotation over to
 * the implementation, so without this a bean implementing an annotated interface method would not be
 * advised. It adds the same interceptor binding as {@link TrackMetadataAnnotationMapper}; pltrack's
 * core then reads the annotation where it is declared, as it does for plain-Java proxies.
 */
public final class InheritedTrackMetadataVisitor implements TypeElementVisitor<Object, Object> {

    @Override
    public Set<String> getSupportedAnnotationNames() {
        return Set.of("*");
    }

    @Override
    public VisitorKind getVisitorKind() {
        return VisitorKind.ISOLATING;
    }

    @Override
    public void visitMethod(MethodElement method, VisitorContext context) {
        ClassElement owner = method.getOwningType();
        if (owner.isInterface() || method.isPrivate() || method.isStatic()
                || method.hasDeclaredAnnotation(TrackMetadataAnnotationMapper.TRACK_METADATA)) {
            return;
        }
        boolean inherited = method.getOverriddenMethods().stream()
                .anyMatch(overridden -> overridden.hasDeclaredAnnotation(TrackMetadataAnnotationMapper.TRACK_METADATA));
        if (inherited) {
            AnnotationValue<?> binding = TrackMetadataAnnotationMapper.interceptorBinding();
            method.annotate(binding);
        }
    }
}

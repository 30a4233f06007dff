package dev.pltrack.micronaut.processor;

import io.micronaut.aop.InterceptorBinding;
import io.micronaut.aop.InterceptorKind;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.NamedAnnotationMapper;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Makes {@code @dev.pltrack.TrackMetadata} Around advice when Micronaut compiles a bean: wherever the
 * annotation sits (a method, or a type for all its methods), it adds
 * {@code @InterceptorBinding(value = TrackMetadata.class, kind = AROUND)}, which makes Micronaut
 * generate the proxy and route the calls to pltrack's {@code TrackMetadataInterceptor} (an
 * {@code @InterceptorBean(TrackMetadata.class)}).
 *
 * <p>The core annotation knows nothing of Micronaut, and Micronaut decides what to intercept at compile
 * time, so the binding has to be added by a mapper on the annotation processor path. A named mapper:
 * the annotation's class need not be on the processor path, only this jar.
 */
public final class TrackMetadataAnnotationMapper implements NamedAnnotationMapper {

    static final String TRACK_METADATA = "dev.pltrack.TrackMetadata";

    @Override
    public String getName() {
        return TRACK_METADATA;
    }

    @Override
    public List<AnnotationValue<?>> map(AnnotationValue<Annotation> annotation, VisitorContext visitorContext) {
        return List.of(interceptorBinding());
    }

    /** {@code @InterceptorBinding(value = TrackMetadata.class, kind = AROUND)}. */
    static AnnotationValue<InterceptorBinding> interceptorBinding() {
        return AnnotationValue.builder(InterceptorBinding.class)
                .value(TRACK_METADATA)
                .member("kind", InterceptorKind.AROUND)
                .build();
    }
}

package dev.pltrack.quarkus.deployment;

import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerClientCustomizer;
import dev.pltrack.client.TrackMetadataAnswer;
import dev.pltrack.client.PromptLayerApi;
import dev.pltrack.client.TrackMetadataBody;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryListener;
import dev.pltrack.llm.LlmCallLogger;
import dev.pltrack.quarkus.runtime.PltrackBuildTimeConfig;
import dev.pltrack.quarkus.runtime.PltrackRecorder;
import dev.pltrack.quarkus.runtime.TrackMetadataInterceptor;
import dev.pltrack.tracking.AsyncResultAdapter;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingProblem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.InterceptorBindingRegistrarBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.InterceptorBindingRegistrar;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageProxyDefinitionBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.Type;
import org.jboss.logging.Logger;

/**
 * Build steps of the pltrack extension: makes the core's {@code @TrackMetadata} an interceptor
 * binding, registers the beans, checks how the application uses the annotations, and hints what
 * native images need.
 */
class PltrackProcessor {

    private static final Logger LOG = Logger.getLogger(PltrackProcessor.class);
    private static final String FEATURE = "pltrack";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * Users write the very annotation they write everywhere else; none of its members decides which
     * interceptor applies.
     */
    @BuildStep
    void interceptorBinding(BuildProducer<InterceptorBindingRegistrarBuildItem> bindings,
            BuildProducer<AdditionalIndexedClassesBuildItem> indexed, BuildProducer<AdditionalBeanBuildItem> beans) {
        indexed.produce(new AdditionalIndexedClassesBuildItem(AnnotationUsageCheck.TRACK_METADATA.toString()));
        bindings.produce(new InterceptorBindingRegistrarBuildItem(new InterceptorBindingRegistrar() {
            @Override
            public List<InterceptorBinding> getAdditionalBindings() {
                return List.of(InterceptorBinding.of(AnnotationUsageCheck.TRACK_METADATA,
                        Set.of("value", "trackExceptions")));
            }
        }));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(TrackMetadataInterceptor.class));
    }

    /**
     * {@code @TrackMetadata} on an interface (method or type) binds the interceptor to the bean
     * methods that implement it, as the core and the other frameworks honour it; CDI alone would not.
     * The same for a {@code default} method the bean inherits without overriding it.
     */
    @BuildStep
    void bindingsFromInterfaces(CombinedIndexBuildItem index, BuildProducer<AnnotationsTransformerBuildItem> transformers) {
        Set<String> implementations = InterfaceAnnotations.implementingMethods(index.getIndex());
        AnnotationInstance binding = AnnotationInstance.builder(AnnotationUsageCheck.TRACK_METADATA).build();
        transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(method -> implementations.contains(InterfaceAnnotations.key(method)))
                .transform(context -> context.add(binding))));
        // An inherited default method has no method in the bean class to bind: ArC intercepts it through
        // a class-level binding only.
        Set<DotName> inheritors = InterfaceAnnotations.classesInheritingAnnotatedDefaults(index.getIndex());
        if (!inheritors.isEmpty()) {
            transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forClasses()
                    .whenClass(type -> inheritors.contains(type.name()))
                    .transform(context -> context.add(binding))));
        }
    }

    /**
     * The client, the engine and the handler, created from the run-time configuration with the
     * application's dead-letter handler, delivery listeners and async result adapters. Default beans:
     * one of the application's own of the same type replaces each. The engine starts with the
     * application, so a missing key or a wrong setting fails start-up, not the first call.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void beans(PltrackRecorder recorder, ShutdownContextBuildItem shutdown,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        beans.produce(SyntheticBeanBuildItem.configure(TrackMetadataHandler.class)
                .scope(Singleton.class)
                .defaultBean()
                .addInjectionPoint(instanceOf(DeliveryEngine.class))
                .addInjectionPoint(instanceOf(AsyncResultAdapter.class))
                .createWith(recorder.handler())
                .setRuntimeInit()
                .unremovable()
                .done());
        beans.produce(SyntheticBeanBuildItem.configure(LlmCallLogger.class)
                .scope(Singleton.class)
                .defaultBean()
                .addInjectionPoint(instanceOf(DeliveryEngine.class))
                .createWith(recorder.llmCallLogger())
                .setRuntimeInit()
                .unremovable()
                .done());
        beans.produce(SyntheticBeanBuildItem.configure(PromptLayerClient.class)
                .scope(Singleton.class)
                .defaultBean()
                .addInjectionPoint(instanceOf(PromptLayerClientCustomizer.class))
                .createWith(recorder.client())
                .checkActive(recorder.activeWhenEnabled())
                .setRuntimeInit()
                .unremovable()
                .done());
        beans.produce(SyntheticBeanBuildItem.configure(DeliveryEngine.class)
                .scope(Singleton.class)
                .defaultBean()
                .addInjectionPoint(instanceOf(PromptLayerClient.class))
                .addInjectionPoint(instanceOf(DeadLetterHandler.class))
                .addInjectionPoint(instanceOf(DeliveryListener.class))
                .createWith(recorder.engine(shutdown))
                .checkActive(recorder.activeWhenEnabled())
                .startup()
                .setRuntimeInit()
                .unremovable()
                .done());
    }

    /** {@code Instance<type>}, the injection point a synthetic bean's creator looks beans up through. */
    private static Type instanceOf(Class<?> type) {
        return ParameterizedType.create(DotName.createSimple(Instance.class),
                new Type[] {ClassType.create(DotName.createSimple(type))}, null);
    }

    /**
     * The core's meters and health judgement, each only when the application has the extension that
     * shows them. Named as strings: their classes need Micrometer or MicroProfile Health to load.
     */
    @BuildStep
    void observability(Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metrics,
            PltrackBuildTimeConfig config, BuildProducer<AdditionalBeanBuildItem> beans) {
        // quarkus-micrometer provides the generic metrics capability and says which API it supports.
        if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses("dev.pltrack.quarkus.runtime.PltrackMetricsProducer").setUnremovable().build());
        }
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            // Wellness by default: pltrack's check never makes the application unready unless asked to.
            String check = config.readinessCheck()
                    ? "dev.pltrack.quarkus.runtime.PltrackReadinessCheck"
                    : "dev.pltrack.quarkus.runtime.PltrackWellnessCheck";
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(check).setUnremovable().build());
        }
    }

    /**
     * LangChain4j's chat calls logged: the listener bean, only when both LangChain4j and
     * pltrack-langchain4j are on the application's class path (the producer's types need them to load).
     */
    @BuildStep
    void langChain4j(BuildProducer<AdditionalBeanBuildItem> beans) {
        if (QuarkusClassLoader.isClassPresentAtRuntime("dev.langchain4j.model.chat.listener.ChatModelListener")
                && QuarkusClassLoader.isClassPresentAtRuntime("dev.pltrack.langchain4j.PromptLayerChatModelListener")) {
            beans.produce(AdditionalBeanBuildItem.builder()
                    .addBeanClasses("dev.pltrack.quarkus.runtime.PltrackLangChain4jProducer").setUnremovable().build());
        }
    }

    /**
     * Runs the core's analysis over every annotated method: its errors fail the build (the method
     * could never be tracked), its warnings are logged, or fail the build too with
     * {@code promptlayer.build.fail-on-warnings=true}.
     */
    @BuildStep
    void checkAnnotationUsage(BeanArchiveIndexBuildItem beanArchive, PltrackBuildTimeConfig config,
            BuildProducer<ValidationErrorBuildItem> errors) {
        AnnotationUsageCheck check = new AnnotationUsageCheck(beanArchive.getIndex(),
                Thread.currentThread().getContextClassLoader());
        for (TrackingProblem problem : check.problems()) {
            if (problem.severity() == TrackingProblem.Severity.ERROR) {
                errors.produce(new ValidationErrorBuildItem(new IllegalStateException(problem.toString())));
            } else if (config.failOnWarnings()) {
                errors.produce(new ValidationErrorBuildItem(new IllegalStateException(problem
                        + " (a warning, failing the build because promptlayer.build.fail-on-warnings=true)")));
            } else {
                LOG.warn(problem);
            }
        }
    }

    /**
     * What Feign and Jackson reach by reflection: the proxy of the endpoint's interface and the JSON
     * body. Registered for native images; not tested in one here.
     */
    @BuildStep
    void nativeImage(BuildProducer<NativeImageProxyDefinitionBuildItem> proxies,
            BuildProducer<ReflectiveClassBuildItem> reflective) {
        proxies.produce(new NativeImageProxyDefinitionBuildItem(PromptLayerApi.class.getName()));
        reflective.produce(ReflectiveClassBuildItem.builder(PromptLayerApi.class)
                .methods().reason("Feign reads the endpoint's annotations").build());
        reflective.produce(ReflectiveClassBuildItem.builder(TrackMetadataBody.class, TrackMetadataAnswer.class)
                .constructors().methods().fields().reason("Jackson writes and reads PromptLayer's JSON").build());
    }
}

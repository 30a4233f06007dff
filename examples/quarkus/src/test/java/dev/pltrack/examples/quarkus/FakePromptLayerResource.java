package dev.pltrack.examples.quarkus;

import dev.pltrack.testkit.FakePromptLayer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Starts a fake PromptLayer before the application and points {@code promptlayer.*} at it. */
public class FakePromptLayerResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link FakePromptLayer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectFake {
    }

    private FakePromptLayer fake;

    @Override
    public Map<String, String> start() {
        fake = FakePromptLayer.start();
        return Map.of("promptlayer.api-key", fake.apiKey(), "promptlayer.base-url", fake.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake,
                new TestInjector.AnnotatedAndMatchesType(InjectFake.class, FakePromptLayer.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}

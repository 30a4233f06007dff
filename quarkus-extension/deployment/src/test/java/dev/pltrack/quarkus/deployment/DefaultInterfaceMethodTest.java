package dev.pltrack.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.tracking.TrackMetadataHandler;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code default} interface methods: annotated (or on an annotated interface) and inherited by the bean
 * without overriding, they are tracked; the bean's other methods are not; an override is tracked too.
 */
class DefaultInterfaceMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DefaultMethods.class, DefaultMethods.Summarizer.class,
                    DefaultMethods.Pricing.class, DefaultMethods.SummarizerBean.class,
                    DefaultMethods.PricingBean.class, DefaultMethods.DiscountPricingBean.class, Answer.class,
                    SharedFake.class, SharedFake.Bridge.class))
            .overrideRuntimeConfigKey("promptlayer.api-key", SharedFake.API_KEY)
            .overrideRuntimeConfigKey("promptlayer.base-url", SharedFake.BASE_URL_EXPRESSION)
            .setBeforeAllCustomizer(SharedFake::start)
            .setAfterAllCustomizer(SharedFake::stop);

    @Inject
    DefaultMethods.Summarizer summarizer;

    @Inject
    DefaultMethods.SummarizerBean summarizerBean;

    @Inject
    DefaultMethods.PricingBean pricingBean;

    @Inject
    DefaultMethods.DiscountPricingBean discountPricing;

    @Inject
    TrackMetadataHandler handler;

    @BeforeEach
    void forgetEarlierTracks() {
        SharedFake.reset();
    }

    @Test
    void anAnnotatedDefaultMethodIsTrackedThroughTheInterfaceAndTheBeanClass() {
        long trackedBefore = handler.stats().tracked();

        assertThat(summarizer.summarize("billing", 951L)).isEqualTo(new Answer(951L, "summary of billing by bean"));
        assertThat(summarizerBean.summarize("refunds", 952L)).isEqualTo(new Answer(952L, "summary of refunds by bean"));

        SharedFake.awaitTracked(951, 952);
        assertThat(SharedFake.metadataFor(951)).isEqualTo(Map.of("via", "default-method", "topic", "billing"));
        assertThat(SharedFake.metadataFor(952)).isEqualTo(Map.of("via", "default-method", "topic", "refunds"));
        assertThat(handler.stats().tracked()).isEqualTo(trackedBefore + 2);
    }

    @Test
    void aDefaultMethodOfAnAnnotatedInterfaceIsTrackedAndTheBeansOtherMethodsAreNot() {
        long trackedBefore = handler.stats().tracked();

        assertThat(pricingBean.unrelated(960L)).isEqualTo(960L);
        assertThat(pricingBean.price("sku-9", 961L)).isEqualTo(961L);

        SharedFake.awaitTracked(961);
        assertThat(SharedFake.metadataFor(961)).isEqualTo(Map.of("via", "default-method-of-annotated-interface",
                "sku", "sku-9"));
        assertThat(SharedFake.receivedIds()).containsExactly(961L);
        assertThat(handler.stats().tracked()).isEqualTo(trackedBefore + 1);
    }

    @Test
    void anOverrideOfADefaultMethodOfAnAnnotatedInterfaceIsTracked() {
        assertThat(discountPricing.price("sku-7", 971L)).isEqualTo(971L);

        SharedFake.awaitTracked(971);
        assertThat(SharedFake.metadataFor(971)).isEqualTo(Map.of("via", "default-method-of-annotated-interface",
                "sku", "sku-7"));
    }
}

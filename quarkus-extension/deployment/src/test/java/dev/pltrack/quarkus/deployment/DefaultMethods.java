package dev.pltrack.quarkus.deployment;

import dev.pltrack.MetadataParam;
import dev.pltrack.TrackMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/** Annotated {@code default} interface methods that the beans inherit without overriding them. */
final class DefaultMethods {

    private DefaultMethods() {
    }

    /** The annotation on the default method itself. */
    public interface Summarizer {

        @TrackMetadata({"via=default-method"})
        default Answer summarize(@MetadataParam("topic") String topic, long id) {
            return new Answer(id, "summary of " + topic + " by " + name());
        }

        String name();
    }

    /** The annotation on the interface: its default methods are tracked as its abstract ones are. */
    @TrackMetadata({"via=default-method-of-annotated-interface"})
    public interface Pricing {

        default long price(@MetadataParam("sku") String sku, long id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class SummarizerBean implements Summarizer {
        @Override
        public String name() {
            return "bean";
        }
    }

    /** Overrides the default method of the annotated interface: tracked as an abstract one's implementation. */
    @ApplicationScoped
    public static class DiscountPricingBean implements Pricing {
        @Override
        public long price(String sku, long id) {
            return id;
        }
    }

    @ApplicationScoped
    public static class PricingBean implements Pricing {
        /** Not in the interface, not annotated: never tracked, although the bean is intercepted. */
        public long unrelated(long id) {
            return id;
        }
    }
}

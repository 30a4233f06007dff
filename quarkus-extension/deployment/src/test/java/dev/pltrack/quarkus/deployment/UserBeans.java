package dev.pltrack.quarkus.deployment;

import dev.pltrack.PromptLayerRequestId;
import dev.pltrack.TrackMetadata;
import dev.pltrack.client.PromptLayerResult;
import dev.pltrack.delivery.DeadLetter;
import dev.pltrack.delivery.DeadLetterHandler;
import dev.pltrack.delivery.DeliveryListener;
import dev.pltrack.tracking.AsyncResultAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Beans an application defines of pltrack's extension points, and a service that needs them. */
final class UserBeans {

    private UserBeans() {
    }

    @Singleton
    static class RecordingDeadLetters implements DeadLetterHandler {
        final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

        @Override
        public void handle(DeadLetter letter) {
            letters.add(letter);
        }
    }

    @Singleton
    static class RecordingListener implements DeliveryListener {
        final List<Long> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void delivered(PromptLayerResult result, Duration latency) {
            delivered.add(result.requestId());
        }
    }

    /** A result type of the application's own, completed by hand. */
    static final class Later {
        private volatile BiConsumer<Object, Throwable> onComplete;

        void complete(long requestId) {
            onComplete.accept(requestId, null);
        }
    }

    /** Teaches the handler {@link Later}, as the application's own adapter. */
    @Singleton
    static class LaterAdapter implements AsyncResultAdapter {
        @Override
        public boolean supports(Class<?> returnType) {
            return Later.class.isAssignableFrom(returnType);
        }

        @Override
        public Object whenComplete(Object result, BiConsumer<Object, Throwable> onComplete) {
            ((Later) result).onComplete = onComplete;
            return result;
        }
    }

    @ApplicationScoped
    static class Service {
        @TrackMetadata("source=user-beans")
        public long returned(long id) {
            return id;
        }

        @TrackMetadata("source=rejected")
        public void rejected(@PromptLayerRequestId long id) {
        }

        @TrackMetadata("source=later")
        public Later later() {
            return new Later();
        }
    }
}

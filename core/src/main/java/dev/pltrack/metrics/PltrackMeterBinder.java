package dev.pltrack.metrics;

import dev.pltrack.client.FailureReason;
import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import dev.pltrack.tracking.TrackMetadataHandler;
import dev.pltrack.tracking.TrackingStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for pltrack's counters: the delivery engine's {@link DeliveryStats} and, when
 * given, the annotation handler's {@link TrackingStats}. Meters read the live counters when the
 * registry asks, so nothing is recorded on the tracking path.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code pltrack.tracks.submitted}, {@code .coalesced}, {@code .delivered}, {@code .retried}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code pltrack.tracks.failed}</td><td>counter</td><td>{@code reason} (expired: older than max-age)</td></tr>
 *   <tr><td>{@code pltrack.tracks.rejected}</td><td>counter</td><td>{@code reason}: queue_full, engine_closed</td></tr>
 *   <tr><td>{@code pltrack.queue.pending}, {@code .capacity}, {@code .saturation}</td><td>gauge</td><td></td></tr>
 *   <tr><td>{@code pltrack.delivery.in.flight}, {@code .window}, {@code .paused}, {@code .outage}</td><td>gauge</td><td></td></tr>
 *   <tr><td>{@code pltrack.delivery.pauses}, {@code .window.decreases}, {@code .outages}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code pltrack.delivery.latency.max}, {@code .mean}</td><td>time gauge</td><td></td></tr>
 *   <tr><td>{@code pltrack.calls}</td><td>counter</td><td>{@code outcome}: tracked, refused, no_request_id,
 *       invalid, misused, error</td></tr>
 *   <tr><td>{@code pltrack.metadata.unconvertible}</td><td>counter</td><td></td></tr>
 * </table>
 *
 * <p>Micrometer is an optional dependency of pltrack-core: only this package needs it.
 */
public final class PltrackMeterBinder implements MeterBinder {

    private static final Set<FailureReason> REJECTION_REASONS =
            EnumSet.of(FailureReason.QUEUE_FULL, FailureReason.ENGINE_CLOSED);

    private final DeliveryEngine engine;
    private final TrackMetadataHandler handler;
    private final Tags tags;

    /** @param handler the annotation handler, or null when only the engine is used */
    public PltrackMeterBinder(DeliveryEngine engine, TrackMetadataHandler handler) {
        this(engine, handler, Tags.empty());
    }

    /** @param tags added to every meter (e.g. to tell two engines apart) */
    public PltrackMeterBinder(DeliveryEngine engine, TrackMetadataHandler handler, Iterable<Tag> tags) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.handler = handler;
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindDelivery(registry);
        if (handler != null) {
            bindCalls(registry);
        }
    }

    private void bindDelivery(MeterRegistry registry) {
        counter(registry, "pltrack.tracks.submitted", "Tracks accepted by the delivery engine",
                Tags.empty(), stats -> stats.submitted());
        counter(registry, "pltrack.tracks.coalesced", "Tracks merged into a waiting track for the same request id",
                Tags.empty(), stats -> stats.coalesced());
        counter(registry, "pltrack.tracks.delivered", "HTTP calls PromptLayer accepted",
                Tags.empty(), stats -> stats.delivered());
        counter(registry, "pltrack.tracks.retried", "Attempts scheduled again after a retryable failure",
                Tags.empty(), stats -> stats.retried());
        for (FailureReason reason : FailureReason.values()) {
            counter(registry, "pltrack.tracks.failed", "Tracks given up and handed to the dead-letter handler",
                    Tags.of("reason", tagValue(reason)), stats -> stats.failed(reason));
        }
        for (FailureReason reason : REJECTION_REASONS) {
            counter(registry, "pltrack.tracks.rejected", "Tracks refused at submission",
                    Tags.of("reason", tagValue(reason)), stats -> stats.rejected(reason));
        }
        gauge(registry, "pltrack.queue.pending", "Tracks accepted and not yet finished", stats -> stats.pending());
        gauge(registry, "pltrack.queue.capacity", "How many tracks may be pending at once", stats -> stats.capacity());
        gauge(registry, "pltrack.queue.saturation", "pending / capacity, from 0 to 1", DeliveryStats::saturation);
        gauge(registry, "pltrack.delivery.in.flight", "HTTP requests in flight", stats -> stats.inFlight());
        gauge(registry, "pltrack.delivery.window", "Requests allowed in flight now (the adaptive window)",
                stats -> stats.window());
        gauge(registry, "pltrack.delivery.paused", "1 while all sending is paused by a Retry-After, else 0",
                stats -> stats.paused() ? 1 : 0);
        counter(registry, "pltrack.delivery.pauses", "Times all sending was paused by a Retry-After",
                Tags.empty(), stats -> stats.pauses());
        gauge(registry, "pltrack.delivery.outage", "1 while PromptLayer looks unreachable and only probes are sent, else 0",
                stats -> stats.outage() ? 1 : 0);
        counter(registry, "pltrack.delivery.outages", "Times PromptLayer looked unreachable (the engine's outage mode)",
                Tags.empty(), stats -> stats.outages());
        counter(registry, "pltrack.delivery.window.decreases", "Times the window shrank on 429, 502-504 or a timeout",
                Tags.empty(), stats -> stats.windowDecreases());
        timeGauge(registry, "pltrack.delivery.latency.max", "Longest time from submission to delivery",
                stats -> stats.latencyMax().toNanos());
        timeGauge(registry, "pltrack.delivery.latency.mean", "Mean time from submission to delivery",
                stats -> stats.latencyMean().toNanos());
    }

    private void bindCalls(MeterRegistry registry) {
        calls(registry, "tracked", TrackingStats::tracked);
        calls(registry, "refused", TrackingStats::refused);
        calls(registry, "no_request_id", TrackingStats::noRequestId);
        calls(registry, "invalid", TrackingStats::invalid);
        calls(registry, "misused", TrackingStats::misused);
        calls(registry, "error", TrackingStats::errors);
        FunctionCounter.builder("pltrack.metadata.unconvertible", handler, h -> h.stats().unconvertible())
                .description("@MetadataParam values that could not become text; their key was left out")
                .tags(tags)
                .register(registry);
    }

    private void calls(MeterRegistry registry, String outcome, ToDoubleFunction<TrackingStats> count) {
        FunctionCounter.builder("pltrack.calls", handler, h -> count.applyAsDouble(h.stats()))
                .description("@TrackMetadata calls, by what became of their track")
                .tags(tags)
                .tag("outcome", outcome)
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, Tags extra,
            ToDoubleFunction<DeliveryStats> count) {
        FunctionCounter.builder(name, engine, e -> count.applyAsDouble(e.stats()))
                .description(description)
                .tags(tags.and(extra))
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<DeliveryStats> value) {
        Gauge.builder(name, engine, e -> value.applyAsDouble(e.stats()))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private void timeGauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<DeliveryStats> nanos) {
        TimeGauge.builder(name, engine, TimeUnit.NANOSECONDS, e -> nanos.applyAsDouble(e.stats()))
                .description(description)
                .tags(tags)
                .register(registry);
    }

    private static String tagValue(FailureReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}

package dev.pltrack.health;

import dev.pltrack.delivery.DeliveryEngine;
import dev.pltrack.delivery.DeliveryStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a {@link DeliveryEngine}'s health from its counters, for the frameworks' health endpoints
 * (Spring Actuator, Micronaut management, SmallRye Health) to map onto their own types.
 *
 * <p>Down when:
 * <ul>
 *   <li>the engine is closed;</li>
 *   <li>PromptLayer refused the API key (401 or 403) within the last {@code authFailureWindow}
 *       and nothing was delivered since: every track will fail until the key is fixed;</li>
 *   <li>PromptLayer looks unreachable (the engine's outage mode): tracks wait in the queue and are
 *       delivered once a probe gets through, unless they grow older than {@code max-age};</li>
 *   <li>the queue is at least {@code saturationThreshold} full: tracks are about to be refused.</li>
 * </ul>
 * Other failures (a few timeouts or 5xx) are retried by the engine and only shown in the details.
 *
 * <p>Judged from the order of events the engine recorded, not from when health is asked: a 401
 * followed by a delivery is up at the very next check, and a 401 followed by a failure of another
 * kind is still down. Thread-safe and stateless.
 */
public final class PltrackHealthCheck {

    public static final double DEFAULT_SATURATION_THRESHOLD = 0.9;
    public static final Duration DEFAULT_AUTH_FAILURE_WINDOW = Duration.ofMinutes(5);

    private final DeliveryEngine engine;
    private final Clock clock;
    private final double saturationThreshold;
    private final Duration authFailureWindow;

    public PltrackHealthCheck(DeliveryEngine engine) {
        this(engine, Clock.systemUTC(), DEFAULT_SATURATION_THRESHOLD, DEFAULT_AUTH_FAILURE_WINDOW);
    }

    public PltrackHealthCheck(DeliveryEngine engine, Clock clock, double saturationThreshold,
            Duration authFailureWindow) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(saturationThreshold > 0 && saturationThreshold <= 1)) {
            throw new IllegalArgumentException("saturationThreshold must be in (0, 1], was " + saturationThreshold);
        }
        this.saturationThreshold = saturationThreshold;
        this.authFailureWindow = Objects.requireNonNull(authFailureWindow, "authFailureWindow");
    }

    public PltrackHealth check() {
        DeliveryStats stats = engine.stats();
        Instant now = clock.instant();
        Instant authFailedAt = stats.deliveredSinceKeyRefused() ? null : stats.lastKeyRefusedAt().orElse(null);
        Map<String, Object> details = details(stats);
        if (engine.isClosed()) {
            return new PltrackHealth(false, "the delivery engine is closed: tracks are refused", details);
        }
        if (authFailedAt != null && !now.isAfter(authFailedAt.plus(authFailureWindow))) {
            details.put("apiKeyRefusedAt", authFailedAt.toString());
            return new PltrackHealth(false, "PromptLayer refused the API key (401/403): check promptlayer.api-key"
                    + " or PROMPTLAYER_API_KEY", details);
        }
        if (stats.outage()) {
            return new PltrackHealth(false, "PromptLayer is unreachable" + stats.outageSince()
                    .map(since -> " since " + since).orElse("") + " (refused connections, timeouts or 5xx): "
                    + stats.pending() + " tracks wait in the queue for up to promptlayer.delivery.max-age", details);
        }
        if (stats.saturation() >= saturationThreshold) {
            return new PltrackHealth(false, "the delivery queue is " + percent(stats.saturation())
                    + " full: new tracks will soon be refused (promptlayer.delivery.queue-capacity)", details);
        }
        return new PltrackHealth(true, null, details);
    }

    private static Map<String, Object> details(DeliveryStats stats) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", stats.pending());
        details.put("capacity", stats.capacity());
        details.put("saturation", Math.round(stats.saturation() * 1000) / 1000.0);
        details.put("submitted", stats.submitted());
        details.put("delivered", stats.delivered());
        details.put("failed", stats.failed());
        details.put("rejected", stats.rejected());
        details.put("retried", stats.retried());
        details.put("expired", stats.expired());
        details.put("outage", stats.outage());
        stats.outageSince().ifPresent(since -> details.put("outageSince", since.toString()));
        stats.lastFailure().ifPresent(reason -> details.put("lastFailure", reason.name()));
        stats.lastFailureAt().ifPresent(at -> details.put("lastFailureAt", at.toString()));
        return details;
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    @Override
    public String toString() {
        return "PltrackHealthCheck[saturationThreshold=" + saturationThreshold + ", authFailureWindow="
                + authFailureWindow + "]";
    }
}

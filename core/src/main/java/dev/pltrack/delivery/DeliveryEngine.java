package dev.pltrack.delivery;

import dev.pltrack.TrackingContext;
import dev.pltrack.client.AwaitingLog;
import dev.pltrack.client.FailureReason;
import dev.pltrack.client.FollowUp;
import dev.pltrack.client.LogRequest;
import dev.pltrack.client.LoggedRequest;
import dev.pltrack.client.PromptLayerClient;
import dev.pltrack.client.PromptLayerException;
import dev.pltrack.client.PromptLayerHttpException;
import dev.pltrack.client.PromptLayerResult;
import dev.pltrack.client.PromptLayerTransportException;
import dev.pltrack.client.PromptLinkRequest;
import dev.pltrack.client.RetryPolicy;
import dev.pltrack.client.ScoreRequest;
import dev.pltrack.client.Submission;
import dev.pltrack.client.TrackRequest;
import dev.pltrack.client.TrackResult;
import dev.pltrack.internal.RateLimitedLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers tracks to PromptLayer in the background, so that tracking never makes the caller wait for
 * the network; and the rest of the request family the same way: logged LLM calls, scores, prompt
 * links.
 *
 * <pre>{@code
 * DeliveryEngine engine = DeliveryEngine.builder(client).build();   // starts its dispatcher
 * engine.track(requestId, Map.of("user_id", "u-42"));              // validates, queues, returns at once
 *
 * LogHandle call = engine.log(logRequest);                          // the id is not known yet
 * engine.track(call, Map.of("user_id", "u-42"));                    // travels inside the log if not sent yet
 * engine.score(call, 90, "helpfulness");                            // sent for the new id once known
 * ...
 * engine.close();                                                   // flushes within shutdown-timeout
 * }</pre>
 *
 * <ul>
 *   <li>Bounded: at most {@code queue-capacity} tracks are pending (waiting, being sent or waiting for
 *       a retry). Beyond that, {@link OverflowPolicy} decides; every refusal is counted, fails its
 *       future with {@link TrackRejectedException} and is reported by a rate-limited warning.</li>
 *   <li>Coalescing: tracks for a request id that is still waiting merge into one call, later keys
 *       winning, as PromptLayer merges them. At most one call per request id is under way at a time,
 *       so an older value can never overwrite a newer one ({@link PendingTrack} has the states).</li>
 *   <li>Many requests in flight, no thread per request: sends are asynchronous, up to a window
 *       ({@link SendWindow}) that adapts between {@code min-in-flight} and {@code max-in-flight}; a
 *       {@code Retry-After} pauses all sending. Whoever frees a slot sends the next ready track: an
 *       answer coming back (on the HTTP client's completion threads), a retry coming due (on the
 *       retry timer), or the one dispatcher thread, which looks at the queue every {@code linger} and
 *       when woken. A failed attempt that the {@link RetryPolicy} retries waits on a timer.</li>
 *   <li>Outages: when answers in a row say PromptLayer is unreachable (refused connections, timeouts,
 *       5xx), the engine stops sending and probes with one track at a time on a growing pause
 *       ({@link Outage}); tracks wait in the queue, their attempts not counted against the retry
 *       policy, until PromptLayer answers or they are older than {@code max-age}.</li>
 *   <li>{@link #close()} refuses new tracks and delivers what is pending until {@code shutdown-timeout};
 *       what is left, and every track PromptLayer refused or that ran out of retries, goes to the
 *       {@link DeadLetterHandler} once.</li>
 *   <li>Logs ({@link #log}): a log is pending like a track and answers a {@link LogHandle}. Metadata
 *       and the default score addressed to the handle before the log is sent fold into it, so the
 *       common case costs one call; other follow-ups wait for the id ({@link LogFollowUps}), holding
 *       room, and are submitted for it once the log is delivered, or dead-lettered, once each, if it
 *       fails. Scores coalesce per request id and name, prompt links per request id; "a track" in
 *       this page means any of these.</li>
 * </ul>
 *
 * Thread-safe. {@link #stats()} reads the counters; {@link DeliveryListener}s hear each event.
 */
public final class DeliveryEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static final long DISPATCHER_STOP_GRACE_MILLIS = 1_000;

    /** Where a submission went: the one admission path's typed answer. */
    private sealed interface Admission permits Queued, Refused {
    }

    /** Queued as a new track, or merged into one that waits. */
    private record Queued(PendingTrack carrier) implements Admission {
    }

    /** How a track that traveled inside a log reports its result (the track has no call of its own). */
    static final String SENT_WITH_THE_LOG = "sent with the log";

    private record Refused(FailureReason reason) implements Admission {
    }

    private final PromptLayerClient client;
    private final DeliveryConfig config;
    private final RetryPolicy retryPolicy;
    private final DeadLetterHandler deadLetters;
    private final List<DeliveryListener> listeners;
    private final DeliveryCounters counters;
    private final Semaphore room;
    private final ConcurrentHashMap<DeliveryKey, PendingTrack> byKey = new ConcurrentHashMap<>();
    private final AtomicLong logNumbers = new AtomicLong();
    private final ReadyQueue ready;
    private final SendWindow window;
    private final Outage outage;
    private final long maxAgeNanos;
    /** Dispatch requests not yet served; only the thread that took it from 0 dispatches (no recursion). */
    private final AtomicInteger dispatchRequests = new AtomicInteger();
    private final ScheduledThreadPoolExecutor retryTimer;
    private final Thread dispatcher;
    private final Thread exitHook;
    private final RateLimitedLog overflowWarnings = new RateLimitedLog(LOG, 10, TimeUnit.SECONDS);
    private final Object drainMonitor = new Object();
    private final AtomicInteger drainWaiters = new AtomicInteger();
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private volatile boolean terminated;
    private volatile long closeDeadlineNanos;

    private DeliveryEngine(Builder builder) {
        this.client = builder.client;
        this.config = builder.config;
        this.retryPolicy = client.config().retryPolicy();
        this.deadLetters = builder.deadLetters;
        this.listeners = List.copyOf(builder.listeners);
        this.counters = new DeliveryCounters(builder.clock);
        this.room = new Semaphore(config.queueCapacity());
        this.ready = new ReadyQueue(config.linger().toNanos());
        this.window = new SendWindow(config.minInFlight(), config.maxInFlight());
        this.outage = new Outage(retryPolicy, builder.clock);
        this.maxAgeNanos = config.maxAge().toNanos();
        String name = "pltrack-delivery-" + ENGINES.incrementAndGet();
        this.retryTimer = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, name + "-retry-timer"));
        retryTimer.setRemoveOnCancelPolicy(true);
        this.dispatcher = daemon(this::dispatchLoop, name + "-dispatcher");
        dispatcher.start();
        this.exitHook = config.closeOnExit() ? new Thread(this::closeAtExit, name + "-exit") : null;
        if (exitHook != null) {
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
    }

    /** An engine with default settings on {@code client}, started. */
    public static DeliveryEngine start(PromptLayerClient client) {
        return builder(client).build();
    }

    public static Builder builder(PromptLayerClient client) {
        return new Builder(client);
    }

    public DeliveryConfig config() {
        return config;
    }

    /** The client the engine sends with; its {@link PromptLayerClient#track} is the synchronous way. */
    public PromptLayerClient client() {
        return client;
    }

    /**
     * Validates and queues a track, returning at once.
     *
     * @return completes with PromptLayer's answer once delivered (possibly merged with other tracks for
     *         the same request id), or exceptionally with the {@link PromptLayerException} that ended
     *         it: {@link TrackRejectedException} if it was refused now, the last failure if it was
     *         given up, {@link TrackAbandonedException} if the engine closed first
     * @throws dev.pltrack.client.InvalidTrackRequestException when a rule is broken; nothing is queued
     */
    public CompletableFuture<TrackResult> track(long requestId, Map<String, String> metadata) {
        return track(TrackRequest.of(requestId, metadata));
    }

    /** As {@link #track(long, Map)}, for a request validated earlier. */
    public CompletableFuture<TrackResult> track(TrackRequest request) {
        return submit(Objects.requireNonNull(request, "request"));
    }

    /** Queues a score, as {@link #track} queues metadata; a later score of the same name and id wins. */
    public CompletableFuture<TrackResult> score(ScoreRequest request) {
        return submit(Objects.requireNonNull(request, "request"));
    }

    /** Queues a prompt link, as {@link #track} queues metadata; a later link for the same id wins. */
    public CompletableFuture<TrackResult> linkPrompt(PromptLinkRequest request) {
        return submit(Objects.requireNonNull(request, "request"));
    }

    private CompletableFuture<TrackResult> submit(Submission request) {
        Admission admitted = admit(request, false);
        if (admitted instanceof Queued queued) {
            return queued.carrier().observe().thenApply(DeliveryEngine::asTrackResult);
        }
        return CompletableFuture.failedFuture(refusal(request, ((Refused) admitted).reason()));
    }

    /**
     * Queues an LLM call to log, returning at once with a handle on the request id PromptLayer will
     * give it. Each {@code @TrackMetadata} call in progress ({@link TrackingContext}) hears of it, and
     * sends its metadata to it when nothing else gives the call a request id. Its {@link LogHandle#logged()} completes as {@link #track}'s futures do: exceptionally
     * at once with a {@link TrackRejectedException} when the log is refused (queue full, engine closed).
     */
    public LogHandle log(LogRequest request) {
        Objects.requireNonNull(request, "request");
        LogFollowUps followUps = new LogFollowUps(request);
        FailureReason refused = closed ? FailureReason.ENGINE_CLOSED : takeRoom();
        if (refused != null) {
            refuse(request, refused);
            followUps.refused(refused);
            return new LogHandle(this, followUps, null, CompletableFuture.failedFuture(refusal(request, refused)));
        }
        DeliveryKey key = DeliveryKey.ofLog(logNumbers.incrementAndGet());
        PendingTrack pending = new PendingTrack(request, key, System.nanoTime(), followUps);
        LogHandle handle = new LogHandle(this, followUps, pending,
                pending.observe().thenApply(LoggedRequest.class::cast));
        byKey.put(key, pending);
        counters.submitted.increment();
        // Before it can be sent: a @TrackMetadata call in progress may hold it back until it has
        // added its metadata (at most until the call returns), so that both travel in one call.
        int holds = TrackingContext.logged(handle);
        if (holds == 0 || !pending.hold(holds)) {
            makeReady(pending);
        }
        abandonIfTerminated(pending);
        return handle;
    }

    /** A hold on a log ended ({@link LogHandle#release()}): the last one makes it ready to send. */
    void release(LogHandle log) {
        if (log.pending != null && log.pending.releaseHold()) {
            makeReady(log.pending);
        }
    }

    /**
     * Metadata for a logged call: inside the log if it has not been sent yet, else as a track for its
     * id once known. The future completes once it is delivered either way (with the log's request id
     * and {@value #SENT_WITH_THE_LOG} as the message when it traveled inside the log).
     *
     * @throws dev.pltrack.client.InvalidTrackRequestException when a rule is broken; nothing is queued
     */
    public CompletableFuture<TrackResult> track(LogHandle log, Map<String, String> metadata) {
        return followUp(log, new FollowUp.Metadata(metadata));
    }

    /**
     * A score for a logged call, 0 to 100, under {@code name} ({@code null} for the default score,
     * which travels inside the log if it has not been sent yet).
     *
     * @throws dev.pltrack.client.InvalidTrackRequestException when a rule is broken; nothing is queued
     */
    public CompletableFuture<TrackResult> score(LogHandle log, int score, String name) {
        return followUp(log, new FollowUp.Score(score, name));
    }

    /** A prompt link for a logged call, sent once its id is known. */
    public CompletableFuture<TrackResult> linkPrompt(LogHandle log, FollowUp.PromptLink link) {
        return followUp(log, Objects.requireNonNull(link, "link"));
    }

    /** Any follow-up for a logged call; see {@link #track(LogHandle, Map)}. */
    public CompletableFuture<TrackResult> followUp(LogHandle log, FollowUp followUp) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(followUp, "followUp");
        if (closed) {
            return refusedFollowUp(log, followUp, FailureReason.ENGINE_CLOSED);
        }
        boolean haveRoom = false;
        while (true) {
            LogFollowUps.Offer offer = log.followUps.offer(followUp, log.pending, haveRoom);
            if (offer instanceof LogFollowUps.Offer.NeedsRoom) {
                FailureReason refused = takeRoom();
                if (refused != null) {
                    return refusedFollowUp(log, followUp, refused);
                }
                haveRoom = true;
                continue;
            }
            if (haveRoom && !(offer instanceof LogFollowUps.Offer.Added)) {
                freeRoom();
            }
            if (offer instanceof LogFollowUps.Offer.Logged logged) {
                return submit(followUp.addressedTo(logged.requestId()));
            }
            if (offer instanceof LogFollowUps.Offer.Refused refusedLog) {
                return refusedFollowUp(log, followUp, refusedLog.reason());
            }
            counters.submitted.increment();
            if (offer instanceof LogFollowUps.Offer.Failed failedLog) {
                PromptLayerException failure = logFailedFor(followUp, failedLog.failure());
                deadLetter(new DeadLetter(new AwaitingLog(log.followUps.log(), followUp), failure, 0));
                return CompletableFuture.failedFuture(failure);
            }
            CompletableFuture<PromptLayerResult> result;
            if (offer instanceof LogFollowUps.Offer.Folded) {
                counters.coalesced.increment();
                result = log.pending.observe();
            } else if (offer instanceof LogFollowUps.Offer.Merged merged) {
                counters.coalesced.increment();
                result = merged.future();
            } else {
                result = ((LogFollowUps.Offer.Added) offer).future();
            }
            abandonIfTerminated(log.pending);
            return result.thenApply(DeliveryEngine::asTrackResult);
        }
    }

    private CompletableFuture<TrackResult> refusedFollowUp(LogHandle log, FollowUp followUp, FailureReason reason) {
        AwaitingLog refused = new AwaitingLog(log.followUps.log(), followUp);
        refuse(refused, reason);
        return CompletableFuture.failedFuture(refusal(refused, reason));
    }

    private static PromptLayerException logFailedFor(FollowUp followUp, PromptLayerException logFailure) {
        return new PromptLayerException(logFailure.reason(), "Not sent: " + followUp.summary()
                + " waited for a log that was not delivered (" + logFailure.reason() + ")", logFailure);
    }

    /** A follow-up that traveled inside its log reports the log's request id. */
    private static TrackResult asTrackResult(PromptLayerResult result) {
        if (result instanceof TrackResult track) {
            return track;
        }
        return new TrackResult(result.requestId(), SENT_WITH_THE_LOG, result.attempts());
    }

    /**
     * Queues a track without a future, for callers that only need to know whether it was accepted
     * (the {@code @TrackMetadata} interceptors). A refusal is counted and reported as by {@link #track}.
     *
     * @return true if queued or merged, false if refused
     */
    public boolean offer(TrackRequest request) {
        return admit(Objects.requireNonNull(request, "request"), false) instanceof Queued;
    }

    /**
     * Waits until every accepted track has finished (delivered or failed), without closing.
     *
     * @return true if nothing is pending, false if {@code timeout} ran out first
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        ready.wakeDispatcher();
        return awaitDrained(System.nanoTime() + timeout.toNanos());
    }

    public DeliveryStats stats() {
        return counters.snapshot(ready.size(), pending(), config.queueCapacity(), window, outage);
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * The one admission path: queued (new or merged) or refused with its reason.
     *
     * @param heldAndCounted a follow-up whose log got its id: it holds room and was counted when
     *                       submitted, and is admitted even while closing (it was accepted before)
     */
    private Admission admit(Submission request, boolean heldAndCounted) {
        if (closed && !heldAndCounted) {
            return refuse(request, FailureReason.ENGINE_CLOSED);
        }
        DeliveryKey key = DeliveryKey.of(request);
        PendingTrack fresh = heldAndCounted ? new PendingTrack(request, key, System.nanoTime()) : null;
        while (true) {
            PendingTrack head = byKey.get(key);
            if (head == null) {
                if (fresh == null) {
                    FailureReason refused = takeRoom();
                    if (refused != null) {
                        return refuse(request, refused);
                    }
                    fresh = new PendingTrack(request, key, System.nanoTime());
                }
                if (byKey.putIfAbsent(key, fresh) == null) {
                    if (!heldAndCounted) {
                        counters.submitted.increment();
                    }
                    makeReady(fresh);
                    abandonIfTerminated(fresh);
                    return new Queued(fresh);
                }
                continue;
            }
            PendingTrack.Merge merge = head.merge(request, fresh);
            if (merge instanceof PendingTrack.Merge.NeedsSuccessor) {
                FailureReason refused = takeRoom();
                if (refused != null) {
                    return refuse(request, refused);
                }
                fresh = new PendingTrack(request, key, System.nanoTime());
            } else if (merge instanceof PendingTrack.Merge.CarriedBy carried) {
                PendingTrack carrier = carried.carrier();
                if (!heldAndCounted) {
                    counters.submitted.increment();
                }
                if (carrier != fresh) {
                    counters.coalesced.increment();
                    if (fresh != null) {
                        freeRoom();
                    }
                }
                abandonIfTerminated(head);
                return new Queued(carrier);
            }
            // AlreadyDone: the head finished meanwhile; look the request id up again.
        }
    }

    /** From a caller: queues, and wakes the dispatcher only when the queue says so and a slot is free. */
    private void makeReady(PendingTrack pending) {
        if (ready.offer(pending) && window.hasRoom()) {
            ready.wakeDispatcher();
        }
    }

    /** Takes room for one more pending track, or says why not. */
    private FailureReason takeRoom() {
        boolean taken;
        if (config.overflowPolicy() == OverflowPolicy.BLOCK) {
            try {
                taken = room.tryAcquire(config.blockTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                taken = false;
            }
        } else {
            taken = room.tryAcquire();
        }
        if (taken && closed) {
            freeRoom();
            return FailureReason.ENGINE_CLOSED;
        }
        return taken ? null : closed ? FailureReason.ENGINE_CLOSED : FailureReason.QUEUE_FULL;
    }

    private void freeRoom() {
        room.release();
        if (drainWaiters.get() > 0) {
            synchronized (drainMonitor) {
                drainMonitor.notifyAll();
            }
        }
    }

    private int pending() {
        return config.queueCapacity() - room.availablePermits();
    }

    private Refused refuse(Submission request, FailureReason reason) {
        counters.rejected(reason);
        if (reason == FailureReason.QUEUE_FULL) {
            overflowWarnings.warn(leftOut -> "PromptLayer delivery queue is full (" + config.queueCapacity()
                    + " pending, " + config.overflowPolicy() + "): " + request.subject() + " refused"
                    + (leftOut > 0 ? "; " + leftOut + " more refused since the last warning" : "")
                    + ". Raise " + DeliveryConfig.QUEUE_CAPACITY_PROPERTY + " or "
                    + DeliveryConfig.MAX_IN_FLIGHT_PROPERTY + ", or check that PromptLayer is reachable.");
        }
        if (!listeners.isEmpty()) {
            TrackRejectedException refusal = refusal(request, reason);
            notifyListeners(listener -> listener.rejected(request, refusal));
        }
        return new Refused(reason);
    }

    private TrackRejectedException refusal(Submission request, FailureReason reason) {
        return new TrackRejectedException(reason, reason == FailureReason.QUEUE_FULL
                ? request.subject() + " refused: the delivery queue is full ("
                        + DeliveryConfig.QUEUE_CAPACITY_PROPERTY + "=" + config.queueCapacity() + ")"
                : request.subject() + " refused: the delivery engine is closed");
    }

    /**
     * The dispatcher thread. It prepares the client (transport, Feign proxy, JSON) when the first track
     * is ready to send, not when the engine starts: an application that starts an engine does not pay
     * for what only sending needs, on any thread, while it starts up; the first track waits for it.
     */
    private void dispatchLoop() {
        boolean prepared = false;
        while (!terminated) {
            if (!prepared && ready.size() > 0) {
                prepareClient();
                prepared = true;
            }
            dispatch();
            try {
                ready.park();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void prepareClient() {
        try {
            client.prepare();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not prepare the PromptLayer client; every send will fail", e);
        }
    }

    /**
     * Sends ready tracks while the window has room. Any thread may call it; only one dispatches at
     * a time, and a call made while another dispatches makes that one look again, so nothing is
     * missed and a send that fails at once cannot recurse into dispatching.
     */
    private void dispatch() {
        if (dispatchRequests.getAndIncrement() != 0) {
            return;
        }
        int requests = 1;
        do {
            sendWhileRoom();
            requests = dispatchRequests.addAndGet(-requests);
        } while (requests != 0);
    }

    private void sendWhileRoom() {
        while (!terminated) {
            // In an outage only the probe goes out, one at a time; everything else waits for it.
            boolean probe = outage.isActive();
            if (probe) {
                if (!outage.mayProbe()) {
                    return;
                }
                ready.removeOlderThan(maxAgeNanos, System.nanoTime(), this::expire);
            }
            long ticket = window.tryAcquire();
            PendingTrack pending = ticket == 0 ? null : pollUnexpired();
            Submission attempt = pending == null ? null : pending.beginAttempt();
            if (attempt == null) {
                if (ticket != 0) {
                    window.cancel();
                }
                if (probe) {
                    outage.probeNotSent();
                }
                if (pending == null) {
                    return;
                }
                continue;   // given up meanwhile: try the next one
            }
            send(pending, attempt, ticket, probe);
            if (probe) {
                return;
            }
        }
    }

    /** The next ready track, giving up on the way those older than max-age. */
    private PendingTrack pollUnexpired() {
        while (true) {
            PendingTrack next = ready.poll();
            if (next == null || !next.olderThan(maxAgeNanos, System.nanoTime())) {
                return next;
            }
            expire(next);
        }
    }

    private void expire(PendingTrack pending) {
        PromptLayerException last = pending.lastFailure();
        giveUp(pending, new PromptLayerException(FailureReason.EXPIRED, pending.snapshot().subject()
                + " not delivered within " + DeliveryConfig.MAX_AGE_PROPERTY + " (" + config.maxAge() + ")"
                + (last != null ? "; last attempt failed: " + last.reason() : ""), last));
    }

    private void send(PendingTrack pending, Submission attempt, long ticket, boolean probe) {
        CompletableFuture<? extends PromptLayerResult> answer;
        try {
            answer = sendOnce(attempt, pending.attempts());
        } catch (RuntimeException | LinkageError unexpected) {
            // A client that could not be built (prepareClient logged why) fails this attempt, not the dispatcher.
            answer = CompletableFuture.failedFuture(unexpected);
        }
        answer.whenComplete((result, failure) -> answered(pending, attempt, ticket, probe, result, failure));
    }

    private CompletableFuture<? extends PromptLayerResult> sendOnce(Submission attempt, int number) {
        if (attempt instanceof TrackRequest track) {
            return client.trackOnceAsync(track, number);
        }
        if (attempt instanceof LogRequest log) {
            return client.logRequestOnceAsync(log, number);
        }
        if (attempt instanceof ScoreRequest score) {
            return client.trackScoreOnceAsync(score, number);
        }
        return client.trackPromptOnceAsync((PromptLinkRequest) attempt, number);
    }

    /** An attempt ended: learn from it, finish or retry the track, then send what is ready. */
    private void answered(PendingTrack pending, Submission attempt, long ticket, boolean probe,
            PromptLayerResult result, Throwable failure) {
        // The slot goes back first and exactly once, whatever happens next: one answer must never cost
        // the engine a slot of its window.
        PromptLayerException reason = null;
        SendWindow.Signal signal = SendWindow.Signal.HEALTHY;
        if (failure != null) {
            try {
                reason = asPromptLayerException(attempt, failure);
                signal = signalOf(reason);
            } catch (Throwable unexpected) {
                reason = new PromptLayerException(FailureReason.NETWORK,
                        "Unexpected failure sending the track: " + unexpected.getClass().getName(), null);
                signal = SendWindow.Signal.NEUTRAL;
            }
        }
        window.release(ticket, signal);
        try {
            learnReachability(reason, probe);
            if (failure == null) {
                delivered(pending, result);
            } else {
                pauseIfAdvised(reason);
                failed(pending, attempt, reason);
            }
        } catch (Throwable unexpected) {
            // Nothing may strand a track: whatever went wrong, it ends here, counted and dead-lettered.
            LOG.error("Unexpected failure handling PromptLayer's answer ({})", attempt.subject(), unexpected);
            giveUp(pending, new PromptLayerException(FailureReason.NETWORK,
                    "Unexpected failure handling the answer: " + unexpected.getClass().getName(), null));
        } finally {
            dispatch();
        }
    }

    /** Tells the outage detector how this answer went, and acts on what changed. */
    private void learnReachability(PromptLayerException failure, boolean probe) {
        Outage.Transition transition = outage.answered(failure != null && Outage.saysUnreachable(failure), probe);
        switch (transition) {
            case STARTED -> {
                LOG.warn("PromptLayer looks unreachable ({} failed calls in a row, the last: {}): sending paused;"
                        + " probing with one track at a time; pending tracks wait in the queue ({} of {}) for up to {}"
                        + " ({})", Outage.THRESHOLD, failure.reason(), pending(), config.queueCapacity(),
                        config.maxAge(), DeliveryConfig.MAX_AGE_PROPERTY);
                scheduleProbe();
            }
            case PROBE_FAILED -> scheduleProbe();
            case ENDED -> LOG.info("PromptLayer answers again: the outage is over; sending the {} waiting tracks",
                    ready.size());
            default -> {
                // nothing changed
            }
        }
    }

    private void scheduleProbe() {
        Duration delay = outage.nextProbeDelay();
        LOG.debug("Next probe of PromptLayer in {} ms", delay.toMillis());
        try {
            retryTimer.schedule(() -> {
                outage.probeDue();
                dispatch();
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException timerStopped) {
            // Closed: what waits is given up by close().
        }
    }

    private void delivered(PendingTrack pending, PromptLayerResult result) {
        long latency = System.nanoTime() - pending.firstSubmittedNanos;
        if (pending.delivered(result)) {
            counters.delivered(latency);
            notifyListeners(listener -> listener.delivered(result, Duration.ofNanos(latency)));
            if (pending.followUps != null) {
                // Before the log's own room is freed: a flush must not see zero while they move.
                submitFollowUps(pending.followUps.logged(result.requestId()), result.requestId());
            }
            release(pending);
        }
    }

    /** The log has its id: what waited for it is submitted for it, in the room it holds. */
    private void submitFollowUps(List<LogFollowUps.Waiting> waiting, long requestId) {
        for (LogFollowUps.Waiting followUp : waiting) {
            Submission forTheId = followUp.followUp().addressedTo(requestId);
            Admission admitted = admit(forTheId, true);
            // Held and counted, a follow-up is never refused: it is queued (new or merged).
            ((Queued) admitted).carrier().observe().whenComplete((done, failed) -> {
                if (failed != null) {
                    followUp.future().completeExceptionally(failed);
                } else {
                    followUp.future().complete(done);
                }
            });
        }
    }

    /**
     * The log was given up: each follow-up that waited for it goes to the dead-letter handler, once.
     *
     * @return how many were given up
     */
    private int giveUpFollowUps(PendingTrack log, PromptLayerException failure) {
        if (log.followUps == null) {
            return 0;
        }
        LogRequest request = log.followUps.log();
        List<LogFollowUps.Waiting> waiting = log.followUps.failed(failure);
        for (LogFollowUps.Waiting followUp : waiting) {
            PromptLayerException reason = logFailedFor(followUp.followUp(), failure);
            deadLetter(new DeadLetter(new AwaitingLog(request, followUp.followUp()), reason, 0));
            freeRoom();
            followUp.future().completeExceptionally(reason);
        }
        return waiting.size();
    }

    private static PromptLayerException asPromptLayerException(Submission attempt, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof PromptLayerException known) {
            return known;
        }
        // The client promises PromptLayerExceptions only; anything else is a bug, and its message may
        // quote the request: keep only its type.
        LOG.error("Unexpected {} sending to PromptLayer ({})", cause.getClass().getName(), attempt.subject());
        return new PromptLayerException(FailureReason.NETWORK,
                "Unexpected failure sending the track: " + cause.getClass().getName(), null);
    }

    /** 429, gateway overload and timeouts say PromptLayer has too much; other failures say nothing. */
    private static SendWindow.Signal signalOf(PromptLayerException failure) {
        if (failure instanceof PromptLayerTransportException transport) {
            return transport.isTimeout() ? SendWindow.Signal.OVERLOAD : SendWindow.Signal.NEUTRAL;
        }
        if (failure instanceof PromptLayerHttpException http) {
            int status = http.status();
            return status == 429 || status == 502 || status == 503 || status == 504
                    ? SendWindow.Signal.OVERLOAD : SendWindow.Signal.HEALTHY;
        }
        return SendWindow.Signal.NEUTRAL;
    }

    /** A 429 or 503 with {@code Retry-After} stops all sending until then (at most max-backoff). */
    private void pauseIfAdvised(PromptLayerException failure) {
        if (!(failure instanceof PromptLayerHttpException http) || (http.status() != 429 && http.status() != 503)) {
            return;
        }
        Optional<Duration> advised = http.retryAfter();
        if (advised.isEmpty() || advised.get().isZero() || advised.get().isNegative()) {
            return;
        }
        Duration pause = advised.get().compareTo(retryPolicy.maxBackoff()) > 0 ? retryPolicy.maxBackoff() : advised.get();
        long pauseNanos = pause.toNanos();
        if (window.pauseUntil(System.nanoTime() + pauseNanos)) {
            LOG.debug("PromptLayer asked to wait {} ms ({}): all sending paused", pause.toMillis(), http.status());
            try {
                retryTimer.schedule(this::dispatch, pauseNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException timerStopped) {
                // Closing: nothing more to send.
            }
        }
    }

    private void failed(PendingTrack pending, Submission attempt, PromptLayerException failure) {
        if (terminated) {
            // Given up by close() meanwhile (SHUTDOWN_TIMEOUT), with this failure as the cause.
            pending.noteFailure(failure);
            return;
        }
        if (Outage.saysUnreachable(failure) && outage.isActive()) {
            holdForOutage(pending, failure);
            return;
        }
        Optional<Duration> delay = retryPolicy.delayBeforeNextAttempt(failure, pending.budgetedAttempts());
        if (delay.isEmpty() || !retryFitsBeforeDeadline(delay.get())) {
            giveUp(pending, failure);
            return;
        }
        if (!waitsAgain(pending.awaitRetry(failure))) {
            return;
        }
        counters.awaitingRetry.incrementAndGet();
        long delayNanos = delay.get().toNanos();
        try {
            ScheduledFuture<?> task = retryTimer.schedule(() -> {
                counters.awaitingRetry.decrementAndGet();
                ready.offer(pending);
                dispatch();
            }, delayNanos, TimeUnit.NANOSECONDS);
            pending.retryScheduled(task, System.nanoTime() + delayNanos);
        } catch (RejectedExecutionException timerStopped) {
            counters.awaitingRetry.decrementAndGet();
            giveUp(pending, failure);
            return;
        }
        LOG.debug("{} failed ({}), attempt {}; retrying in {} ms", attempt.subject(), failure.reason(),
                pending.attempts(), delay.get().toMillis());
        notifyListeners(listener -> listener.retrying(attempt, failure, delay.get()));
    }

    /** A track that failed because PromptLayer is down waits in the queue for the outage to end. */
    private void holdForOutage(PendingTrack pending, PromptLayerException failure) {
        if (pending.olderThan(maxAgeNanos, System.nanoTime())) {
            pending.noteFailure(failure);
            expire(pending);
            return;
        }
        if (waitsAgain(pending.holdForOutage(failure))) {
            ready.offer(pending);
        }
    }

    /**
     * Counts a failed track that will be sent again (a folded successor's room is free now).
     *
     * @return false if the track was given up meanwhile (at shutdown): nothing to schedule
     */
    private boolean waitsAgain(PendingTrack.RetryPreparation preparation) {
        if (preparation == PendingTrack.RetryPreparation.ALREADY_DONE) {
            return false;
        }
        if (preparation == PendingTrack.RetryPreparation.READY_WITH_SUCCESSOR_FOLDED) {
            counters.coalesced.increment();
            freeRoom();
        }
        counters.retried.increment();
        return true;
    }

    private boolean retryFitsBeforeDeadline(Duration delay) {
        return !closed || System.nanoTime() + delay.toNanos() - closeDeadlineNanos < 0;
    }

    private void giveUp(PendingTrack pending, PromptLayerException failure) {
        Submission request = pending.snapshot();
        if (pending.failed(failure)) {
            deadLetter(new DeadLetter(request, failure, pending.attempts()));
            giveUpFollowUps(pending, failure);
            release(pending);
        }
    }

    /**
     * After a track has finished and been counted: frees its request id for the successor (sent
     * next) or for new tracks, frees its room and completes its observers, last, so that whoever a
     * completed future wakes sees counters and gauges already up to date.
     */
    private void release(PendingTrack pending) {
        PendingTrack next = pending.takeSuccessor();
        if (next != null) {
            byKey.replace(pending.key, pending, next);
            ready.offer(next);   // sent by the dispatch that follows every answer
            abandonIfTerminated(next);
        } else {
            byKey.remove(pending.key, pending);
        }
        freeRoom();
        pending.completeObservers();
    }

    private void deadLetter(DeadLetter letter) {
        counters.failed(letter.reason());
        try {
            deadLetters.handle(letter);
        } catch (Throwable e) {
            // The application's code, run on an engine thread: whatever it throws, the track's
            // bookkeeping (its room, its request id, its observers) must go on.
            LOG.error("Dead-letter handler {} failed ({})", deadLetters, letter.submission().subject(), e);
        }
        notifyListeners(listener -> listener.failed(letter));
    }

    private void notifyListeners(Consumer<DeliveryListener> event) {
        for (DeliveryListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (Throwable e) {
                // As for the dead-letter handler: the track's bookkeeping must go on.
                LOG.warn("Delivery listener {} failed", listener, e);
            }
        }
    }

    /**
     * Stops intake, delivers what is pending until {@code shutdown-timeout} runs out, then gives up
     * the rest (each to the dead-letter handler), stops the engine's threads and closes the client's
     * transport ({@link PromptLayerClient#close()}: its I/O threads end; the client builds a new one
     * if it is used again). Idempotent; a second call returns at once.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closeDeadlineNanos = System.nanoTime() + config.shutdownTimeout().toNanos();
            closed = true;
        }
        removeExitHook();
        int atClose = pending();
        outage.probeDue();   // in an outage, try PromptLayer now rather than at the next probe
        ready.wakeDispatcher();
        giveUpRetriesDueAfterDeadline();
        dispatch();
        boolean drained;
        try {
            drained = awaitDrained(closeDeadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        terminated = true;
        retryTimer.shutdownNow();
        stopDispatcher();
        int abandoned = 0;
        for (PendingTrack head : byKey.values()) {
            abandoned += abandon(head);
        }
        ready.clear();   // all given up: the queued gauge agrees with pending
        client.close();
        if (abandoned > 0) {
            LOG.warn("PromptLayer delivery closed: {} of {} pending tracks could not be delivered within {} ({}"
                    + "); they went to the dead-letter handler", abandoned, atClose, config.shutdownTimeout(),
                    DeliveryConfig.SHUTDOWN_TIMEOUT_PROPERTY);
        } else if (atClose > 0) {
            LOG.debug("PromptLayer delivery closed; {} pending tracks were flushed", atClose);
        }
    }

    /** The JVM is exiting and nobody closed the engine: deliver what is pending, as close() does. */
    private void closeAtExit() {
        int pending = pending();
        if (pending > 0) {
            LOG.info("JVM exiting with {} PromptLayer tracks pending and the engine not closed: delivering them"
                    + " within {} ({}; {}=false turns this off)", pending, config.shutdownTimeout(),
                    DeliveryConfig.SHUTDOWN_TIMEOUT_PROPERTY, DeliveryConfig.CLOSE_ON_EXIT_PROPERTY);
        }
        close();
    }

    private void removeExitHook() {
        if (exitHook == null || Thread.currentThread() == exitHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // The JVM is already exiting: the hook runs (or ran) and finds the engine closed.
        }
    }

    private void giveUpRetriesDueAfterDeadline() {
        for (PendingTrack head : byKey.values()) {
            if (head.retryDueAfter(closeDeadlineNanos) && head.cancelRetry()) {
                counters.awaitingRetry.decrementAndGet();
                giveUp(head, head.lastFailure());
            }
        }
    }

    private boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        drainWaiters.incrementAndGet();
        try {
            synchronized (drainMonitor) {
                while (pending() > 0) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(drainMonitor, left);
                }
                return true;
            }
        } finally {
            drainWaiters.decrementAndGet();
        }
    }

    private void stopDispatcher() {
        ready.wakeDispatcher();
        dispatcher.interrupt();
        try {
            dispatcher.join(DISPATCHER_STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A track admitted while the engine was terminating is given up at once rather than forgotten. */
    private void abandonIfTerminated(PendingTrack pending) {
        if (terminated) {
            abandon(pending);
        }
    }

    /** Gives up a pending track and its successor at shutdown; returns how many were given up. */
    private int abandon(PendingTrack head) {
        int abandoned = 0;
        for (PendingTrack pending = head; pending != null; ) {
            if (pending.cancelRetry()) {
                counters.awaitingRetry.decrementAndGet();
            }
            Submission request = pending.snapshot();
            PromptLayerException last = pending.lastFailure();
            TrackAbandonedException failure = new TrackAbandonedException(request.subject()
                    + " not delivered: the engine closed and " + DeliveryConfig.SHUTDOWN_TIMEOUT_PROPERTY + " ("
                    + config.shutdownTimeout() + ") ran out"
                    + (last != null ? "; last attempt failed: " + last.reason() : ""), last);
            PendingTrack next = pending.takeSuccessor();
            if (pending.failed(failure)) {
                deadLetter(new DeadLetter(request, failure, pending.attempts()));
                abandoned += giveUpFollowUps(pending, failure);
                release(pending);
                abandoned++;
            }
            pending = next;
        }
        return abandoned;
    }

    @Override
    public String toString() {
        return "DeliveryEngine{" + config + ", client=" + client + ", closed=" + closed + "}";
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Wires an engine: the client, settings, dead-letter handler and listeners. */
    public static final class Builder {
        private final PromptLayerClient client;
        private DeliveryConfig config = DeliveryConfig.defaults();
        private DeadLetterHandler deadLetters = new LoggingDeadLetterHandler();
        private final List<DeliveryListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(PromptLayerClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder config(DeliveryConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder deadLetterHandler(DeadLetterHandler handler) {
            this.deadLetters = Objects.requireNonNull(handler, "deadLetterHandler");
            return this;
        }

        public Builder listener(DeliveryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock for {@link DeliveryStats#lastFailureAt()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds and starts the engine (its dispatcher thread runs until {@link DeliveryEngine#close()}). */
        public DeliveryEngine build() {
            return new DeliveryEngine(this);
        }
    }
}

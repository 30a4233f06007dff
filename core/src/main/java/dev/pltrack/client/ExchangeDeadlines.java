package dev.pltrack.client;

import java.io.Closeable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One transport's timer for whole-exchange deadlines: neither HTTP client has a timeout that
 * covers the answer's body, so each exchange schedules its own end here. One daemon thread per
 * transport, ended by {@link #close()} with the transport.
 */
final class ExchangeDeadlines implements Closeable {

    private final ScheduledThreadPoolExecutor timer;

    ExchangeDeadlines(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every deadline is cancelled when its answer arrives: do not keep them queued.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code expiry} after {@code millis}, unless the returned future is cancelled first. */
    ScheduledFuture<?> schedule(Runnable expiry, long millis) {
        return timer.schedule(expiry, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

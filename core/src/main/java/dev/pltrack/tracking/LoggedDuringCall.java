package dev.pltrack.tracking;

import dev.pltrack.TrackingContext;
import dev.pltrack.delivery.LogHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests logged while one {@code @TrackMetadata} call runs (on its thread, or on work handed
 * over with {@link TrackingContext#wrap}): the call's request ids when nothing else gives one. While
 * the call runs synchronously each log is held back from sending, so that the call's metadata, added
 * when it returns, travels inside it; {@link #endHolds()} lets them go. Logs made after that (an
 * asynchronous result still running) are still recorded, not held; once {@link #take()} has read
 * them for the track, later ones are ignored.
 */
final class LoggedDuringCall implements TrackingContext.LogRecorder {

    /** The enclosing annotated call's recorder, which hears of the same logs; or {@code null}. */
    private final TrackingContext.LogRecorder enclosing;

    /** Made on the first log: most calls log nothing. */
    private List<LogHandle> logged;
    private boolean holding = true;
    private boolean taken;

    LoggedDuringCall(TrackingContext.LogRecorder enclosing) {
        this.enclosing = enclosing;
    }

    @Override
    public int logged(LogHandle log) {
        int holds = enclosing == null ? 0 : enclosing.logged(log);
        return holds + (recorded(log) ? 1 : 0);
    }

    /** Records the log; true if this call holds it. */
    private synchronized boolean recorded(LogHandle log) {
        if (taken) {
            return false;
        }
        if (logged == null) {
            logged = new ArrayList<>(2);
        }
        logged.add(log);
        return holding;
    }

    /** The logs so far; later ones are ignored. */
    synchronized List<LogHandle> take() {
        taken = true;
        return logged == null ? List.of() : List.copyOf(logged);
    }

    /** Releases every log held, once; called when the call's synchronous part is over, tracked or not. */
    void endHolds() {
        List<LogHandle> held;
        synchronized (this) {
            if (!holding) {
                return;
            }
            holding = false;
            if (logged == null) {
                return;
            }
            held = List.copyOf(logged);
        }
        for (LogHandle log : held) {
            log.release();
        }
    }
}

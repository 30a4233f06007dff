package dev.pltrack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pltrack.delivery.SendWindow.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The adaptive window's rules, one at a time, without a network. */
class SendWindowTest {

    private static List<Long> acquireAll(SendWindow window) {
        List<Long> tickets = new ArrayList<>();
        long ticket;
        while ((ticket = window.tryAcquire()) != 0) {
            tickets.add(ticket);
        }
        return tickets;
    }

    @Test
    void startsAtMaxAndHandsOutIncreasingTicketsUntilFull() {
        SendWindow window = new SendWindow(1, 4);
        assertThat(window.limit()).isEqualTo(4);
        assertThat(window.hasRoom()).isTrue();
        assertThat(acquireAll(window)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(window.inFlight()).isEqualTo(4);
        assertThat(window.hasRoom()).isFalse();
        assertThat(window.tryAcquire()).isZero();
    }

    @Test
    void cancelGivesBackASlotWithoutChangingTheLimit() {
        SendWindow window = new SendWindow(1, 2);
        acquireAll(window);
        window.cancel();
        assertThat(window.inFlight()).isEqualTo(1);
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.tryAcquire()).isEqualTo(3L);
        assertThat(window.limit()).isEqualTo(2);
    }

    @Test
    void overloadSignalsOfOneRoundHalveTheWindowOnce() {
        SendWindow window = new SendWindow(1, 8);
        List<Long> round = acquireAll(window);
        for (long ticket : round) {
            window.release(ticket, Signal.OVERLOAD);
        }
        assertThat(window.limit()).isEqualTo(4);
        assertThat(window.decreases()).isEqualTo(1);
        assertThat(window.inFlight()).isZero();

        long later = window.tryAcquire();
        window.release(later, Signal.OVERLOAD);
        assertThat(window.limit()).isEqualTo(2);
        assertThat(window.decreases()).isEqualTo(2);
    }

    @Test
    void overloadNeverShrinksBelowMin() {
        SendWindow window = new SendWindow(3, 4);
        window.release(window.tryAcquire(), Signal.OVERLOAD);
        assertThat(window.limit()).isEqualTo(3);
        window.release(window.tryAcquire(), Signal.OVERLOAD);
        assertThat(window.limit()).isEqualTo(3);
        assertThat(window.decreases()).isEqualTo(2);
    }

    @Test
    void aHealthyAnswerGrowsTheWindowByOneWhenAtLeastHalfOfItIsInUse() {
        SendWindow window = new SendWindow(1, 8);
        window.release(window.tryAcquire(), Signal.OVERLOAD);
        assertThat(window.limit()).isEqualTo(4);

        long first = window.tryAcquire();
        long second = window.tryAcquire();
        window.release(second, Signal.HEALTHY); // 2 of 4 in use before it ended: exactly half
        assertThat(window.limit()).isEqualTo(5);

        window.release(first, Signal.HEALTHY); // 1 of 5 in use: the window is idle, proves nothing
        assertThat(window.limit()).isEqualTo(5);

        long a = window.tryAcquire();
        long b = window.tryAcquire();
        window.release(b, Signal.HEALTHY); // 2 of 5: less than half
        assertThat(window.limit()).isEqualTo(5);
        window.release(a, Signal.HEALTHY);
        assertThat(window.decreases()).isEqualTo(1);
        assertThat(window.inFlight()).isZero();
    }

    @Test
    void healthyAnswersNeverGrowTheWindowBeyondMax() {
        SendWindow window = new SendWindow(1, 2);
        List<Long> tickets = acquireAll(window);
        window.release(tickets.get(0), Signal.HEALTHY);
        window.release(tickets.get(1), Signal.HEALTHY);
        assertThat(window.limit()).isEqualTo(2);
    }

    @Test
    void aNeutralAnswerOnlyGivesBackTheSlot() {
        SendWindow window = new SendWindow(1, 8);
        window.release(window.tryAcquire(), Signal.OVERLOAD);
        List<Long> tickets = acquireAll(window);
        assertThat(tickets).hasSize(4);
        window.release(tickets.get(3), Signal.NEUTRAL);
        assertThat(window.limit()).isEqualTo(4);
        assertThat(window.decreases()).isEqualTo(1);
        assertThat(window.inFlight()).isEqualTo(3);
    }

    @Test
    void aPauseStopsAllSendingAndOnlyAFurtherPauseReplacesIt() {
        SendWindow window = new SendWindow(1, 4);
        long until = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        assertThat(window.pauseUntil(until)).isTrue();
        assertThat(window.isPaused()).isTrue();
        assertThat(window.hasRoom()).isFalse();
        assertThat(window.tryAcquire()).isZero();
        assertThat(window.inFlight()).isZero();

        assertThat(window.pauseUntil(until)).isFalse();
        assertThat(window.pauseUntil(until - 1)).isFalse();
        assertThat(window.pauses()).isEqualTo(1);
        assertThat(window.pauseUntil(until + 1)).isTrue();
        assertThat(window.pauses()).isEqualTo(2);
    }

    @Test
    void aPauseThatIsOverNoLongerStopsSending() {
        SendWindow window = new SendWindow(1, 4);
        assertThat(window.pauseUntil(System.nanoTime() - 1)).isTrue();
        assertThat(window.isPaused()).isFalse();
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.tryAcquire()).isEqualTo(1L);
        // a pause that is over does not block a new, shorter one
        assertThat(window.pauseUntil(System.nanoTime() + TimeUnit.HOURS.toNanos(1))).isTrue();
        assertThat(window.isPaused()).isTrue();
        assertThat(window.pauses()).isEqualTo(2);
    }
}

package dev.pltrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackingStatsTest {

    @Test
    void untrackedCountsEveryCallThatSentNothingButNotTrackedCallsOrLeftOutKeys() {
        // Each count its own bit, so any one added twice, subtracted or left out shows.
        TrackingStats stats = new TrackingStats(1, 2, 4, 8, 16, 32, 64);

        assertThat(stats.untracked()).isEqualTo(2 + 4 + 8 + 16 + 64);
    }
}

package dev.pltrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

class ConcurrencyTest {

    @RegisterExtension
    static final FakePromptLayerExtension promptLayer = new FakePromptLayerExtension();

    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;
    private static final int TOTAL = THREADS * PER_THREAD;

    private final FakePromptLayer fake = promptLayer.server();
    private final TrackClient client = new TrackClient(fake);

    @Test
    void recordsEveryRequestOfManyConcurrentClientsExactlyOnce() throws Exception {
        List<Integer> statuses = sendConcurrently();

        assertThat(statuses).hasSize(TOTAL).containsOnly(200);
        List<RecordedTrack> received = fake.awaitAccepted(TOTAL, Duration.ofSeconds(10));
        assertThat(fake.received()).hasSize(TOTAL);
        assertThat(received)
                .extracting(RecordedTrack::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, TOTAL).boxed().toList());
        Map<Long, Long> timesPerId =
                received.stream()
                        .collect(
                                Collectors.groupingBy(
                                        RecordedTrack::requestId, Collectors.counting()));
        assertThat(timesPerId)
                .hasSize(TOTAL)
                .allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(fake.trackedRequestIds())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, TOTAL).boxed().toList());
        for (long id = 1; id <= TOTAL; id++) {
            assertThat(fake.metadataFor(id)).isEqualTo(Map.of("n", String.valueOf(id)));
        }
    }

    @Test
    void handsEachQueuedFaultToExactlyOneOfManyConcurrentRequests() throws Exception {
        fake.failNext(100, Fault.status(503));
        fake.failNext(50, Fault.successFalse("busy"));

        List<Integer> statuses = sendConcurrently();

        Map<Integer, Long> answers =
                statuses.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(answers).isEqualTo(Map.of(503, 100L, 200, (long) TOTAL - 100));
        assertThat(fake.acceptedCount()).isEqualTo(TOTAL - 150);
        // Faults go to the first requests in arrival order, whichever thread sent them.
        assertThat(fake.received().subList(0, 100))
                .extracting(RecordedTrack::responseStatus)
                .containsOnly(503);
        assertThat(fake.received().subList(100, 150)).noneMatch(RecordedTrack::accepted);
        assertThat(fake.received().subList(150, TOTAL)).allMatch(RecordedTrack::accepted);
    }

    @Test
    void givesEachOfManyConcurrentLogsItsOwnIdInArrivalOrder() throws Exception {
        int perThread = 100;
        List<Long> answeredIds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    List<Long> ids = new ArrayList<>(perThread);
                                    for (int i = 0; i < perThread; i++) {
                                        ids.add(
                                                LogRequestEndpointTest.idOf(
                                                        client.postWithKey(
                                                                Endpoint.LOG_REQUEST, Bodies.log())));
                                        client.track(i + 1, Map.of("n", "1"));
                                    }
                                    return ids;
                                }));
            }
            for (Future<List<Long>> result : results) {
                answeredIds.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int total = THREADS * perThread;
        assertThat(answeredIds)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        // The id in each 201 is the id the fake recorded, and ids follow the order of arrival.
        assertThat(fake.logged())
                .extracting(RecordedLog::requestId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(fake.logged())
                .extracting(RecordedLog::sequence)
                .isSorted();
        assertThat(fake.loggedRequestIds()).hasSize(total);
        assertThat(fake.acceptedCount()).isEqualTo(total);
    }

    /** Each thread sends its own ids: thread t sends t*500+1 .. (t+1)*500. */
    private List<Integer> sendConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long first = (long) t * PER_THREAD + 1;
                Callable<List<Integer>> sender =
                        () -> {
                            List<Integer> statuses = new ArrayList<>(PER_THREAD);
                            for (long id = first; id < first + PER_THREAD; id++) {
                                statuses.add(
                                        client.track(id, Map.of("n", String.valueOf(id)))
                                                .statusCode());
                            }
                            return statuses;
                        };
                results.add(pool.submit(sender));
            }
            List<Integer> statuses = new ArrayList<>(TOTAL);
            for (Future<List<Integer>> result : results) {
                statuses.addAll(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}

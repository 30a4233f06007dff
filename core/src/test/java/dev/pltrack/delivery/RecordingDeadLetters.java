package dev.pltrack.delivery;

import dev.pltrack.client.TrackRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dead-letter handler that keeps what it is handed, for assertions. */
final class RecordingDeadLetters implements DeadLetterHandler {

    final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

    @Override
    public void handle(DeadLetter letter) {
        letters.add(letter);
    }

    List<Long> requestIds() {
        return letters.stream().map(letter -> ((TrackRequest) letter.submission()).requestId()).toList();
    }
}

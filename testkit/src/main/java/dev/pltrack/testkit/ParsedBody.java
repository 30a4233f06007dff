package dev.pltrack.testkit;

import java.util.List;

/**
 * One endpoint's reading of a request body, done once on arrival: the fields it records, the key it
 * carries and every way it breaks the endpoint's schema.
 */
interface ParsedBody {

    /** False for anything but a JSON object, which PromptLayer answers with 400. */
    boolean isJsonObject();

    /** The body's {@code api_key} when it is a string, else null. */
    String apiKey();

    /** In body order; empty when the body is valid. */
    List<Violation> violations();

    /**
     * What a healthy PromptLayer answers when the body is valid and the key right.
     *
     * @param nextRequestId the id a request log stored now would get
     */
    Answer whenValid(long nextRequestId);

    /**
     * The recording of this request with the answer it got.
     *
     * @param nextRequestId the same id as for {@link #whenValid}: a log's id when it was accepted
     */
    RecordedCall record(long sequence, Arrival arrival, Answer answer, long nextRequestId);
}

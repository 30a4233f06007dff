package dev.pltrack.examples.plain;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for a service that calls an LLM through PromptLayer: each answer gets the next request id,
 * and summarising a document named "missing.pdf" fails, as real calls sometimes do.
 */
final class ScriptedChatService implements ChatService {

    private final AtomicLong nextRequestId;

    ScriptedChatService(long firstRequestId) {
        this.nextRequestId = new AtomicLong(firstRequestId);
    }

    @Override
    public ChatAnswer answer(String user, UUID session, String question) {
        return new ChatAnswer("An answer to: " + question, nextRequestId.getAndIncrement());
    }

    @Override
    public void rate(long requestId, int stars) {
        // The rating is stored elsewhere; tracking it is all the example needs.
    }

    @Override
    public String summarise(String documentName) {
        if (documentName.equals("missing.pdf")) {
            throw new IllegalStateException("document not found: " + documentName);
        }
        return "A summary of " + documentName;
    }
}

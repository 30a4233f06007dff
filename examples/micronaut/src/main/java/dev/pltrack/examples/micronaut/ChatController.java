package dev.pltrack.examples.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import java.util.UUID;

/**
 * The HTTP face of {@link ChatService}:
 * <pre>
 * curl 'localhost:8080/chat?user=user-42&amp;question=What+is+PromptLayer%3F'
 * curl -X POST 'localhost:8080/chat/3001/rating?stars=5'
 * curl -X POST 'localhost:8080/chat/3001/summary?document=notes.pdf'     (fails: 400, tracked with the error)
 * </pre>
 */
@Controller("/chat")
public class ChatController {

    private final ChatService chat;

    public ChatController(ChatService chat) {
        this.chat = chat;
    }

    @Get
    public ChatAnswer ask(@QueryValue String user, @QueryValue String question) {
        return chat.answer(user, UUID.nameUUIDFromBytes(user.getBytes()), question);
    }

    @Post("/{requestId}/rating")
    @Status(HttpStatus.NO_CONTENT)
    public void rate(long requestId, @QueryValue int stars) {
        chat.rate(requestId, stars);
    }

    @Post("/{requestId}/summary")
    public String summarise(long requestId, @QueryValue String document) {
        return chat.summarise(requestId, document);
    }

    /** The service's failure becomes a 400 (pltrack has tracked it with the error by then). */
    @Error(exception = IllegalArgumentException.class)
    public HttpResponse<String> refused(IllegalArgumentException failure) {
        return HttpResponse.badRequest(failure.getMessage());
    }
}

package dev.pltrack.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code POST /chat} asks, {@code POST /chat/{requestId}/rating?stars=5} rates an answer. Try:
 * {@code curl -s -XPOST localhost:8080/chat -H 'Content-Type: application/json'
 * -d '{"userId":"u-1","question":"Hi?"}'}.
 */
@Path("/chat")
public class ChatResource {

    public record Question(String userId, UUID sessionId, String question) {
    }

    @Inject
    ChatService chat;

    @POST
    public ChatAnswer ask(Question question) {
        UUID session = question.sessionId() != null ? question.sessionId() : UUID.randomUUID();
        return chat.answer(question.userId(), session, question.question());
    }

    @POST
    @Path("/{requestId}/rating")
    public Response rate(@PathParam("requestId") long requestId, @QueryParam("stars") int stars) {
        try {
            chat.rate(requestId, stars);
            return Response.noContent().build();
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN).entity(invalid.getMessage()).build());
        }
    }
}

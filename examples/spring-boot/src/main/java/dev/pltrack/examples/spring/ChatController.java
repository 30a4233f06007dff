package dev.pltrack.examples.spring;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /chat} asks, {@code POST /chat/{requestId}/rating} rates an answer. */
@RestController
public class ChatController {

    private final ChatService chat;

    public ChatController(ChatService chat) {
        this.chat = chat;
    }

    public record Question(String userId, UUID sessionId, String question) {
    }

    public record Rating(int stars) {
    }

    @PostMapping("/chat")
    public ChatAnswer chat(@RequestBody Question question) {
        return chat.answer(question.userId(), question.sessionId(), question.question());
    }

    @PostMapping("/chat/{requestId}/rating")
    public ResponseEntity<Void> rate(@PathVariable long requestId, @RequestBody Rating rating) {
        chat.rate(requestId, rating.stars());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }
}

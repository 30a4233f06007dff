package dev.pltrack.testkit;

import java.util.List;

/**
 * One entry of a FastAPI-style 422 {@code detail} list.
 *
 * @param loc where the violation is: {@code "body"}, then field names and, inside arrays, indices
 *     (as JSON numbers) and the tags that select a variant ({@code "chat"}, {@code "user"}), as
 *     pydantic reports them
 * @param msg what is wrong, in pydantic's words
 * @param type pydantic's error type, e.g. {@code missing} or {@code string_too_long}
 */
record Violation(List<Object> loc, String msg, String type) {

    Violation {
        loc = List.copyOf(loc);
    }
}

package dev.pltrack.client.blueprint;

import java.util.Objects;

/**
 * One block of a message's content. PromptLayer knows many more kinds (code, media, server tools);
 * these are the ones chat integrations produce.
 */
public sealed interface ContentBlock permits ContentBlock.Text, ContentBlock.Thinking, ContentBlock.ImageUrl {

    /** The block's {@code type} as PromptLayer reads it. */
    String type();

    static ContentBlock text(String text) {
        return new Text(text);
    }

    static ContentBlock thinking(String thinking) {
        return new Thinking(thinking, null);
    }

    static ContentBlock imageUrl(String url) {
        return new ImageUrl(url);
    }

    /** {@code {"type":"text","text":...}} */
    record Text(String text) implements ContentBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /** A model's reasoning, {@code {"type":"thinking","thinking":...,"signature":...}}; signature may be null. */
    record Thinking(String thinking, String signature) implements ContentBlock {
        public Thinking {
            Objects.requireNonNull(thinking, "thinking");
        }

        @Override
        public String type() {
            return "thinking";
        }
    }

    /** An image by URL (a data: URL too), {@code {"type":"image_url","image_url":{"url":...}}}. */
    record ImageUrl(String url) implements ContentBlock {
        public ImageUrl {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "image_url";
        }
    }
}

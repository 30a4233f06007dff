package dev.pltrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text is cut to exactly its maximum, marker included, and never between the halves of a surrogate pair. */
class TextCutTest {

    private static final int MARKER = TextCut.CUT_MARKER.length();

    @Test
    void textOfAtMostTheMaximumIsKept() {
        assertThat(TextCut.cut(null, 20)).isNull();
        assertThat(TextCut.cut("a".repeat(20), 20)).isEqualTo("a".repeat(20));
    }

    @Test
    void longerTextEndsInTheMarkerAtExactlyTheMaximum() {
        assertThat(TextCut.cut("a".repeat(21), 20)).isEqualTo("a".repeat(20 - MARKER) + TextCut.CUT_MARKER).hasSize(20);
    }

    @Test
    void aSurrogatePairIsNotSplit() {
        String text = "a".repeat(20 - MARKER - 1) + "\uD83D\uDE00" + "a tail that makes it too long";

        assertThat(TextCut.cut(text, 20)).isEqualTo("a".repeat(20 - MARKER - 1) + TextCut.CUT_MARKER);
    }

    @Test
    void aMaximumOfTheMarkerAloneKeepsOnlyTheMarker() {
        assertThat(TextCut.cut("\uD83D\uDE00" + "a".repeat(MARKER), MARKER)).isEqualTo(TextCut.CUT_MARKER);
    }
}

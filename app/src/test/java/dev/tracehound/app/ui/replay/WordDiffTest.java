package dev.tracehound.app.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.app.ui.replay.WordDiff.Kind;
import dev.tracehound.app.ui.replay.WordDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void marksRemovedAndAddedWordsAndKeepsTheRest() {
        List<Segment> d = WordDiff.diff("Forwarding the inbox to attacker@evil.example now", "Forwarding the summary to you now");
        assertEquals(List.of(new Segment(Kind.SAME, "Forwarding the "), new Segment(Kind.REMOVED, "inbox "), new Segment(Kind.ADDED, "summary "),
                new Segment(Kind.SAME, "to "), new Segment(Kind.REMOVED, "attacker@evil.example "), new Segment(Kind.ADDED, "you "),
                new Segment(Kind.SAME, "now")), d);
    }

    @Test
    void identicalTextsAreOneUnchangedRunAndEmptySidesAreWhollyAddedOrRemoved() {
        assertEquals(List.of(new Segment(Kind.SAME, "a b c")), WordDiff.diff("a b c", "a b c"));
        assertEquals(List.of(new Segment(Kind.ADDED, "new text")), WordDiff.diff("", "new text"));
        assertEquals(List.of(new Segment(Kind.REMOVED, "old text")), WordDiff.diff("old text", null));
    }

    @Test
    void eachSideCanBeReadBackFromTheSegments() {
        String a = "line one\n  line two with  spaces\tand tabs";
        String b = "line one\nline three with spaces and tabs";
        List<Segment> d = WordDiff.diff(a, b);
        assertEquals(b, rebuilt(d, Kind.ADDED), "unchanged words carry the trial's whitespace");
        assertEquals(a.replaceAll("\\s+", " "), rebuilt(d, Kind.REMOVED).replaceAll("\\s+", " "));
    }

    @Test
    void veryLongTextsAreNotAlignedButStillComplete() {
        String a = "x ".repeat(3000), b = "y ".repeat(3000);
        List<Segment> d = WordDiff.diff(a, b);
        assertEquals(List.of(new Segment(Kind.REMOVED, a), new Segment(Kind.ADDED, b)), d);
    }

    /** One side of the diff: unchanged text plus that side's own words. */
    private static String rebuilt(List<Segment> d, Kind side) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : d) if (s.kind() == Kind.SAME || s.kind() == side) sb.append(s.text());
        return sb.toString();
    }

}

package dev.tracehound.timeline.provenance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sign that text speaks to the model rather than to a person: an override of earlier instructions, a
 * directive to call a tool, a chat-template role marker. {@code weight} says how strong the sign is alone.
 *
 * @param cue where the pattern is tried, or null for everywhere (see {@link Cue})
 * @param veto matches the rule's words make but its meaning rules out (see {@link Veto}), or null
 */
public record InstructionRule(String id, String description, int weight, Pattern pattern, Cue cue, Veto veto) {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;

    /**
     * Words every match of a rule contains, a match reaching at most {@code before} characters ahead of them and
     * {@code after} past them. The pattern is tried only there, so text without the words costs one quick pass
     * instead of the pattern's attempts at every position (a 1 MB text took 50% longer to scan once the rules for
     * task hijacking and merged code were added, before they had cues).
     */
    record Cue(Pattern words, int before, int after) {}

    /**
     * What the text around a match says about it that a pattern cannot say well: whose question it is, who it is
     * addressed to (a lookbehind of unbounded reach, or one that depends on the line the match sits on). A vetoed
     * match does not count, and the rule looks for its next match.
     */
    @FunctionalInterface
    interface Veto {
        boolean rejects(String text, int start, int end);
    }

    static InstructionRule of(String id, String description, int weight, String regex) {
        return new InstructionRule(id, description, weight, Pattern.compile(regex, FLAGS), null, null);
    }

    /** @param cue an alternation of words every match contains, matched with the same flags as the pattern */
    static InstructionRule withCue(String id, String description, int weight, String cue, int before, int after, String regex) {
        return withCue(id, description, weight, cue, before, after, regex, null);
    }

    static InstructionRule withCue(String id, String description, int weight, String cue, int before, int after, String regex, Veto veto) {
        return new InstructionRule(id, description, weight, Pattern.compile(regex, FLAGS), new Cue(Pattern.compile(cue, FLAGS), before, after), veto);
    }

    /** A match of the pattern in the text that no veto rules out, or null. */
    Matcher find(String text) {
        return find(text, 0);
    }

    /** The first such match starting at or after {@code from}, or null. */
    Matcher find(String text, int from) {
        Matcher m = pattern.matcher(text);
        // regions see the text around them, so ^ and lookbehinds mean what they mean in the whole text
        m.useTransparentBounds(true).useAnchoringBounds(false);
        if (cue == null) return next(m.region(from, text.length()), text);
        Matcher c = cue.words().matcher(text);
        int windowFrom = -1;
        int windowTo = -1;
        while (c.find()) {
            int start = Math.max(from, c.start() - cue.before());
            int end = (int) Math.min(text.length(), (long) c.end() + cue.after());
            if (end <= start) continue;
            if (windowFrom >= 0 && start > windowTo) {
                if (next(m.region(windowFrom, windowTo), text) != null) return m;
                windowFrom = -1;
            }
            if (windowFrom < 0) windowFrom = start;
            windowTo = Math.max(windowTo, end);
        }
        return windowFrom >= 0 && next(m.region(windowFrom, windowTo), text) != null ? m : null;
    }

    /** The whole pattern over the whole text, with the veto: what {@link #find} must agree with, cue or not. */
    Matcher findEverywhere(String text) {
        return next(pattern.matcher(text), text);
    }

    private Matcher next(Matcher m, String text) {
        while (m.find()) {
            if (veto == null || !veto.rejects(text, m.start(), m.end())) return m;
        }
        return null;
    }
}

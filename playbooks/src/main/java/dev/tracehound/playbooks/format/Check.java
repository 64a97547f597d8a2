package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An automatic check of a step against the case: the step's rule for "done" that Tracehound can evaluate itself.
 *
 * @param query for {@link CheckType#SEARCH}: a Lucene query over the event fields
 * @param detector for {@link CheckType#DETECTOR}: a detector id (see {@code DetectorIds})
 * @param plan for {@link CheckType#REPLAY}: the replay plan id, or {@code *} for any plan
 * @param expect the rule for done
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(CheckType type, String query, String detector, String plan, CheckRule expect) {

    /** One line for checklists: what is checked and what counts as done. */
    public String describe() {
        if (type == null) return "(no type)";
        String what = switch (type) {
            case SEARCH -> "search \"" + query + "\"";
            case DETECTOR -> "findings of detector " + detector;
            case REPLAY -> "replay runs of plan " + plan;
        };
        return what + ": done when " + (expect == null ? "?" : expect.description());
    }
}

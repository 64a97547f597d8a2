package dev.tracehound.app.ui.replay;

import dev.tracehound.app.format.Texts;
import dev.tracehound.replay.run.TrialResult;
import java.util.Locale;

/**
 * A trial in the Replay screen's table.
 *
 * @param run {@code baseline} or {@code edited} (a plan with edits runs its baseline alongside)
 */
public record TrialRow(String run, TrialResult result) {

    public int trial() {
        return result.trial();
    }

    public String reproduced() {
        if (!result.ok()) return result.status();
        return result.reproduces() ? "yes" : "no";
    }

    public String toolCalls() {
        if (result.toolCalls() == null || result.toolCalls().isEmpty()) return "–";
        return String.join(", ", result.toolCalls().stream().map(TrialResult.ToolCallView::name).toList());
    }

    public String refusal() {
        return result.comparison() == null ? "–" : result.comparison().refusal() ? "yes" : "no";
    }

    public String similarity() {
        return result.comparison() == null ? "–" : String.format(Locale.ROOT, "%.2f", result.comparison().textJaccard());
    }

    /** Why it does or does not reproduce, or why it failed. */
    public String note() {
        String s = result.ok() ? (result.comparison() == null ? "" : result.comparison().reason()) : result.error();
        return Texts.oneLine(s, 200);
    }

    /** The trial's answer as compared with the recorded one: its text, then one line per tool call. */
    public String answer() {
        return Answers.render(result.text(), result.toolCalls() == null ? java.util.List.of()
                : result.toolCalls().stream().map(c -> new Answers.Call(c.name(), c.arguments())).toList());
    }
}

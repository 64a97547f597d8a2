package dev.tracehound.app.ui.replay;

import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A word diff drawn as plain {@link Text} nodes: removed words red and struck through, added words green. Evidence
 * text is hostile, so it is only ever set as node text, never interpreted as markup.
 */
public final class DiffFlow extends TextFlow {

    public DiffFlow() {
        getStyleClass().add("diff-flow");
    }

    public void show(List<WordDiff.Segment> segments) {
        getChildren().clear();
        for (WordDiff.Segment s : segments) {
            Text t = new Text(s.text());
            t.getStyleClass().add(switch (s.kind()) {
                case SAME -> "diff-same";
                case REMOVED -> "diff-removed";
                case ADDED -> "diff-added";
            });
            if (s.kind() == WordDiff.Kind.REMOVED) t.setStrikethrough(true);
            getChildren().add(t);
        }
    }
}

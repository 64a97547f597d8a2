package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Report tab draws the report (headings, tables, evidence blocks) from the case, and hostile evidence shows as
 * its literal characters: no Markdown escapes, no markup, no links.
 */
class ReportUiTest extends WorkbenchOnSmallCase {
    static final String HOSTILE = "**x** <script>alert(1)</script> [open me](https://attacker.example/x) _y_ \\* # not a heading";

    @BeforeAll
    static void annotateWithHostileText() {
        try (Case c = Cases.open(sample.dir)) {
            c.annotations().star(sample.retrieval.eventId(), true, "tester");
            c.annotations().note(sample.retrieval.eventId(), HOSTILE, "tester");
            // a record of the small case's evidence that an import set aside, with hostile text in it
            var evidence = c.evidence().list().getFirst();
            var ingest = c.ingest(evidence, "tester");
            ingest.quarantine("line:99", "not JSON: " + HOSTILE, "{\"broken\": " + HOSTILE);
            ingest.commit();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        openWorkbench(stage);
    }

    @Test
    void theReportIsDrawnAsHeadingsAndTablesWithEvidenceShownLiterally(FxRobot robot) {
        FxThread.run(() -> window.selectTab("Report"));
        FxThread.waitUntil(() -> vm.report().reportProperty().get() != null, 20_000);
        waitIdle();
        ScrollPane preview = robot.from(window.scene().getRoot()).lookup("#report-preview").queryAs(ScrollPane.class);
        List<Labeled> labels = FxThread.call(() -> labelsUnder(preview.getContent()));

        Labeled title = only(labels, "Incident report: Small test case");
        Labeled findings = only(labels, "Findings (1)");
        List<Labeled> detector = all(labels, sample.finding.detector());
        Labeled paragraph = only(labels, sample.finding.explanation());
        assertTrue(title.getStyleClass().containsAll(List.of("report-heading", "report-h1")), title.getStyleClass().toString());
        assertTrue(findings.getStyleClass().contains("report-h2"));
        assertEquals(2, detector.size(), "the finding and its provenance flow are titled by the detector");
        for (Labeled l : detector) assertTrue(l.getStyleClass().containsAll(List.of("report-heading", "report-h3")), "a finding's title is a heading");
        assertTrue(FxThread.call(() -> title.getFont().getSize() > findings.getFont().getSize()
                        && findings.getFont().getSize() > paragraph.getFont().getSize()),
                "headings are drawn larger than text, level by level");
        assertTrue(FxThread.call(() -> title.getFont().getStyle().toLowerCase().contains("bold")), title.getFont().getStyle());

        Labeled note = only(labels, "Note: " + HOSTILE);
        assertFalse(note.isMnemonicParsing(), "an underscore in evidence stays an underscore");
        assertTrue(FxThread.call(() -> note.getWidth() > 0 && note.getHeight() > 0), "the note is laid out");
        List<Labeled> evidence = all(labels, dev.tracehound.app.testing.SmallCase.INJECTION_TEXT);
        assertEquals(2, evidence.size(), "the starred retrieval in the timeline and as the flow's source");
        for (Labeled l : evidence) assertTrue(l.getStyleClass().containsAll(List.of("report-code", "mono")), "evidence text is a monospace block");
        assertTrue(labels.stream().anyMatch(l -> l.getText().equals(sample.events.getFirst().evidenceSha256())),
                "the evidence manifest shows the file's hash in a table cell");
        // the Markdown writer would show _y_ and [open me] as \_y\_ and \[open me\], and < as &lt; in HTML
        assertTrue(labels.stream().noneMatch(l -> l.getText().contains("\\_") || l.getText().contains("\\[") || l.getText().contains("&lt;")),
                "no Markdown or HTML escapes reach the screen");
        assertTrue(FxThread.call(() -> nodesUnder(preview.getContent()).stream()
                .noneMatch(n -> n instanceof Hyperlink || n instanceof TextInputControl)), "nothing in the report is a link or editable");
        Labeled quarantine = only(labels, "Quarantined records (1)");
        assertTrue(quarantine.getStyleClass().contains("report-h2"), "the quarantined records have their own section");
        assertEquals(1, all(labels, "line:99").size(), "the quarantined record's locator is in a table cell");
        assertEquals(1, all(labels, "not JSON: " + HOSTILE).size(), "its reason shows literally");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private static List<Labeled> all(List<Labeled> labels, String text) {
        return labels.stream().filter(l -> text.equals(l.getText())).toList();
    }

    private static Labeled only(List<Labeled> labels, String text) {
        List<Labeled> found = all(labels, text);
        assertEquals(1, found.size(), "one label reading '" + text + "'");
        return found.getFirst();
    }

    private static List<Labeled> labelsUnder(Node root) {
        return nodesUnder(root).stream().filter(n -> n instanceof Label).map(n -> (Labeled) n).toList();
    }

    private static List<Node> nodesUnder(Node root) {
        List<Node> all = new ArrayList<>();
        if (root == null) return all;
        all.add(root);
        if (root instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) all.addAll(nodesUnder(child));
        return all;
    }
}

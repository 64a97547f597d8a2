package dev.tracehound.playbooks.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.catalogue.BuiltInPlaybooks;
import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.CheckOutcome;
import dev.tracehound.playbooks.run.CheckResult;
import dev.tracehound.playbooks.run.Note;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.StepState;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class ChecklistTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static PlaybookRun run() {
        CatalogueEntry entry = BuiltInPlaybooks.load().stream().filter(e -> e.playbook().id().equals("indirect-prompt-injection")).findFirst().orElseThrow();
        Map<String, StepState> steps = Map.of(
                "find-carrier", new StepState(true, "bob", "2025-01-02T10:00:00Z", false, null,
                        List.of(new Note("bob", "2025-01-02T10:00:00Z", "found in onboarding.pdf " + HOSTILE)),
                        List.of("ev-" + HOSTILE), List.of("finding-1"), List.of("replay-3"), null),
                "confirm-capture", new StepState(true, "alice", "2025-01-02T09:00:00Z", true, null, null, null, null, null,
                        new CheckResult(CheckOutcome.MET, 12, "12 events match", "2025-01-02T09:00:00Z", "alice")),
                "carrier-type", new StepState(true, "bob", "2025-01-02T10:05:00Z", false, "a web page or other fetched URL", null, null, null, null, null));
        return new PlaybookRun("indirect-prompt-injection-1", "indirect-prompt-injection", "1.0.0", "built-in", "alice",
                "2025-01-02T08:00:00Z", entry.playbook(), steps);
    }

    @Test
    void markdownListsEveryStepWithStateWhoAndNote() {
        PlaybookRun run = run();
        String md = Checklist.markdown(run, "ACME breach");
        for (Step s : run.playbook().steps()) assertTrue(md.contains("\\(" + s.id() + "\\)"), s.id());
        assertTrue(md.contains("### \\[x\\] Find the instructions inside untrusted content \\(find-carrier\\)"), md);
        assertTrue(md.contains("**State:** done by bob at 2025-01-02T10:00:00Z"), md);
        assertTrue(md.contains("**State:** done by alice at 2025-01-02T09:00:00Z \\(automatic check\\)"), md);
        assertTrue(md.contains("### \\[ \\] Preserve the telemetry"), md);
        assertTrue(md.contains("### \\[-\\] Quarantine the poisoned document"), "branch not taken is skipped");
        assertTrue(md.contains("**State:** skipped \\(on a branch not taken\\)"), md);
        assertTrue(md.contains("2025-01-02T10:00:00Z bob: found in onboarding.pdf &lt;img src=x onerror=alert\\(1\\)&gt;"), md);
        assertTrue(md.contains("**Check result:** MET — 12 events match"), md);
        assertTrue(md.contains("- finding-1") && md.contains("- replay-3"), md);
        assertTrue(md.contains("- a web page or other fetched URL — next: block-source \\(chosen\\)"), md);
        assertTrue(md.contains("Detection and analysis: 2/6"), md);
        assertFalse(md.contains(HOSTILE), "raw HTML never reaches the Markdown");
    }

    @Test
    void htmlEscapesHostileTextAndIsWellFormedXhtml() throws Exception {
        String html = Checklist.html(run(), "case <b>x</b> \u0001");
        assertFalse(html.contains(HOSTILE));
        assertFalse(html.contains("<b>x</b>"));
        assertTrue(html.contains("found in onboarding.pdf &lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("ev-&lt;img"), html);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertEquals(0, doc.getElementsByTagName("img").getLength(), "no element came from the hostile text");
        assertEquals(run().playbook().steps().size(), doc.getElementsByTagName("h3").getLength());
    }

    @Test
    void directionControlsInNotesAreShownAsMarkersAndIsolated() {
        String rlo = "found in invoice_\u202Egpj.exe";
        assertEquals("found in invoice\\_\u27E8U+202E\u27E9gpj.exe", MarkdownWriter.inline(rlo));

        HtmlWriter html = new HtmlWriter("t");
        html.step("[x]", "Find the carrier \u2067");
        html.field("Note", rlo);
        String out = html.finish();
        assertFalse(out.codePoints().anyMatch(dev.tracehound.timeline.text.BidiControls::isControl), out);
        assertTrue(out.contains("<span class=\"mark\">[x]</span> <bdi>Find the carrier \u27E8U+2067\u27E9</bdi></h3>"), out);
        assertTrue(out.contains("<span class=\"label\">Note:</span> <bdi>found in invoice_\u27E8U+202E\u27E9gpj.exe</bdi></p>"), out);
    }
}

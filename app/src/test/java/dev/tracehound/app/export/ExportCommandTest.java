package dev.tracehound.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.cli.Cli;
import dev.tracehound.app.report.ReportFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracehound export} and {@code report} from the command line, including user errors. */
class ExportCommandTest {
    @TempDir Path tmp;
    Path caseDir;

    String hostileEventId;

    @BeforeEach
    void setUp() throws Exception {
        ReportFixture fx = new ReportFixture(tmp);
        caseDir = fx.caseDir;
        hostileEventId = fx.hostileEventId;
        fx.c.close();
    }

    @Test
    void exportsAnnotatedEventsAsCsv() throws Exception {
        Path out = tmp.resolve("annotated.csv");
        String[] r = run("export", "--case", caseDir.toString(), "--format", "csv", "--annotated", "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("wrote " + out.toAbsolutePath()), r[1]);
        assertEquals(2, Files.readAllLines(out).stream().filter(l -> l.matches("^\\d{4}-.*")).count(), "one row per annotated event");
    }

    @Test
    void defaultOutputGoesToTheCaseExportsFolder() throws Exception {
        String[] r = run("report", "--case", caseDir.toString(), "--format", "md");
        assertEquals("0", r[0], r[2]);
        try (var files = Files.list(caseDir.resolve("exports"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("report-\\d{8}T\\d{6}Z\\.md")));
        }
    }

    @Test
    void userErrorsGiveOneLineAndExitTwo() {
        String[] both = run("export", "--case", caseDir.toString(), "--format", "jsonl", "--annotated", "--query", "x", "--out", tmp.resolve("x").toString());
        assertEquals("2", both[0]);
        assertTrue(both[2].contains("either --query or --annotated"), both[2]);
        String[] unknown = run("export", "--case", caseDir.toString(), "--format", "xml");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("unknown export format 'xml'"), unknown[2]);
        String[] sarifQuery = run("export", "--case", caseDir.toString(), "--format", "sarif", "--query", "kind:TOOL_CALL");
        assertEquals("2", sarifQuery[0]);
    }

    @Test
    void eventsAnnotatedFromTheCommandLineMakeTheReportsKeyTimeline() throws Exception {
        String[] r = run("annotate", "--case", caseDir.toString(), hostileEventId, "--star", "--tag", "carrier", "--note", "planted in the vendor note");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith(hostileEventId + ": starred, tags [carrier"), r[1]);
        Path md = tmp.resolve("report.md");
        assertEquals("0", run("report", "--case", caseDir.toString(), "--format", "md", "--out", md.toString())[0]);
        String report = Files.readString(md);
        assertTrue(report.contains("planted in the vendor note") && report.contains(hostileEventId), report);
        try (var c = dev.tracehound.timeline.store.Cases.open(caseDir)) {
            assertTrue(c.audit().entries().stream().anyMatch(a -> a.details().contains(hostileEventId) && a.action().contains("note")),
                    "audited");
        }
        String[] nothing = run("annotate", "--case", caseDir.toString(), hostileEventId);
        assertEquals("2", nothing[0]);
        assertTrue(nothing[2].contains("nothing to do"), nothing[2]);
        String[] unknown = run("annotate", "--case", caseDir.toString(), "no-such-event", "--star");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("no event with id no-such-event"), unknown[2]);
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsNamedNotItsTemporaryFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        String[] r = run("report", "--case", caseDir.toString(), "--format", "md", "--out", file.resolve("report.md").toString());
        assertEquals("2", r[0]);
        assertEquals("tracehound: could not write " + file.resolve("report.md") + ": " + file + " is a file, not a folder", r[2].strip());
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}

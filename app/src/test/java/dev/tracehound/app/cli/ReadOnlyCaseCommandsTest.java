package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.app.testing.SmallCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a case made read-only the way investigators keep evidence ({@code chmod -R a-w}, or media mounted
 * read-only): everything that reads works, a report goes to a file elsewhere with a note that the case's audit log
 * cannot record it, and every change stops with one line saying the case is read-only and how to get a copy to work
 * on. The tests run as root, who may write anyway: the folder is compared byte for byte before and after.
 */
class ReadOnlyCaseCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    SmallCase sc;
    String dir;

    @AfterEach
    void writableAgain() throws IOException {
        if (sc == null) return;
        try (Stream<Path> s = Files.walk(sc.dir)) {
            for (Path p : s.toList()) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    private Map<String, String> readOnlyCase() throws IOException {
        sc = SmallCase.build(tmp);
        dir = sc.dir.toString();
        assertEquals(0, CliRun.of("playbook", "start", "--case", dir, "indirect-prompt-injection").exit());
        try (Stream<Path> s = Files.walk(sc.dir)) {
            for (Path p : s.toList()) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                perms.removeAll(List.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                Files.setPosixFilePermissions(p, perms);
            }
        }
        return snapshot(sc.dir);
    }

    @Test
    void readsVerifyAndAReportElsewhereWorkAndLeaveTheFolderAsItWas() throws Exception {
        Map<String, String> before = readOnlyCase();

        CliRun verify = CliRun.of("verify", "--case", dir);
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("Intact"), verify.out());
        assertTrue(verify.err().contains("note: the case is read-only (the case folder grants no one write permission)"), verify.err());

        CliRun search = CliRun.of("search", "--case", dir, "--json", "tool:send_email");
        assertEquals(0, search.exit(), search.err());
        assertTrue(JSON.readTree(search.out()).path("events").size() >= 1, search.out());
        for (String[] read : List.of(new String[] {"sessions"}, new String[] {"findings"}, new String[] {"timeline", "--session", "s-alpha"},
                new String[] {"playbook", "status"}, new String[] {"case", "info"})) {
            String[] args = Stream.concat(Stream.of(read), Stream.of("--case", dir)).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exit(), String.join(" ", read) + ": " + run.err());
        }

        CliRun info = CliRun.of("case", "info", "--case", dir, "--json");
        assertTrue(JSON.readTree(info.out()).path("readOnly").asBoolean(), info.out());
        assertEquals("the case folder grants no one write permission", JSON.readTree(info.out()).path("readOnlyReason").asText(), info.out());

        Path out = tmp.resolve("elsewhere/report.html");
        CliRun report = CliRun.of("report", "--case", dir, "--format", "html", "--out", out.toString(), "--json");
        assertEquals(0, report.exit(), report.err());
        JsonNode written = JSON.readTree(report.out());
        assertEquals(CaseOutputs.sha256(out), written.path("sha256").asText());
        assertFalse(written.path("audited").asBoolean(true), report.out());
        assertTrue(report.err().contains("its audit log does not record writing "), report.err());
        assertTrue(report.err().matches("(?s).*keep its SHA-256 [0-9a-f]{64} with the file.*"), report.err());

        Path checklist = tmp.resolve("elsewhere/checklist.md");
        CliRun export = CliRun.of("playbook", "export", "--case", dir, "--format", "md", "--out", checklist.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.isRegularFile(checklist));
        assertTrue(export.err().contains("keep its SHA-256 " + CaseOutputs.sha256(checklist)), export.err());

        assertEquals(before, snapshot(sc.dir), "no byte of the case changed, no file was added");
    }

    @Test
    void everyChangeStopsWithOneLineSayingTheCaseIsReadOnlyAndHowToCopyIt() throws Exception {
        Map<String, String> before = readOnlyCase();
        Path more = tmp.resolve("more.jsonl");
        Files.writeString(more, "{\"session\":\"s-delta\",\"kind\":\"USER_MESSAGE\",\"text\":\"hello\"}\n");
        // the format is forced: the refusal must come from the case, not from recognising the file
        List<List<String>> writes = List.of(
                List.of("annotate", "--case", dir, sc.toolCall.eventId(), "--star"),
                List.of("import", "--case", dir, "--format", "generic", more.toString()),
                List.of("analyze", "--case", dir),
                List.of("finding-status", "--case", dir, sc.finding.id(), "confirmed"),
                List.of("playbook", "tick", "--case", dir, "find-carrier", "--note", "vendor note"));
        for (List<String> w : writes) {
            CliRun run = CliRun.of(w.toArray(String[]::new));
            assertEquals(2, run.exit(), w + ": " + run.out() + run.err());
            String error = run.err().lines().filter(l -> !l.startsWith("tracehound: note:")).findFirst().orElse("");
            assertEquals(1, run.err().lines().filter(l -> !l.startsWith("tracehound: note:")).count(), w + ": " + run.err());
            assertTrue(error.contains("is read-only (the case folder grants no one write permission)"), w + ": " + error);
            assertTrue(error.contains("copy the folder to writable storage"), w + ": " + error);
        }

        CliRun intoCase = CliRun.of("report", "--case", dir, "--format", "md");
        assertEquals(2, intoCase.exit(), intoCase.err());
        assertTrue(intoCase.err().contains("cannot be written inside its folder; name an output file elsewhere (--out FILE)"), intoCase.err());

        // links elsewhere that lead into the folder: to the case, to its exports, and the case opened through a link
        Path toCase = Files.createSymbolicLink(tmp.resolve("link-to-case"), sc.dir);
        Path toExports = Files.createSymbolicLink(tmp.resolve("link-to-exports"), sc.dir.resolve("exports"));
        List<List<String>> throughLinks = List.of(
                List.of("report", "--case", dir, "--format", "md", "--out", toCase.resolve("r.md").toString()),
                List.of("report", "--case", dir, "--format", "md", "--out", toExports.resolve("r.md").toString()),
                List.of("report", "--case", toCase.toString(), "--format", "md", "--out", sc.dir.resolve("r.md").toString()),
                List.of("export", "--case", dir, "--format", "sarif", "--out", toCase.resolve("f.sarif").toString()));
        for (List<String> w : throughLinks) {
            CliRun run = CliRun.of(w.toArray(String[]::new));
            assertEquals(2, run.exit(), w + ": " + run.out() + run.err());
            assertTrue(run.err().contains("cannot be written inside its folder"), w + ": " + run.err());
        }

        assertEquals(before, snapshot(sc.dir));
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), (Files.isDirectory(p) ? "dir" : CaseOutputs.sha256(p)) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }
}

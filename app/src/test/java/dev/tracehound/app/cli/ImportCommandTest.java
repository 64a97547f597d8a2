package dev.tracehound.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private static final Path SAMPLE = Path.of(System.getProperty("tracehound.shared", "../../shared"), "samples/claude-code/simonw_sample_session.jsonl");
    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path newCase() {
        Path caseDir = dir.resolve("case");
        try (Case c = Cases.create(caseDir, "cli test")) {
            return c.dir();
        }
    }

    @Test
    void importsAFileAndPrintsOneJsonReport() throws Exception {
        Path caseDir = newCase();
        Result r = run("import", "--case", caseDir.toString(), "--json", SAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("claude-code", report.get("format").asText());
        assertEquals(8, report.get("records").asLong());
        assertEquals(10, report.get("events").asLong());
        assertEquals(0, report.get("quarantined").asLong());
        assertTrue(report.get("warnings").isObject());
        assertEquals(64, report.get("evidence_sha256").asText().length());

        Result again = run("import", "--case", caseDir.toString(), SAMPLE.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("already imported; nothing added"), again.out());

        // the one session, opened by the start of its id as a table shows it cut
        Result whole = run("timeline", "--case", caseDir.toString(), "--session", "test-session-id");
        Result start = run("timeline", "--case", caseDir.toString(), "--session", "test-ses");
        assertEquals(0, start.code(), start.err());
        assertTrue(whole.out().startsWith("session test-session-id (10 events)"), whole.out() + whole.err());
        assertEquals(whole.out(), start.out());
    }

    @Test
    void anIdInTheCaseWithOtherContentIsShownQuarantinedAndWarnedAbout() throws Exception {
        Path caseDir = newCase();
        String id = "0123456789abcdef0123456789abcdef";
        Path first = Files.writeString(dir.resolve("first.jsonl"), "{\"event_id\":\"" + id + "\",\"kind\":\"NOTE\",\"start_nanos\":1,\"text\":\"kept\"}\n");
        Path edited = Files.writeString(dir.resolve("edited.jsonl"), "{\"event_id\":\"" + id + "\",\"kind\":\"NOTE\",\"start_nanos\":1,\"text\":\"edited\"}\n"
                + "{\"kind\":\"NOTE\",\"start_nanos\":2,\"text\":\"new\"}\n");
        assertEquals(0, run("import", "--case", caseDir.toString(), first.toString()).code());

        Result r = run("import", "--case", caseDir.toString(), edited.toString());

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  records          2 (1 converted, 1 quarantined)\n"), r.out());
        assertTrue(r.out().contains("  events           1 added, 0 already in the case, 1 quarantined (its id is in the case with other content)\n"), r.out());
        assertTrue(r.out().contains("  warning          EVENT_ID_CONFLICT ×1: event id " + id + " is already in the case with different content (text differs;"), r.out());
        assertTrue(r.out().contains("    line:1  event id " + id + " is already in the case"), r.out());
    }

    @Test
    void wrongFormatExitsTwoWithTheDetectedFormat() throws Exception {
        Path caseDir = newCase();
        Path asb = Path.of(System.getProperty("tracehound.shared", "../../shared"), "corpus/asb/asb-clean.jsonl");
        Result r = run("import", "--case", caseDir.toString(), "--format", "claude-code", asb.toString());
        assertEquals(2, r.code());
        assertTrue(r.out().contains("detected format would be chat"), r.out() + r.err());
        assertTrue(r.out().contains("    line:20  not a Claude Code line"), r.out());
        assertTrue(r.out().contains("…and 180 more"), r.out());
    }

    /** A forced format that fits no record leaves the evidence importable, so the right format still reads it. */
    @Test
    void forcedOtlpOnAChatFileExitsTwoAndTheFileStaysImportable() throws Exception {
        Path caseDir = newCase();
        Path asb = Path.of(System.getProperty("tracehound.shared", "../../shared"), "corpus/asb/asb-clean.jsonl");
        Path chat = Files.write(dir.resolve("asb.jsonl"), Files.readAllLines(asb).subList(0, 10));
        Result wrong = run("import", "--case", caseDir.toString(), "--format", "otlp", "--json", chat.toString());
        assertEquals(2, wrong.code(), wrong.out() + wrong.err());
        JsonNode report = new ObjectMapper().readTree(wrong.out());
        assertEquals(10, report.get("records").asLong());
        assertEquals(10, report.get("quarantined").asLong());
        assertEquals(0, report.get("records_converted").asLong());
        assertEquals(0, report.get("events").asLong());
        JsonNode first = report.get("quarantine").get(0);
        assertEquals("line:1", first.get("locator").asText());
        assertEquals("not an OTLP ExportTraceServiceRequest (no resourceSpans list; fields id, agent, messages)", first.get("reason").asText());
        assertTrue(report.get("hint").asText().startsWith("does not look like otlp; detected format would be chat"), report.toString());
        assertTrue(wrong.err().contains("every record was quarantined as not otlp"), wrong.err());

        Result right = run("import", "--case", caseDir.toString(), "--json", chat.toString());
        assertEquals(0, right.code(), right.out() + right.err());
        JsonNode imported = new ObjectMapper().readTree(right.out());
        assertEquals("chat", imported.get("format").asText());
        assertEquals(false, imported.get("already_imported").asBoolean(), "the wrong format did not mark the evidence complete");
        assertEquals(10, imported.get("records_converted").asLong());
        assertTrue(imported.get("events").asLong() > 10, imported.toString());
    }

    @Test
    void aFileThatCannotBeImportedGetsAnErrorLineOnStderr() throws Exception {
        Path caseDir = newCase();
        Path unknown = Files.writeString(dir.resolve("notes.txt"), "just some notes, no telemetry\n");
        Path missing = dir.resolve("missing.jsonl");
        Path folder = Files.createDirectories(dir.resolve("exports"));
        Result r = run("import", "--case", caseDir.toString(), unknown.toString(), missing.toString(), folder.toString(), SAMPLE.toString());
        assertEquals(2, r.code());
        String[] errors = r.err().split("\n");
        assertEquals(3, errors.length, r.err());
        assertEquals("tracehound: " + folder + ": cannot import " + folder + ": it is a folder; import the files in it, for example "
                + folder.resolve("*.jsonl"), errors[2]);
        assertTrue(errors[0].startsWith("tracehound: " + unknown + ": could not recognise the format"), r.err());
        assertTrue(errors[1].startsWith("tracehound: " + missing + ": "), r.err());
        assertTrue(r.out().contains("format           not recognised"), r.out());
        assertTrue(!r.out().contains("null"), r.out());
        assertTrue(r.out().contains("claude-code"), "the good file still imports: " + r.out());
    }

    @Test
    void aTruncatedGzipImportsTheLinesBeforeTheCutAndSaysWhereItWasCut() throws Exception {
        Path caseDir = newCase();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            Files.copy(SAMPLE, out);
        }
        Path cut = Files.write(dir.resolve("session.jsonl.gz"), Arrays.copyOf(gz.toByteArray(), gz.size() * 8 / 10));
        long lines = inflatableLines(cut);
        Result r = run("import", "--case", caseDir.toString(), cut.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("records          " + (lines + 1) + " (" + lines + " converted, 1 quarantined)"), r.out());
        assertTrue(r.out().contains("    line:" + (lines + 1) + " (compressed byte " + Files.size(cut) + ")  the gzip stream is truncated: "
                + "the file ends before its compressed data does (" + lines + " lines read before it)"), r.out());
        assertTrue(r.out().contains("status           complete"), r.out());
        assertTrue(!r.out().contains("ZLIB"), r.out());
    }

    @Test
    void aGzipOfGarbageIsAClearErrorNotZlibsMessage() throws Exception {
        Path caseDir = newCase();
        byte[] garbage = new byte[3000];
        new java.util.Random(2).nextBytes(garbage);
        System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, 0, garbage, 0, 10);
        Path file = Files.write(dir.resolve("garbage.jsonl.gz"), garbage);
        Result r = run("import", "--case", caseDir.toString(), file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tracehound: " + file + ": cannot read " + file + ": not a valid gzip stream: "), r.err());
    }

    /** Complete lines the JDK's own gzip reader gives before the cut. */
    private static long inflatableLines(Path gz) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            in.transferTo(text);
        } catch (EOFException cut) {
            // expected
        }
        return text.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
    }

    @Test
    void unknownFormatIsOneActionableLine() {
        Path caseDir = newCase();
        Result r = run("import", "--case", caseDir.toString(), "--format", "langfuze", SAMPLE.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("tracehound: unknown format 'langfuze'; known formats: "), r.err());
    }

    @Test
    void formatsListsEveryImporter() throws Exception {
        Result r = run("formats", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = new ObjectMapper().readTree(r.out());
        var names = new java.util.ArrayList<String>();
        list.forEach(n -> names.add(n.get("format").asText()));
        assertTrue(names.containsAll(java.util.List.of("chat", "claude-code", "codex", "generic", "mcp", "tracehound")), names.toString());
    }
}

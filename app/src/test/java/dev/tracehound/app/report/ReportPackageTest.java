package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehound.app.cli.Cli;
import dev.tracehound.app.export.CaseOutputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report package: written through the CLI, verified, and every kind of tampering caught with the file named. */
class ReportPackageTest {
    @TempDir Path tmp;
    Path zip;

    @BeforeEach
    void writePackage() throws Exception {
        ReportFixture fx = new ReportFixture(tmp);
        fx.c.close();
        zip = tmp.resolve("out/report.zip");
        Run r = cli("report", "--case", fx.caseDir.toString(), "--format", "zip", "--out", zip.toString(), "--json");
        assertEquals(0, r.code, r.err);
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertEquals(CaseOutputs.sha256(zip), json.path("sha256").asText());
    }

    @Test
    void packageHoldsTheThreeRenderingsAndAManifestOfTheirHashes() throws IOException {
        Map<String, byte[]> entries = read(zip);
        assertEquals(java.util.List.of("report.html", "report.pdf", "report.md", "manifest.json", "manifest.sha256"), java.util.List.copyOf(entries.keySet()));
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertEquals(3, manifest.path("files").size());
        for (JsonNode f : manifest.path("files")) {
            assertEquals(CaseOutputs.sha256(entries.get(f.path("path").asText())), f.path("sha256").asText());
        }
        assertEquals(CaseOutputs.sha256(entries.get("manifest.json")) + "  manifest.json\n",
                new String(entries.get("manifest.sha256"), StandardCharsets.US_ASCII));
        assertTrue(new String(entries.get("report.pdf"), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void intactPackageVerifiesWithExitZero() {
        Run r = cli("verify-report", zip.toString());
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.startsWith("OK:"), r.out);
    }

    @Test
    void changedReportFileIsNamedAndExitsOne() throws IOException {
        Path bad = rewrite(zip, "report.html", b -> new String(b, StandardCharsets.UTF_8).replace("HIGH", "LOW").getBytes(StandardCharsets.UTF_8));
        Run r = cli("verify-report", bad.toString());
        assertEquals(1, r.code);
        assertTrue(r.out.contains("report.html: SHA-256 differs"), r.out);
    }

    @Test
    void manifestRewrittenToMatchAChangedFileIsCaughtByItsHash() throws IOException {
        Map<String, byte[]> entries = read(zip);
        byte[] md = "# forged\n".getBytes(StandardCharsets.UTF_8);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace(CaseOutputs.sha256(entries.get("report.md")), CaseOutputs.sha256(md));
        Path bad = rewrite(rewrite(zip, "report.md", b -> md), "manifest.json", b -> manifest.getBytes(StandardCharsets.UTF_8));
        ReportPackageVerifier.Result r = new ReportPackageVerifier().verify(bad);
        assertEquals("manifest.json: its SHA-256 does not match manifest.sha256 (the manifest was changed)", r.problems().getFirst());
        assertTrue(r.problems().stream().noneMatch(p -> p.startsWith("report.md: SHA-256")), "the forged hash itself matches: " + r.problems());
    }

    @Test
    void extraAndMissingFilesAreReported() throws IOException {
        Map<String, byte[]> entries = read(zip);
        entries.remove("report.pdf");
        entries.put("readme.txt", "added later".getBytes(StandardCharsets.UTF_8));
        Path bad = tmp.resolve("extra.zip");
        write(bad, entries);
        Run r = cli("verify-report", "--json", bad.toString());
        assertEquals(1, r.code);
        assertTrue(r.out.contains("report.pdf: listed in the manifest but missing from the zip"), r.out);
        assertTrue(r.out.contains("readme.txt: in the zip but not in the manifest"), r.out);
    }

    @Test
    void notAZipIsAUserErrorWithExitTwo() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "not a zip at all");
        Run r = cli("verify-report", junk.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("is not a zip file"), r.err + r.out);
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) m.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        return m;
    }

    private Path rewrite(Path source, String name, UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> entries = read(source);
        entries.put(name, change.apply(entries.get(name)));
        Path out = tmp.resolve("tampered-" + name + "-" + System.nanoTime() + ".zip");
        write(out, entries);
        return out;
    }

    static void write(Path out, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }
}

package dev.tracehound.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.export.CaseOutputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report package: a zip with the report as HTML, PDF and Markdown, {@code manifest.json} listing every file with
 * its SHA-256 and size, and {@code manifest.sha256} holding the manifest's own hash in {@code sha256sum} format.
 * Signing {@code manifest.sha256} (or the manifest) signs the whole package; {@link ReportPackageVerifier} checks it.
 */
public final class ReportPackage {
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_HASH = "manifest.sha256";
    public static final String FORMAT = "tracehound-report-package/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the package; returns the number of report files in it. */
    public long write(IncidentReport report, OutputStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String html = new HtmlReportRenderer().render(report);
        files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfReportRenderer().renderHtml(html, pdf);
        files.put("report.pdf", pdf.toByteArray());
        files.put("report.md", new MarkdownReportRenderer().render(report).getBytes(StandardCharsets.UTF_8));

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("tool", "Tracehound " + report.toolVersion());
        manifest.put("generated", report.generatedAt().toString());
        manifest.putObject("case").put("id", report.caseInfo().caseId()).put("name", report.caseInfo().name());
        ArrayNode list = manifest.putArray("files");
        files.forEach((path, bytes) -> list.addObject().put("path", path).put("sha256", CaseOutputs.sha256(bytes)).put("size", bytes.length));
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        byte[] hashLine = (CaseOutputs.sha256(manifestBytes) + "  " + MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII);

        ZipOutputStream zip = new ZipOutputStream(out);
        FileTime time = FileTime.from(report.generatedAt());
        for (Map.Entry<String, byte[]> f : files.entrySet()) put(zip, f.getKey(), f.getValue(), time);
        put(zip, MANIFEST, manifestBytes, time);
        put(zip, MANIFEST_HASH, hashLine, time);
        zip.finish();
        return files.size();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}

package dev.tracehound.app.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns a well-formed XHTML document into PDF with openhtmltopdf. Rendering never fetches anything: every URI except
 * inline {@code data:} resolves to nothing, so an image or stylesheet link that slipped into a report (evidence is
 * hostile) cannot reach the network or read local files. Text is set in the embedded {@link PdfFonts}, so characters
 * beyond Latin-1 print as they are.
 */
public final class HtmlToPdf {
    static {
        // openhtmltopdf logs parse timings and CSS notes to stderr through its own handler; failures still throw.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private HtmlToPdf() {}

    public static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        PdfFonts.register(builder);
        builder.withHtmlContent(xhtml, null);
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        builder.toStream(out);
        builder.run();
    }

    /** Writes the PDF next to the target first and moves it into place, so a failure leaves no half-written file. */
    public static void render(String xhtml, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".pdf-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                render(xhtml, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

package dev.tracehound.app.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns a well-formed XHTML document into PDF with openhtmltopdf. The document must not load anything: no base URI
 * is given, so relative links resolve nowhere, and callers pass only self-contained, escaped HTML.
 */
public final class HtmlToPdf {
    private HtmlToPdf() {}

    public static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
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

package dev.tracehound.app.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;

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
}

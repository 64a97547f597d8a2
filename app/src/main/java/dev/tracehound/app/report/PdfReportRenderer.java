package dev.tracehound.app.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The PDF rendering of the same XHTML the HTML report uses (openhtmltopdf). The document has no external resources,
 * and the base URI points nowhere, so rendering never touches the network or the file system.
 */
public final class PdfReportRenderer {

    public void render(IncidentReport report, OutputStream out) throws IOException {
        renderHtml(new HtmlReportRenderer().render(report), out);
    }

    void renderHtml(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, "about:blank");
        // Refuse every resource request: the report is self-contained by construction.
        builder.useUriResolver((base, uri) -> null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not render the PDF report: " + e.getMessage(), e);
        }
    }
}

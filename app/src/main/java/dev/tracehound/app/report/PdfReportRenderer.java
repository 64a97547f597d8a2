package dev.tracehound.app.report;

import dev.tracehound.app.pdf.HtmlToPdf;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The PDF rendering of the same XHTML the HTML report uses (openhtmltopdf). The document has no external resources,
 * and {@link HtmlToPdf} resolves nothing but inline data, so rendering never touches the network or the file system.
 */
public final class PdfReportRenderer {

    public void render(IncidentReport report, OutputStream out) throws IOException {
        renderHtml(new HtmlReportRenderer().render(report), out);
    }

    void renderHtml(String xhtml, OutputStream out) throws IOException {
        try {
            HtmlToPdf.render(xhtml, out); // resolves no resource but inline data: URIs
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not render the PDF report: " + e.getMessage(), e);
        }
    }
}

package dev.tracehound.app.pdf;

import static dev.tracehound.app.pdf.PdfText.UNICODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.timeline.text.Html;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class HtmlToPdfTest {
    @Test
    void neverFetchesLinkedResources() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HtmlToPdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><link rel=\"stylesheet\" href=\"" + url
                    + "/s.css\"/></head><body><img src=\"" + url + "/x.png\"/><img src=\"file:///etc/passwd\"/><p>ok</p></body></html>", out);
            assertTrue(out.size() > 0);
            assertTrue(requests.get() == 0, "requests made: " + requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void charactersBeyondLatin1SurviveInSansAndMonoRegularAndBold() throws Exception {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body style=\"font-family: 'DejaVu Sans', sans-serif\">"
                + "<p><b>" + UNICODE + "</b></p><p>" + UNICODE + "</p>"
                + "<p style=\"font-family: 'DejaVu Sans Mono', monospace\">" + UNICODE + "</p>"
                + "<p style=\"font-family: 'DejaVu Sans Mono', monospace; font-weight: bold\">" + UNICODE + "</p></body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlToPdf.render(xhtml, out);
        String text = PdfText.lines(out.toByteArray());
        assertEquals(4, text.lines().filter(UNICODE::equals).count(), text);
        assertFalse(text.contains("#"), text);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            Set<String> fonts = new TreeSet<>();
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertEquals(Set.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono", "DejaVuSansMono-Bold"), fonts,
                    "the embedded fonts, subset (tag prefix stripped)");
        }
        // The four fonts are 2.1 MB whole; subsets of the few glyphs used keep a page small.
        assertTrue(out.size() < 100_000, "PDF size " + out.size());
    }

    @Test
    void documentWithHostileControlCharactersStillRenders() throws Exception {
        String hostile = "]]><!-- \u0000\u0007\uDC00 <![CDATA[ x ]]> &#0; &bogus;";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlToPdf.render("<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>"
                + Html.escape(hostile) + "</p></body></html>", out);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void rendersXhtmlToAPdfAndRefusesADocumentThatIsNotWellFormed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlToPdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Checklist</h1><p>a &lt;b&gt;</p></body></html>", out);
        String head = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("%PDF-") && head.contains("%%EOF"), head.substring(0, 20));

        // written to a file, the failure leaves no file behind (OutputFilesTest)
        assertThrows(Exception.class, () -> HtmlToPdf.render("<html><body><p>unclosed</body></html>", new ByteArrayOutputStream()));
    }
}

package dev.tracehound.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp;amp;", Xml.escape("<img src=\"x\" onerror='a'> &amp;"));
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\tc\nd\uFFFDe\uFFFD", Xml.escape("a\u0000b\tc\nd\u001Be\uD800"));
        assertEquals("emoji \uD83D\uDE00 kept", Xml.escape("emoji \uD83D\uDE00 kept"));
        assertEquals("\uFFFD", Xml.escape("\uFFFF"));
    }

    @Test
    void documentWithHostileControlCharactersStillRendersToPdf() throws Exception {
        String hostile = "]]><!-- \u0000\u0007\uDC00 <![CDATA[ x ]]> &#0; &bogus;";
        String xhtml = "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>"
                + Xml.escape(hostile) + "</p></body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportRenderer().renderHtml(xhtml, out);
        assertEquals("%PDF-", new String(out.toByteArray(), 0, 5, StandardCharsets.US_ASCII));
    }
}

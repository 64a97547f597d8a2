package dev.tracehound.timeline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp;amp;", Html.escape("<img src=\"x\" onerror='a'> &amp;"));
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
    }

    @Test
    void nullIsEmptyAndPlainTextIsUnchanged() {
        assertEquals("", Html.escape(null));
        assertEquals("Ünïcödé — «Ελληνικά» Кириллица ‘quotes’ → ✓", Html.escape("Ünïcödé — «Ελληνικά» Кириллица ‘quotes’ → ✓"));
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\tc\nd\uFFFDe\uFFFD", Html.escape("a\u0000b\tc\nd\u001Be\uD800"));
        assertEquals("\uFFFDx\uFFFD", Html.escape("\uDC00x\uDBFF"), "lone low and trailing high surrogates");
        assertEquals("\uFFFD\uFFFD", Html.escape("\uFFFE\uFFFF"));
        assertEquals("emoji \uD83D\uDE00 kept", Html.escape("emoji \uD83D\uDE00 kept"));
        assertEquals("\r\n", Html.escape("\r\n"));
    }

    @Test
    void hostileTextStaysTextInAnElementAndInAnAttribute() throws Exception {
        String hostile = "\"><script>alert('x')</script><a href='javascript:1'>&copy; ]]><!-- \u0000\u0007\uDC00 <![CDATA[ x ]]> &#0;";
        String escaped = Html.escape(hostile);
        String xhtml = "<html><body><p title=\"" + escaped + "\" data-x='" + escaped + "'>" + escaped + "</p></body></html>";

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));

        String expected = hostile.replace('\u0000', '\uFFFD').replace('\u0007', '\uFFFD').replace('\uDC00', '\uFFFD');
        Element p = (Element) doc.getElementsByTagName("p").item(0);
        assertEquals(expected, p.getTextContent(), "the text reads back exactly, with only unrepresentable characters replaced");
        assertEquals(expected, p.getAttribute("title"));
        assertEquals(expected, p.getAttribute("data-x"));
        assertEquals(1, doc.getElementsByTagName("*").getLength() - 2, "no element but <p> came from the hostile text");
        assertEquals(0, doc.getElementsByTagName("script").getLength());
    }

    @Test
    void directionControlsBecomeVisibleMarkersSoNoTextCanBeReordered() {
        // an unbalanced right-to-left override would reverse the rest of the line: "exe.jpg" reads as "gpj.exe"
        assertEquals("invoice_\u27E8U+202E\u27E9gpj.exe", Html.escape("invoice_\u202Egpj.exe"));
        String all = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
        assertEquals("\u27E8U+202A\u27E9\u27E8U+202B\u27E9\u27E8U+202C\u27E9\u27E8U+202D\u27E9\u27E8U+202E\u27E9"
                + "\u27E8U+2066\u27E9\u27E8U+2067\u27E9\u27E8U+2068\u27E9\u27E8U+2069\u27E9", Html.escape(all));
        assertEquals(0, Html.escape(all + "x").codePoints().filter(BidiControls::isControl).count());
        assertEquals("\u05E9\u05DC\u05D5\u05DD \u200F!", Html.escape("\u05E9\u05DC\u05D5\u05DD \u200F!"),
                "right-to-left letters and the marks LRM/RLM are text, kept as they are");
        assertEquals("&lt;\u27E8U+202E\u27E9&gt;", Html.escape("<\u202E>"));
    }

    @Test
    void isolatedWrapsEscapedTextInBdi() {
        assertEquals("<bdi>a &amp; \u27E8U+202E\u27E9b</bdi>", Html.isolated("a & \u202Eb"));
        assertEquals("<bdi></bdi>", Html.isolated(null));
    }
}

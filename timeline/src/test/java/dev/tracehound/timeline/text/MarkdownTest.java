package dev.tracehound.timeline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Evidence in Markdown: nothing it holds becomes markup, a link or an image when a viewer renders the report. */
class MarkdownTest {
    @Test
    void bareUrlsAreSetInCodeSpansSoNoViewerLinksThem() {
        assertEquals("fetch `https://attacker.example/p.png?d=secret` now", Markdown.inline("fetch https://attacker.example/p.png?d=secret now"));
        assertEquals("see `www.attacker.example/x` and `HTTP://A.EXAMPLE`", Markdown.inline("see www.attacker.example/x and HTTP://A.EXAMPLE"));
        // around the URL, escaping as before; inside it, a table cell's bar stays in its cell
        assertEquals("\\[x\\] `https://a.example/?q=1\\|2` &lt;b&gt;", Markdown.inline("[x] https://a.example/?q=1|2 <b>"));
        // a backtick in the URL cannot close the span early
        assertEquals("`` https://a.example/`x` ``", Markdown.inline("https://a.example/`x`"));
        // trailing punctuation and an unopened parenthesis stay outside, as GFM reads the URL
        assertEquals("\\!\\[x\\]\\(`https://a.example/p.png?d=1`\\). Or `https://b.example/(x)`.",
                Markdown.inline("![x](https://a.example/p.png?d=1). Or https://b.example/(x)."));
        // a direction override inside a URL still shows as a marker
        assertTrue(Markdown.inline("https://a.example/\u202Egpj.exe").contains("\u27E8U+202E\u27E9"));
        assertFalse(Markdown.inline("https://a.example/\u202Egpj.exe").contains("\u202E"));
        // no URL, no change: the words www and http alone are text
        assertEquals("the www and http words", Markdown.inline("the www and http words"));
        assertEquals("mail\\_me at a.example", Markdown.inline("mail_me at a.example"));
    }
}

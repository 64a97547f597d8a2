package dev.tracehound.playbooks.export;

import java.util.List;

/**
 * XHTML output that openhtmltopdf can turn into PDF. Every text is escaped, and characters XML forbids are replaced,
 * because notes and evidence are hostile and a malformed document would stop the PDF.
 */
final class HtmlWriter implements ChecklistWriter {
    private static final String STYLE = """
            body { font-family: sans-serif; font-size: 10pt; color: #111; }
            h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 18pt; }
            h3 { font-size: 11pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }
            .mark { font-family: monospace; } .label { font-weight: bold; }
            p, ul { margin: 2pt 0 4pt 0; } li { margin: 0; }
            @page { size: A4; margin: 18mm; }
            """;

    private final StringBuilder out = new StringBuilder();

    HtmlWriter(String documentTitle) {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n<title>").append(escape(documentTitle)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    @Override
    public void title(String text) {
        out.append("<h1>").append(escape(text)).append("</h1>\n");
    }

    @Override
    public void section(String text) {
        out.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    @Override
    public void step(String mark, String text) {
        out.append("<h3><span class=\"mark\">").append(escape(mark)).append("</span> ").append(escape(text)).append("</h3>\n");
    }

    @Override
    public void paragraph(String text) {
        out.append("<p>").append(escape(text)).append("</p>\n");
    }

    @Override
    public void field(String label, String value) {
        out.append("<p><span class=\"label\">").append(escape(label)).append(":</span> ").append(escape(value)).append("</p>\n");
    }

    @Override
    public void list(String label, List<String> items) {
        out.append("<p class=\"label\">").append(escape(label)).append(":</p>\n<ul>\n");
        for (String item : items) out.append("<li>").append(escape(item)).append("</li>\n");
        out.append("</ul>\n");
    }

    @Override
    public String finish() {
        return out.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    boolean xmlChar = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    b.appendCodePoint(xmlChar ? c : 0xFFFD);
                }
            }
        });
        return b.toString();
    }
}

package dev.tracehound.playbooks.export;

import dev.tracehound.timeline.text.Html;
import java.util.List;

/**
 * XHTML output that openhtmltopdf can turn into PDF. Every text goes through {@link Html#escape}, which also replaces
 * characters XML forbids, because notes and evidence are hostile and a malformed document would stop the PDF, and
 * shows direction controls as markers; a step's text and a field's value, set inline after a mark or a label, are
 * isolated in {@code <bdi>} so they cannot reorder it.
 */
final class HtmlWriter implements ChecklistWriter {
    /** DejaVu first: the app's PDF export embeds exactly these families, so evidence beyond Latin-1 prints as it is. */
    private static final String STYLE = """
            body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #111; }
            h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 18pt; }
            h3 { font-size: 11pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }
            .mark { font-family: "DejaVu Sans Mono", monospace, "DejaVu Sans"; } .label { font-weight: bold; }
            p, ul { margin: 2pt 0 4pt 0; } li { margin: 0; }
            @page { size: A4; margin: 18mm; }
            """;

    private final StringBuilder out = new StringBuilder();

    HtmlWriter(String documentTitle) {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n<title>").append(Html.escape(documentTitle)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    @Override
    public void title(String text) {
        out.append("<h1>").append(Html.escape(text)).append("</h1>\n");
    }

    @Override
    public void section(String text) {
        out.append("<h2>").append(Html.escape(text)).append("</h2>\n");
    }

    @Override
    public void step(String mark, String text) {
        out.append("<h3><span class=\"mark\">").append(Html.escape(mark)).append("</span> ").append(Html.isolated(text)).append("</h3>\n");
    }

    @Override
    public void paragraph(String text) {
        out.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    @Override
    public void field(String label, String value) {
        out.append("<p><span class=\"label\">").append(Html.escape(label)).append(":</span> ").append(Html.isolated(value)).append("</p>\n");
    }

    @Override
    public void list(String label, List<String> items) {
        out.append("<p class=\"label\">").append(Html.escape(label)).append(":</p>\n<ul>\n");
        for (String item : items) out.append("<li>").append(Html.escape(item)).append("</li>\n");
        out.append("</ul>\n");
    }

    @Override
    public String finish() {
        return out.append("</body>\n</html>\n").toString();
    }
}

package dev.tracehound.playbooks.export;

import dev.tracehound.timeline.text.Markdown;
import java.util.List;

/**
 * Markdown output. Text is backslash-escaped so a hostile note cannot become a link, an image or raw HTML, and
 * direction controls are shown as markers ({@link Markdown}) so it cannot reorder the rest of its line.
 */
final class MarkdownWriter implements ChecklistWriter {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void title(String text) {
        out.append("# ").append(inline(text)).append("\n\n");
    }

    @Override
    public void section(String text) {
        out.append("\n## ").append(inline(text)).append("\n\n");
    }

    @Override
    public void step(String mark, String text) {
        out.append("\n### ").append(mark.replace("[", "\\[").replace("]", "\\]")).append(' ').append(inline(text)).append("\n\n");
    }

    @Override
    public void paragraph(String text) {
        out.append(inline(text)).append("\n\n");
    }

    @Override
    public void field(String label, String value) {
        out.append("**").append(inline(label)).append(":** ").append(inline(value)).append("  \n");
    }

    @Override
    public void list(String label, List<String> items) {
        out.append("\n**").append(inline(label)).append(":**\n\n");
        for (String item : items) out.append("- ").append(inline(item)).append('\n');
        out.append('\n');
    }

    @Override
    public String finish() {
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** One line, escaped as every Markdown output of evidence is ({@link Markdown#inline}). */
    static String inline(String text) {
        return Markdown.inline(text == null ? "" : text.replaceAll("\\s*\\R\\s*", " "));
    }
}

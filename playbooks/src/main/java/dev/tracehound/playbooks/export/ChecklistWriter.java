package dev.tracehound.playbooks.export;

import java.util.List;

/**
 * The few shapes a printable checklist is made of. {@link Checklist} decides the content once; each output format
 * only decides how a shape looks and how text is escaped. All text given here is untrusted (notes and evidence ids
 * come from people and from attacker-controlled data) and must be escaped by the writer.
 */
interface ChecklistWriter {
    void title(String text);

    void section(String text);

    /** A step heading; {@code mark} is the state as a short word. */
    void step(String mark, String text);

    void paragraph(String text);

    void field(String label, String value);

    void list(String label, List<String> items);

    String finish();
}

package dev.tracehound.app.export;

import dev.tracehound.timeline.store.Case;
import java.nio.file.Path;

/** Writes an export of a case to a file (by default under its exports folder) and audits it. */
public final class Exports {
    private Exports() {}

    /**
     * @param selection which events, for event formats; must be null or {@link EventSelection#all()} for finding formats
     * @param target the output file, or null for {@code <case>/exports/<format>-<stamp>.<ext>}
     */
    public static CaseOutputs.OutputRecord export(Case c, ExportFormat format, EventSelection selection, Path target) {
        EventSelection sel = selection == null ? EventSelection.all() : selection;
        if (!format.ofEvents() && !(sel instanceof EventSelection.All)) {
            throw new IllegalArgumentException(format.id() + " exports findings; --query and --annotated apply to event formats (jsonl, csv, timesketch)");
        }
        Path out = target != null ? target : CaseOutputs.defaultPath(c, "export-" + format.id(), format.extension());
        String kind = format.ofEvents() ? "events (" + sel.describe() + ")" : "findings";
        return CaseOutputs.write(c, out, kind, format.id(), os -> switch (format) {
            case JSONL -> new JsonlEventExporter().write(c, sel, os);
            case CSV -> new CsvEventExporter().write(c, sel, os);
            case TIMESKETCH -> new TimesketchExporter().write(c, sel, os);
            case SARIF -> new SarifExporter().write(c, os);
            case STIX -> new StixExporter().write(c, os);
        });
    }
}

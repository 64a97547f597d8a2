package dev.tracehound.app.cli;

import dev.tracehound.app.export.CaseOutputs.OutputRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** How report and export commands tell the user what they wrote. */
final class OutputLines {
    private OutputLines() {}

    static void print(OutputOptions output, OutputRecord r) {
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file().toString());
            m.put("kind", r.kind());
            m.put("format", r.format());
            m.put("records", r.records());
            m.put("size", r.size());
            m.put("sha256", r.sha256());
            m.put("audited", r.audited());
            output.printJson(m);
        } else {
            output.out().printf("wrote %s%n  %s, %s, %d records, %d bytes%n  sha256 %s%n", r.file(), r.kind(), r.format(),
                    r.records(), r.size(), r.sha256());
            output.out().flush();
        }
        if (!r.audited()) output.noteNotAudited(r.file(), r.sha256());
    }
}

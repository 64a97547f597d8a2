package dev.tracehound.app.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The export formats: event formats take a selection, finding formats export every finding. */
public enum ExportFormat {
    JSONL("jsonl", "jsonl", true),
    CSV("csv", "csv", true),
    TIMESKETCH("timesketch", "timesketch.jsonl", true),
    SARIF("sarif", "sarif", false),
    STIX("stix", "stix.json", false);

    private final String id;
    private final String extension;
    private final boolean events;

    ExportFormat(String id, String extension, boolean events) {
        this.id = id;
        this.extension = extension;
        this.events = events;
    }

    public String id() {
        return id;
    }

    public String extension() {
        return extension;
    }

    /** True for formats of events (which take a selection), false for formats of findings. */
    public boolean ofEvents() {
        return events;
    }

    public static ExportFormat parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(v)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown export format '" + s + "'; use one of " + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "))));
    }
}

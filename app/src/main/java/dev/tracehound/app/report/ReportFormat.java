package dev.tracehound.app.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report renderings; {@code zip} is the signed-ready package holding the other three. */
public enum ReportFormat {
    HTML("html"),
    PDF("pdf"),
    MD("md"),
    ZIP("zip");

    private final String id;

    ReportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ReportFormat parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        if (v.equals("markdown")) return MD;
        return Arrays.stream(values()).filter(f -> f.id.equals(v)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown report format '" + s + "'; use one of " + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "))));
    }
}

package dev.tracehound.timeline.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of one benchmark run, by name (see {@link Benchmark} for the keys). Rates are per second of wall time,
 * latencies in milliseconds, sizes in megabytes of UTF-8 text.
 */
public record BenchmarkResult(Map<String, Double> figures) {

    public BenchmarkResult {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public double get(String key) {
        Double v = figures.get(key);
        if (v == null) throw new IllegalArgumentException("No benchmark figure '" + key + "'; known: " + figures.keySet());
        return v;
    }
}

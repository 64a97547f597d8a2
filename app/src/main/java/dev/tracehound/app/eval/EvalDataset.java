package dev.tracehound.app.eval;

import java.nio.file.Path;
import java.util.Map;

/**
 * One conversation file of the corpus with its labels. A benign baseline has no label file: every session in
 * it is labelled benign under {@code scenario}.
 */
public record EvalDataset(Path file, String scenario, Map<String, SessionLabel> labels, boolean benignBaseline) {

    public EvalDataset {
        labels = Map.copyOf(labels);
    }

    public SessionLabel labelOf(String sessionId) {
        if (benignBaseline) return SessionLabel.benign(scenario);
        return labels.get(sessionId);
    }
}

package dev.tracehound.app.export;

import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.store.Case;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every annotation of a case by target id, read once per export (annotated targets are few). */
public final class AnnotationIndex {
    private static final Annotations NONE = new Annotations("", false, Set.of(), List.of());
    private final Map<String, Annotations> byTarget = new HashMap<>();

    public AnnotationIndex(Case c) {
        for (Annotations a : c.annotations().all()) byTarget.put(a.targetId(), a);
    }

    public Annotations of(String targetId) {
        return byTarget.getOrDefault(targetId, NONE);
    }
}

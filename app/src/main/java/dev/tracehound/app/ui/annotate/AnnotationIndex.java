package dev.tracehound.app.ui.annotate;

import dev.tracehound.timeline.annotate.AnnotationStore;
import dev.tracehound.timeline.annotate.Annotations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The investigator's marks kept in memory for the tables: a case carries at most thousands of them, while the
 * tables ask for every visible row on every redraw. Writes go to the {@link AnnotationStore} (which audits
 * them) and then refresh the entry from the store, so what is shown is what was stored.
 */
public final class AnnotationIndex {
    private final AnnotationStore store;
    private final Map<String, Annotations> byTarget = new ConcurrentHashMap<>();

    public AnnotationIndex(AnnotationStore store) {
        this.store = store;
        reload();
    }

    public void reload() {
        Map<String, Annotations> fresh = new HashMap<>();
        for (Annotations a : store.all()) fresh.put(a.targetId(), a);
        byTarget.clear();
        byTarget.putAll(fresh);
    }

    public Annotations of(String targetId) {
        Annotations a = targetId == null ? null : byTarget.get(targetId);
        return a != null ? a : new Annotations(targetId, false, Set.of(), List.of());
    }

    public boolean starred(String targetId) {
        return of(targetId).starred();
    }

    public Annotations toggleStar(String targetId, String actor) {
        store.star(targetId, !starred(targetId), actor);
        return refresh(targetId);
    }

    public Annotations tag(String targetId, String tag, String actor) {
        store.tag(targetId, tag, actor);
        return refresh(targetId);
    }

    public Annotations untag(String targetId, String tag, String actor) {
        store.untag(targetId, tag, actor);
        return refresh(targetId);
    }

    public Annotations note(String targetId, String text, String actor) {
        store.note(targetId, text, actor);
        return refresh(targetId);
    }

    private Annotations refresh(String targetId) {
        Annotations a = store.of(targetId);
        byTarget.put(targetId, a);
        return a;
    }
}

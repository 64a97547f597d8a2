package dev.tracehound.app.ui.sessions;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The session list (with finding badges) and the events of the selected session, for its causal tree. */
public final class SessionsViewModel {
    private final TaskRunner runner;
    private Case current;
    private final ObservableList<SessionItem> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<Event> sessionEvents = FXCollections.observableArrayList();

    public SessionsViewModel(TaskRunner runner) {
        this.runner = runner;
        selected.addListener((obs, old, s) -> loadEvents(s));
    }

    private dev.tracehound.app.ui.annotate.AnnotationIndex annotations;

    public void open(Case c, dev.tracehound.app.ui.annotate.AnnotationIndex index) {
        current = c;
        annotations = index;
        reload();
    }

    /** The investigator's marks on a session (star, tags, notes), as on events. */
    public dev.tracehound.timeline.annotate.Annotations annotationsOf(String sessionId) {
        return annotations == null ? new dev.tracehound.timeline.annotate.Annotations(sessionId, false, java.util.Set.of(), List.of())
                : annotations.of(sessionId);
    }

    public void toggleStar(SessionItem s) {
        annotate(s, idx -> idx.toggleStar(s.summary().sessionId(), dev.tracehound.timeline.audit.Actors.current()));
    }

    public void tag(SessionItem s, String tag) {
        if (tag == null || tag.isBlank()) return;
        annotate(s, idx -> idx.tag(s.summary().sessionId(), tag.strip(), dev.tracehound.timeline.audit.Actors.current()));
    }

    public void note(SessionItem s, String text) {
        if (text == null || text.isBlank()) return;
        annotate(s, idx -> idx.note(s.summary().sessionId(), text.strip(), dev.tracehound.timeline.audit.Actors.current()));
    }

    private void annotate(SessionItem s, java.util.function.Function<dev.tracehound.app.ui.annotate.AnnotationIndex, ?> change) {
        var idx = annotations;
        if (idx == null || s == null) return;
        runner.run("Saving annotation", () -> change.apply(idx), ok -> {
            int i = sessions.indexOf(s);
            if (i >= 0) sessions.set(i, new SessionItem(s.summary(), s.findings())); // redraw the cell
        }, e -> {});
    }

    public void close() {
        current = null;
        annotations = null;
        sessions.clear();
        sessionEvents.clear();
        selected.set(null);
    }

    /** Re-reads sessions and findings, e.g. after an import or an analysis. */
    public void reload() {
        Case c = current;
        if (c == null) return;
        runner.run("Reading sessions", () -> items(c.events().sessions(), c.findings().list()), sessions::setAll, e -> {});
    }

    static List<SessionItem> items(List<SessionSummary> summaries, List<Finding> findings) {
        Map<String, Map<Severity, Integer>> bySession = new HashMap<>();
        for (Finding f : findings) {
            if (f.sessionId() == null) continue;
            bySession.computeIfAbsent(f.sessionId(), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
        }
        List<SessionItem> out = new ArrayList<>();
        for (SessionSummary s : summaries) out.add(new SessionItem(s, bySession.getOrDefault(s.sessionId(), Map.of())));
        out.sort(Comparator.comparingLong((SessionItem i) -> i.summary().startNanos()));
        return out;
    }

    private void loadEvents(SessionItem s) {
        Case c = current;
        if (c == null || s == null) {
            sessionEvents.clear();
            return;
        }
        String id = s.summary().sessionId();
        runner.run("Reading session", () -> c.events().session(id), events -> {
            if (selected.get() == s) sessionEvents.setAll(events);
        }, e -> {});
    }

    public void select(String sessionId) {
        sessions.stream().filter(i -> i.summary().sessionId().equals(sessionId)).findFirst().ifPresent(selected::set);
    }

    public ObservableList<SessionItem> sessions() { return sessions; }
    public ObjectProperty<SessionItem> selectedProperty() { return selected; }
    public ObservableList<Event> sessionEvents() { return sessionEvents; }
}

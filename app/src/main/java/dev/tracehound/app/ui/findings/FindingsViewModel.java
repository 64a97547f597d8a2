package dev.tracehound.app.ui.findings;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import dev.tracehound.timeline.findings.FindingStatus;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The findings table (most severe first), status changes (audited by the store) and the selected finding's flow. */
public final class FindingsViewModel {
    private final TaskRunner runner;
    private Case current;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    /** Source, the finding's evidence in between, sink: the nodes of the provenance graph, in time order. */
    private final ObservableList<Event> flow = FXCollections.observableArrayList();

    public FindingsViewModel(TaskRunner runner) {
        this.runner = runner;
        selected.addListener((obs, old, f) -> loadFlow(f));
    }

    public void open(Case c) {
        current = c;
        reload();
    }

    public void close() {
        current = null;
        findings.clear();
        flow.clear();
    }

    public void reload() {
        Case c = current;
        if (c == null) return;
        runner.run("Reading findings", () -> sorted(c.findings().list()), findings::setAll, e -> {});
    }

    static List<Finding> sorted(List<Finding> list) {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::created, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** Sets the investigator's verdict; the store audits it, and the table shows what the store kept. */
    public void setStatus(Finding f, FindingStatus status, String note) {
        Case c = current;
        if (c == null || f.status() == status) return;
        runner.run("Saving status", () -> c.findings().setStatus(f.id(), status, Actors.current(), note), updated -> {
            int i = indexOf(updated.id());
            if (i >= 0) findings.set(i, updated);
            if (selected.get() != null && selected.get().id().equals(updated.id())) selected.set(updated);
        }, e -> reload());
    }

    private int indexOf(String id) {
        for (int i = 0; i < findings.size(); i++) if (findings.get(i).id().equals(id)) return i;
        return -1;
    }

    private void loadFlow(Finding f) {
        Case c = current;
        if (c == null || f == null) {
            flow.clear();
            return;
        }
        runner.run("Reading flow", () -> c.events().get(flowIds(f)), events -> {
            if (selected.get() == f) flow.setAll(events);
        }, e -> {});
    }

    /** The ids along a finding's flow: source first, sink last, the other evidence in between, each once. */
    static List<String> flowIds(Finding f) {
        List<String> ids = new ArrayList<>();
        if (f.sourceEventId() != null) ids.add(f.sourceEventId());
        for (String id : f.eventIds()) if (!ids.contains(id) && !id.equals(f.sinkEventId())) ids.add(id);
        if (f.sinkEventId() != null && !ids.contains(f.sinkEventId())) ids.add(f.sinkEventId());
        return ids;
    }

    public ObservableList<Finding> findings() { return findings; }
    public ObjectProperty<Finding> selectedProperty() { return selected; }
    public ObservableList<Event> flow() { return flow; }
}

package dev.tracehound.app.ui.inspector;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.Case;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the inspector shows about one event: the conversation, tool arguments, payload, the raw source record
 * read back from the evidence, the events around it, and the investigator's star, tags and notes.
 */
public final class InspectorViewModel {
    static final int CONTEXT_RADIUS = 5;

    private final TaskRunner runner;
    private Case current;
    private AnnotationIndex annotationIndex;
    private Consumer<String> annotationListener = id -> {};
    private final ObjectProperty<Event> event = new SimpleObjectProperty<>();
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty toolArguments = new SimpleStringProperty("");
    private final StringProperty payload = new SimpleStringProperty("");
    private final StringProperty evidenceLocator = new SimpleStringProperty("");
    private final StringProperty rawRecord = new SimpleStringProperty("");
    private final ObservableList<ChatMessage> conversation = FXCollections.observableArrayList();
    private final ObservableList<Event> context = FXCollections.observableArrayList();
    private final ObjectProperty<Annotations> annotations = new SimpleObjectProperty<>();

    public InspectorViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public void open(Case c, AnnotationIndex index) {
        current = c;
        annotationIndex = index;
        show(null);
    }

    public void close() {
        current = null;
        annotationIndex = null;
        show(null);
    }

    /** Told with the target id after every star, tag or note, so tables can redraw. */
    public void onAnnotationChanged(Consumer<String> listener) {
        annotationListener = listener;
    }

    public void show(Event e) {
        event.set(e);
        conversation.clear();
        context.clear();
        rawRecord.set("");
        if (e == null) {
            header.set("No event selected");
            details.set("");
            toolArguments.set("");
            payload.set("");
            evidenceLocator.set("");
            annotations.set(null);
            return;
        }
        header.set(e.kind() + (e.toolName() != null ? "  " + e.toolName() : e.actor() != null ? "  " + e.actor() : "")
                + "\n" + TimeFormat.human(e.startNanos()) + " UTC" + (e.trust().isUntrusted() ? "  ·  untrusted: " + e.trust() : ""));
        details.set(details(e));
        conversation.setAll(PayloadReader.conversation(e));
        toolArguments.set(PayloadReader.toolArguments(e));
        payload.set(PayloadReader.pretty(e.payloadJson()));
        evidenceLocator.set("SHA-256 " + e.evidenceSha256() + "\nlocator " + e.locator());
        annotations.set(annotationIndex == null ? null : annotationIndex.of(e.eventId()));
        Case c = current;
        if (c == null) return;
        runner.run("Reading source record", () -> RawRecordReader.read(c.evidence(), e.evidenceSha256(), e.locator()), raw -> {
            if (event.get() == e) rawRecord.set(raw);
        }, err -> {
            if (event.get() == e) rawRecord.set("(could not read the evidence: " + err.getMessage() + ")");
        });
        if (e.sessionId() != null) {
            runner.run("Reading context", () -> around(c.events().session(e.sessionId()), e.eventId()), list -> {
                if (event.get() == e) context.setAll(list);
            }, err -> {});
        }
    }

    /** The events up to {@link #CONTEXT_RADIUS} before and after the given one in its session. */
    static List<Event> around(List<Event> session, String eventId) {
        int at = -1;
        for (int i = 0; i < session.size(); i++) if (session.get(i).eventId().equals(eventId)) at = i;
        if (at < 0) return List.of();
        return List.copyOf(session.subList(Math.max(0, at - CONTEXT_RADIUS), Math.min(session.size(), at + CONTEXT_RADIUS + 1)));
    }

    private static String details(Event e) {
        StringBuilder sb = new StringBuilder();
        line(sb, "event", e.eventId());
        line(sb, "session", e.sessionId());
        line(sb, "trace", e.traceId());
        line(sb, "span", e.spanId());
        line(sb, "parent", e.parentId());
        line(sb, "name", e.name());
        line(sb, "provider", e.provider());
        line(sb, "model", e.model());
        line(sb, "tool", e.toolName());
        line(sb, "tool call", e.toolCallId());
        line(sb, "trust", e.trust().name() + (e.trust().isUntrusted() ? "  (untrusted origin)" : ""));
        if (e.inputTokens() != null || e.outputTokens() != null) line(sb, "tokens", e.inputTokens() + " in / " + e.outputTokens() + " out");
        if (e.costUsd() != null) line(sb, "cost", String.format(java.util.Locale.ROOT, "$%.6f", e.costUsd()));
        line(sb, "status", e.status());
        if (e.durationNanos() > 0) line(sb, "duration", TimeFormat.duration(e.durationNanos()));
        if (!e.flags().isEmpty()) line(sb, "flags", e.flags().toString());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String k, String v) {
        if (v == null || v.isBlank()) return;
        sb.append(String.format("%-10s %s%n", k, v));
    }

    public void toggleStar() {
        annotate(idx -> idx.toggleStar(event.get().eventId(), Actors.current()));
    }

    public void addTag(String tag) {
        if (tag == null || tag.isBlank()) return;
        annotate(idx -> idx.tag(event.get().eventId(), tag.strip(), Actors.current()));
    }

    public void removeTag(String tag) {
        annotate(idx -> idx.untag(event.get().eventId(), tag, Actors.current()));
    }

    public void addNote(String text) {
        if (text == null || text.isBlank()) return;
        annotate(idx -> idx.note(event.get().eventId(), text.strip(), Actors.current()));
    }

    private void annotate(java.util.function.Function<AnnotationIndex, Annotations> change) {
        Event e = event.get();
        AnnotationIndex idx = annotationIndex;
        if (e == null || idx == null) return;
        runner.run("Saving annotation", () -> change.apply(idx), a -> {
            if (event.get() == e) annotations.set(a);
            annotationListener.accept(e.eventId());
        }, err -> {});
    }

    public ObjectProperty<Event> eventProperty() { return event; }
    public StringProperty headerProperty() { return header; }
    public StringProperty detailsProperty() { return details; }
    public StringProperty toolArgumentsProperty() { return toolArguments; }
    public StringProperty payloadProperty() { return payload; }
    public StringProperty evidenceLocatorProperty() { return evidenceLocator; }
    public StringProperty rawRecordProperty() { return rawRecord; }
    public ObservableList<ChatMessage> conversation() { return conversation; }
    public ObservableList<Event> context() { return context; }
    public ObjectProperty<Annotations> annotationsProperty() { return annotations; }
}

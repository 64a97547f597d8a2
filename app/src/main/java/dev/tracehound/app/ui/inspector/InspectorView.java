package dev.tracehound.app.ui.inspector;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.event.Event;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The event inspector. Evidence text is hostile, so every piece of it is shown as plain text in labels and
 * read-only text areas; nothing here interprets markup.
 */
public final class InspectorView extends VBox {
    private final InspectorViewModel vm;
    private final VBox bubbles = new VBox(8);
    private final Label starLabel = new Label();
    private final Label tagsLabel = new Label();
    private final Label notesLabel = new Label();

    public InspectorView(InspectorViewModel vm, Consumer<Event> navigate, Consumer<Event> showInContext) {
        this.vm = vm;
        setId("inspector");
        getStyleClass().add("inspector");

        Label header = new Label();
        header.setId("inspector-header");
        header.getStyleClass().add("inspector-header");
        header.textProperty().bind(vm.headerProperty());

        Button star = new Button("★ Star");
        star.setId("star-button");
        star.setOnAction(e -> vm.toggleStar());
        Button tag = new Button("Tag…");
        tag.setOnAction(e -> askTag());
        Button note = new Button("Note…");
        note.setOnAction(e -> askNote());
        Button inSession = new Button("In session");
        inSession.setId("show-in-context");
        inSession.setOnAction(e -> showInContext.accept(vm.eventProperty().get()));
        inSession.disableProperty().bind(vm.eventProperty().isNull());
        star.setTooltip(new javafx.scene.control.Tooltip("Star or unstar this event (S)"));
        tag.setTooltip(new javafx.scene.control.Tooltip("Tag this event (T)"));
        inSession.setTooltip(new javafx.scene.control.Tooltip("Show this event among the events of its session in the table"));
        for (Button b : new Button[] {star, tag, note, inSession}) b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(6, star, tag, note, inSession, starLabel);
        actions.setAlignment(Pos.CENTER_LEFT);
        star.disableProperty().bind(vm.eventProperty().isNull());
        tag.disableProperty().bind(vm.eventProperty().isNull());
        note.disableProperty().bind(vm.eventProperty().isNull());
        starLabel.setId("star-state");
        starLabel.getStyleClass().add("star-state");
        tagsLabel.setId("tags-state");
        tagsLabel.getStyleClass().add("tags-state");
        notesLabel.getStyleClass().add("notes-state");
        notesLabel.setWrapText(true);
        vm.annotationsProperty().addListener((o, a, b) -> showAnnotations(b));

        ScrollPane conversation = new ScrollPane(bubbles);
        conversation.setFitToWidth(true);
        bubbles.setPadding(new Insets(8));
        bubbles.setId("conversation");
        vm.conversation().addListener((ListChangeListener<ChatMessage>) c -> drawConversation());

        TextArea details = readOnly(vm.detailsProperty(), "details-text");
        TextArea args = readOnly(vm.toolArgumentsProperty(), "tool-arguments");
        Label argsTitle = new Label("Tool arguments");
        argsTitle.getStyleClass().add("section-title");
        argsTitle.visibleProperty().bind(vm.toolArgumentsProperty().isNotEmpty());
        argsTitle.managedProperty().bind(argsTitle.visibleProperty());
        args.visibleProperty().bind(argsTitle.visibleProperty());
        args.managedProperty().bind(argsTitle.visibleProperty());
        Label payloadTitle = new Label("Payload");
        payloadTitle.getStyleClass().add("section-title");
        TextArea payload = readOnly(vm.payloadProperty(), "payload-text");
        VBox detailsBox = new VBox(6, details, argsTitle, args, payloadTitle, payload);
        VBox.setVgrow(payload, Priority.ALWAYS);
        detailsBox.setPadding(new Insets(6));

        Label locator = new Label();
        locator.setId("evidence-locator");
        locator.getStyleClass().add("mono");
        locator.textProperty().bind(vm.evidenceLocatorProperty());
        locator.setWrapText(true);
        TextArea raw = readOnly(vm.rawRecordProperty(), "raw-record");
        VBox rawBox = new VBox(6, locator, raw);
        VBox.setVgrow(raw, Priority.ALWAYS);
        rawBox.setPadding(new Insets(6));

        ListView<Event> context = new ListView<>(vm.context());
        context.setId("context-list");
        context.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Event e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    getStyleClass().remove("current-event");
                    return;
                }
                setText(TimeFormat.human(e.startNanos()).substring(11) + "  " + e.kind() + "  " + Texts.oneLine(e.text(), 80));
                boolean current = vm.eventProperty().get() != null && vm.eventProperty().get().eventId().equals(e.eventId());
                if (current && !getStyleClass().contains("current-event")) getStyleClass().add("current-event");
                if (!current) getStyleClass().remove("current-event");
            }
        });
        context.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && context.getSelectionModel().getSelectedItem() != null) {
                navigate.accept(context.getSelectionModel().getSelectedItem());
            }
        });

        TabPane tabs = new TabPane(
                tab("Conversation", conversation),
                tab("Details", detailsBox),
                tab("Source record", rawBox),
                tab("Context", context));
        tabs.setId("inspector-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox top = new VBox(6, header, actions, tagsLabel, notesLabel);
        top.setPadding(new Insets(8, 10, 4, 10));
        getChildren().addAll(top, tabs);
        showAnnotations(null);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static TextArea readOnly(javafx.beans.property.StringProperty p, String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.getStyleClass().add("mono");
        a.textProperty().bind(p);
        return a;
    }

    private void drawConversation() {
        bubbles.getChildren().clear();
        for (ChatMessage m : vm.conversation()) {
            String role = m.role() == null ? "note" : m.role().toLowerCase(Locale.ROOT);
            Label who = new Label(role);
            who.getStyleClass().add("bubble-role");
            Label text = new Label(m.text().isEmpty() && m.toolCalls().isEmpty() ? "(no content)" : m.text());
            text.setWrapText(true);
            text.getStyleClass().add("bubble-text");
            VBox bubble = new VBox(3, who, text);
            if (!m.toolCalls().isEmpty()) {
                Label calls = new Label("⚙ " + m.toolCalls());
                calls.setWrapText(true);
                calls.getStyleClass().add("bubble-tool-calls");
                bubble.getChildren().add(calls);
            }
            bubble.getStyleClass().addAll("bubble", "bubble-" + (role.matches("system|user|assistant|tool|document") ? role : "other"));
            bubble.setMaxWidth(520);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = role.equals("user") ? new HBox(spacer, bubble) : new HBox(bubble, spacer);
            bubbles.getChildren().add(row);
        }
    }

    private void showAnnotations(Annotations a) {
        starLabel.setText(a != null && a.starred() ? "★ starred" : "");
        tagsLabel.setText(a == null || a.tags().isEmpty() ? "" : "Tags: " + String.join(", ", a.tags()));
        notesLabel.setText(a == null || a.notes().isEmpty() ? "" : "Notes: " + String.join("  ·  ", a.notes()));
        tagsLabel.setManaged(!tagsLabel.getText().isEmpty());
        notesLabel.setManaged(!notesLabel.getText().isEmpty());
    }

    /** Asks for a tag (shortcut T). */
    public void askTag() {
        if (vm.eventProperty().get() == null) return;
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Tag event");
        d.setHeaderText("Tag for this event (e.g. injection, exfiltration)");
        d.showAndWait().ifPresent(vm::addTag);
    }

    private void askNote() {
        if (vm.eventProperty().get() == null) return;
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Note");
        d.setHeaderText("Note on this event");
        d.showAndWait().ifPresent(vm::addNote);
    }
}

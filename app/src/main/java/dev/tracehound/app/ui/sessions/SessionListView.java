package dev.tracehound.app.ui.sessions;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.findings.Severity;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Sessions with their size, time span, models, tools and a badge per finding severity. */
public final class SessionListView extends ListView<SessionItem> {

    public SessionListView(SessionsViewModel vm) {
        super(vm.sessions());
        setId("session-list");
        getStyleClass().add("session-list");
        setPlaceholder(new Label("No sessions yet."));
        setCellFactory(l -> new SessionCell(vm));
        javafx.scene.control.MenuItem star = new javafx.scene.control.MenuItem("Star / unstar session");
        star.setOnAction(e -> vm.toggleStar(getSelectionModel().getSelectedItem()));
        javafx.scene.control.MenuItem tag = new javafx.scene.control.MenuItem("Tag session…");
        tag.setOnAction(e -> ask("Tag for this session").ifPresent(t -> vm.tag(getSelectionModel().getSelectedItem(), t)));
        javafx.scene.control.MenuItem note = new javafx.scene.control.MenuItem("Note on session…");
        note.setOnAction(e -> ask("Note on this session").ifPresent(t -> vm.note(getSelectionModel().getSelectedItem(), t)));
        setContextMenu(new javafx.scene.control.ContextMenu(star, tag, note));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != getSelectionModel().getSelectedItem()) getSelectionModel().select(b);
        });
    }

    private static java.util.Optional<String> ask(String header) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
        d.setTitle("Session");
        d.setHeaderText(header);
        return d.showAndWait();
    }

    private static final class SessionCell extends ListCell<SessionItem> {
        private final SessionsViewModel vm;

        SessionCell(SessionsViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(SessionItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            SessionSummary s = item.summary();
            var marks = vm.annotationsOf(s.sessionId());
            Label id = new Label((marks.starred() ? "★ " : "") + Texts.oneLine(s.sessionId(), 40));
            id.getStyleClass().add("session-id");
            id.setMinWidth(0); // the id gives way (ellipsis) so the finding badges stay visible
            HBox.setHgrow(id, Priority.ALWAYS);
            id.setMaxWidth(Double.MAX_VALUE);
            HBox badges = new HBox(4);
            badges.setAlignment(Pos.CENTER_LEFT);
            for (Severity sev : java.util.List.of(Severity.values()).reversed()) { // most severe first
                Integer n = item.findings().get(sev);
                if (n == null) continue;
                Label badge = new Label(n + " " + sev.name().charAt(0) + sev.name().substring(1).toLowerCase(Locale.ROOT));
                badge.getStyleClass().addAll("badge", "severity-" + sev.name().toLowerCase(Locale.ROOT));
                badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                badges.getChildren().add(badge);
            }
            Label line2 = new Label(String.format("%,d events · %s · %s", s.events(), TimeFormat.human(s.startNanos()),
                    TimeFormat.duration(s.endNanos() - s.startNanos())));
            line2.getStyleClass().add("session-meta");
            String models = String.join(", ", s.models());
            String tools = String.join(", ", s.tools());
            Label line3 = new Label(Texts.oneLine((models.isEmpty() ? "" : models) + (tools.isEmpty() ? "" : "  ⚙ " + tools), 70));
            line3.getStyleClass().add("session-meta");
            line2.setMinWidth(0);
            line3.setMinWidth(0);
            VBox box = new VBox(1, id);
            if (!badges.getChildren().isEmpty()) box.getChildren().add(badges);
            box.getChildren().add(line2);
            box.setMinWidth(0);
            box.setPrefWidth(0); // fit the list's width instead of widening it (no horizontal scrolling)
            if (!line3.getText().isEmpty()) box.getChildren().add(line3);
            if (!marks.tags().isEmpty()) {
                Label tags = new Label("Tags: " + String.join(", ", marks.tags()));
                tags.getStyleClass().add("session-meta");
                box.getChildren().add(tags);
            }
            setGraphic(box);
        }
    }
}

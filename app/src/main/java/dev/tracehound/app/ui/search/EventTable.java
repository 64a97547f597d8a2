package dev.tracehound.app.ui.search;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.format.Texts;
import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.timeline.event.Event;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Label;

/**
 * The event table over a {@link PagedEventList}: fixed cell height so the virtual flow never measures rows it
 * does not show, a star and tags column from the annotation index, and rows still loading drawn as such.
 */
public final class EventTable extends TableView<EventRow> {

    public EventTable(SearchViewModel vm, Supplier<AnnotationIndex> annotations) {
        setId("event-table");
        getStyleClass().add("event-table");
        setFixedCellSize(26);
        itemsProperty().bind(vm.resultsProperty());
        setPlaceholder(new Label("No events. Open a case (Case ▸ Open) or change the search."));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<EventRow, String> star = column("★", 30, r -> {
            AnnotationIndex idx = annotations.get();
            return idx != null && idx.starred(r.eventId()) ? "★" : "";
        });
        star.setId("star-column");
        star.getStyleClass().add("star-column");
        getColumns().add(star);
        getColumns().add(column("Time (UTC)", 168, r -> TimeFormat.human(r.startNanos())));
        TableColumn<EventRow, String> kind = column("Kind", 118, r -> r.kind().name());
        kind.setCellFactory(c -> new KindCell());
        getColumns().add(kind);
        getColumns().add(column("Actor", 80, r -> Texts.oneLine(r.actor(), 40)));
        getColumns().add(column("Tool", 90, r -> Texts.oneLine(r.toolName(), 40)));
        getColumns().add(column("Model", 80, r -> Texts.oneLine(r.model(), 40)));
        getColumns().add(column("Session", 70, r -> Texts.shortId(r.sessionId(), 12)));
        TableColumn<EventRow, String> tags = column("Tags", 56, r -> {
            AnnotationIndex idx = annotations.get();
            return idx == null ? "" : String.join(", ", idx.of(r.eventId()).tags());
        });
        tags.setId("tags-column");
        getColumns().add(tags);
        getColumns().add(column("Text", 400, r -> Texts.oneLine(r.text(), 300)));
        getColumns().forEach(c -> c.setSortable(false));
        getColumns().stream().filter(c -> c.getText().equals("Model")).forEach(c -> c.setVisible(false));
        setTableMenuButtonVisible(true); // the + menu shows hidden columns such as Model // order comes from the search, not from sorting loaded rows

        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("loading"), !empty && row != null && row.isLoading());
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("untrusted"),
                        !empty && row != null && !row.isLoading() && row.event().trust().isUntrusted());
            }
        });
    }

    private static TableColumn<EventRow, String> column(String title, double width, Function<Event, String> value) {
        TableColumn<EventRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // Time and kind must stay readable when the inspector takes room; the text column gives way instead.
        c.setMinWidth(title.equals("Text") ? 160 : Math.min(width, title.startsWith("Time") || title.equals("Kind") ? width : 60));
        c.setCellValueFactory(cd -> {
            EventRow r = cd.getValue();
            if (r == null) return new ReadOnlyStringWrapper("");
            if (r.isLoading()) return new ReadOnlyStringWrapper(title.startsWith("Time") ? "loading…" : "");
            return new ReadOnlyStringWrapper(value.apply(r.event()));
        });
        return c;
    }

    /** The kind as a coloured chip, so model calls, tool calls and retrievals stand apart at a glance. */
    private static final class KindCell extends TableCell<EventRow, String> {
        @Override
        protected void updateItem(String kind, boolean empty) {
            super.updateItem(kind, empty);
            getStyleClass().removeIf(s -> s.startsWith("kind-"));
            if (empty || kind == null || kind.isEmpty()) {
                setText(null);
                return;
            }
            setText(kind);
            getStyleClass().add("kind-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    public Event selectedEvent() {
        EventRow r = getSelectionModel().getSelectedItem();
        return r == null ? null : r.event();
    }
}

package dev.tracehound.app.ui.timeline;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.format.Texts;
import dev.tracehound.app.ui.sessions.SessionsViewModel;
import dev.tracehound.timeline.event.Event;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** The selected session as a causal tree: model calls with the messages, tool calls and results under them. */
public final class SessionTreeView extends TreeTableView<Event> {

    public SessionTreeView(SessionsViewModel vm, Consumer<Event> onSelect) {
        setId("session-tree");
        setShowRoot(false);
        setPlaceholder(new Label("Select a session on the left to see it as a tree."));
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Kind", 200, e -> e.kind().name()));
        getColumns().add(column("Time (UTC)", 168, e -> TimeFormat.human(e.startNanos())));
        getColumns().add(column("Actor / tool", 120, e -> Texts.oneLine(e.toolName() != null ? e.toolName() : e.actor(), 40)));
        getColumns().add(column("Duration", 70, e -> e.durationNanos() > 0 ? TimeFormat.duration(e.durationNanos()) : ""));
        getColumns().add(column("Text", 400, e -> Texts.oneLine(e.text(), 300)));
        vm.sessionEvents().addListener((ListChangeListener<Event>) c -> rebuild(vm));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() != null) onSelect.accept(b.getValue());
        });
    }

    private void rebuild(SessionsViewModel vm) {
        TreeItem<Event> root = new TreeItem<>();
        add(root, CausalTree.build(vm.sessionEvents()));
        setRoot(root);
    }

    private static void add(TreeItem<Event> parent, CausalTree.Node node) {
        for (CausalTree.Node c : node.children()) {
            TreeItem<Event> item = new TreeItem<>(c.event());
            item.setExpanded(true);
            parent.getChildren().add(item);
            add(item, c);
        }
    }

    private static TreeTableColumn<Event, String> column(String title, double width, Function<Event, String> value) {
        TreeTableColumn<Event, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(title.equals("Text") ? 120 : width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue() == null ? "" : value.apply(cd.getValue().getValue())));
        c.setSortable(false);
        return c;
    }
}

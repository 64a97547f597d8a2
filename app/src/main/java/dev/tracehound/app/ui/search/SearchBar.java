package dev.tracehound.app.ui.search;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * The query bar: Lucene syntax with completion of field names for the word being typed, the syntax error shown
 * inline under it (with its column), saved searches and the hit count.
 */
public final class SearchBar extends VBox {
    private final TextField field = new TextField();

    public SearchBar(SearchViewModel vm) {
        getStyleClass().add("search-bar");
        field.setId("query-field");
        field.setPromptText("Search events — Lucene syntax, e.g.  tool:send_email AND \"ignore previous\"   (Ctrl+F)");
        field.textProperty().bindBidirectional(vm.queryProperty());
        field.setOnAction(e -> vm.search());
        HBox.setHgrow(field, Priority.ALWAYS);
        // ControlsFX replaces the whole text with the chosen suggestion, so each suggestion is the completed query.
        AutoCompletionBinding<String> completion = TextFields.bindAutoCompletion(field, request -> FieldCompletion
                .suggest(request.getUserText(), vm.fieldNames()).stream()
                .map(f -> FieldCompletion.apply(request.getUserText(), f)).toList());
        completion.setOnAutoCompleted(e -> field.positionCaret(field.getText().length()));

        Button go = new Button("Search");
        go.setId("search-button");
        go.setDefaultButton(false);
        go.setOnAction(e -> vm.search());

        MenuButton saved = new MenuButton("Saved");
        saved.setId("saved-searches");
        Runnable rebuild = () -> {
            saved.getItems().clear();
            MenuItem save = new MenuItem("Save current search…");
            save.setOnAction(e -> {
                TextInputDialog d = new TextInputDialog();
                d.setTitle("Save search");
                d.setHeaderText("Name this search");
                d.showAndWait().ifPresent(vm::saveCurrent);
            });
            saved.getItems().add(save);
            if (!vm.savedSearches().isEmpty()) saved.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            for (SavedSearch s : vm.savedSearches()) {
                MenuItem item = new MenuItem(s.name());
                item.setOnAction(e -> vm.applySaved(s));
                saved.getItems().add(item);
            }
        };
        vm.savedSearches().addListener((javafx.collections.ListChangeListener<SavedSearch>) c -> rebuild.run());
        rebuild.run();

        Label hits = new Label();
        hits.setId("hit-count");
        hits.getStyleClass().add("hit-count");
        hits.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d events", vm.totalHitsProperty().get()),
                vm.totalHitsProperty()));

        HBox row = new HBox(8, field, go, saved, hits);
        row.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("query-error");
        error.getStyleClass().add("query-error");
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            String m = vm.errorProperty().get();
            if (m == null || m.isEmpty()) return "";
            int col = vm.errorColumnProperty().get();
            return (col > 0 ? "Column " + col + ": " : "") + m;
        }, vm.errorProperty(), vm.errorColumnProperty()));
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setTooltip(new Tooltip("The query could not be parsed; fix it and press Enter."));
        vm.errorProperty().addListener((o, a, b) -> field.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b != null && !b.isEmpty()));

        getChildren().addAll(row, error);
        setSpacing(4);
        setPadding(new Insets(8, 10, 6, 10));
    }

    public TextField field() {
        return field;
    }
}

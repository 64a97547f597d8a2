package dev.tracehound.app.ui.search;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.format.Texts;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Facet filters: the top values of kind, actor, tool, model and evidence among the hits, each a checkbox. */
public final class FacetPanel extends ScrollPane {
    private final SearchViewModel vm;
    private final VBox box = new VBox(2);
    private final Label range = new Label();

    public FacetPanel(SearchViewModel vm) {
        this.vm = vm;
        setId("facet-panel");
        getStyleClass().add("facet-panel");
        setFitToWidth(true);
        box.setPadding(new Insets(6, 8, 8, 8));
        setContent(box);
        vm.facetCounts().addListener((MapChangeListener<String, Map<String, Long>>) c -> rebuild());
        vm.timeRangeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        box.getChildren().clear();
        Button clear = new Button("Clear filters");
        clear.getStyleClass().add("link-button");
        clear.setOnAction(e -> vm.clearFilters());
        box.getChildren().add(clear);
        long[] r = vm.timeRangeProperty().get();
        if (r != null) {
            range.setText("Time: " + TimeFormat.human(r[0]) + "\n    → " + TimeFormat.human(r[1]));
            range.getStyleClass().setAll("label", "facet-range");
            box.getChildren().add(range);
        }
        for (String field : SearchViewModel.FACET_FIELDS) {
            Map<String, Long> counts = vm.facetCounts().get(field);
            if (counts == null || counts.isEmpty()) continue;
            Label title = new Label(field.toUpperCase(java.util.Locale.ROOT));
            title.getStyleClass().add("facet-title");
            box.getChildren().add(title);
            counts.forEach((value, n) -> {
                String shown = field.equals("evidence") ? Texts.shortId(value, 12)
                        : field.equals("kind") ? value.toUpperCase(java.util.Locale.ROOT) : Texts.oneLine(value, 28);
                CheckBox cb = new CheckBox(shown + "  (" + String.format("%,d", n) + ")");
                cb.getStyleClass().add("facet-value");
                cb.setMnemonicParsing(false); // values such as tool_call must show their underscores
                cb.setSelected(vm.isFacetSelected(field, value));
                cb.setOnAction(e -> vm.toggleFacet(field, value));
                box.getChildren().add(cb);
            });
        }
    }
}

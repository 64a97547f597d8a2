package dev.tracehound.app.ui.reporting;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Tables of the drawn report: a grid of wrapping labels (never a TableView: rows are few and must show in full). */
final class ReportTable {
    private ReportTable() {}

    /** A header row and rows of cells, columns sharing the width equally. */
    static GridPane of(List<String> header, List<List<String>> rows) {
        GridPane g = grid(header.size());
        for (int c = 0; c < header.size(); c++) g.add(cell(header.get(c), "report-th"), c, 0);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) g.add(cell(row.get(c), "report-td"), c, r + 1);
        }
        return g;
    }

    /** Name and value pairs, names in a narrow first column. */
    static GridPane fields(List<List<String>> pairs) {
        GridPane g = new GridPane();
        g.getStyleClass().addAll("report-table", "report-fields");
        ColumnConstraints name = new ColumnConstraints();
        name.setPercentWidth(22);
        ColumnConstraints value = new ColumnConstraints();
        value.setPercentWidth(78);
        g.getColumnConstraints().addAll(name, value);
        for (int r = 0; r < pairs.size(); r++) {
            g.add(cell(pairs.get(r).get(0), "report-th"), 0, r);
            g.add(cell(pairs.get(r).get(1), "report-td"), 1, r);
        }
        return g;
    }

    private static GridPane grid(int columns) {
        GridPane g = new GridPane();
        g.getStyleClass().add("report-table");
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
        }
        return g;
    }

    private static Label cell(String text, String styleClass) {
        Label l = ReportNodes.text(text, styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }
}

package dev.tracehound.app.ui.reporting;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** Tables of the drawn report: a grid of wrapping labels (never a TableView: rows are few and must show in full). */
final class ReportTable {
    private ReportTable() {}

    /** A column: its title, its share of the width, and whether its values are identifiers shown in monospace. */
    record Col(String title, double weight, boolean mono) {
        static Col plain(String title, double weight) {
            return new Col(title, weight, false);
        }

        static Col mono(String title, double weight) {
            return new Col(title, weight, true);
        }
    }

    /** A header row and rows of cells. */
    static GridPane of(List<Col> columns, List<List<String>> rows) {
        GridPane g = new GridPane();
        g.getStyleClass().add("report-table");
        double total = columns.stream().mapToDouble(Col::weight).sum();
        for (int c = 0; c < columns.size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 * columns.get(c).weight() / total);
            g.getColumnConstraints().add(cc);
            g.add(cell(columns.get(c).title(), "report-th"), c, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = cell(row.get(c), "report-td");
                if (columns.get(c).mono()) cell.getStyleClass().add("mono");
                g.add(cell, c, r + 1);
            }
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

    /** Fills its grid cell (so borders line up) with the text at the top left, as in a document. */
    private static Label cell(String text, String styleClass) {
        Label l = ReportNodes.label(text, styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }
}

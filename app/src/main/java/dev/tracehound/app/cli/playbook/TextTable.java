package dev.tracehound.app.cli.playbook;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain left-aligned text table for terminal output; long cells are cut so rows stay on one line. */
final class TextTable {
    private static final int MAX_CELL = 70;

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = oneLine(cells[i] == null ? "" : String.valueOf(cells[i]));
        rows.add(r);
        return this;
    }

    void print(PrintWriter out) {
        int cols = rows.getFirst().length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                b.append(i == cols - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** Control characters from hostile text must not move the cursor or recolour the terminal. */
    static String oneLine(String s) {
        String clean = s.replaceAll("\\R", " ").replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_CELL ? clean.substring(0, MAX_CELL - 1) + "…" : clean;
    }
}

package dev.tracehound.app.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for human CLI output: a header, aligned columns, cells already one line each. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("expected " + header.size() + " cells");
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) r.add(Texts.oneLine(c == null ? "" : c.toString(), 200));
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], r.get(i).length());
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) rule.append("  ");
            rule.append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> r : rows) printRow(out, r, widths);
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append("  ");
            String c = cells.get(i);
            sb.append(c);
            if (i < cells.size() - 1) sb.append(" ".repeat(widths[i] - c.length()));
        }
        out.println(sb.toString().stripTrailing());
    }
}

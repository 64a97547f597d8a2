package dev.tracehound.app.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: fields with comma, quote, CR or LF are quoted and quotes doubled; records end with CRLF. Evidence text
 * is hostile, so a cell starting with {@code = + - @} (or a tab or CR, which some spreadsheets skip before them) gets
 * a leading single quote: opened in a spreadsheet it stays text instead of becoming a formula (CSV injection).
 */
public final class Csv {
    private Csv() {}

    public static void writeRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            w.write(cell(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell, guarded and quoted as needed. Null becomes the empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = guardFormula(value);
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String guardFormula(String v) {
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + v : v;
    }
}

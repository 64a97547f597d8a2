package dev.tracehound.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesPerRfc4180() throws IOException {
        StringWriter w = new StringWriter();
        Csv.writeRecord(w, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n", w.toString());
    }

    @Test
    void cellsThatSpreadsheetsWouldEvaluateAreDefused() {
        for (String v : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            String c = Csv.cell(v);
            String unquoted = c.startsWith("\"") ? c.substring(1) : c;
            assertEquals('\'', unquoted.charAt(0), "guarded: " + v);
        }
        assertEquals("\"'=HYPERLINK(\"\"https://attacker.example\"\",\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"https://attacker.example\",\"x\")"));
        assertEquals("safe = text", Csv.cell("safe = text"));
    }
}

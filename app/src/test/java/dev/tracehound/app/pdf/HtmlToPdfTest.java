package dev.tracehound.app.pdf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlToPdfTest {
    @Test
    void rendersXhtmlToAPdfAndLeavesNoFileOnFailure(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlToPdf.render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Checklist</h1><p>a &lt;b&gt;</p></body></html>", out);
        String head = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("%PDF-") && head.contains("%%EOF"), head.substring(0, 20));

        Path target = tmp.resolve("x.pdf");
        assertThrows(Exception.class, () -> HtmlToPdf.render("<html><body><p>unclosed</body></html>", target));
        assertTrue(Files.notExists(target));
        try (var files = Files.list(tmp)) {
            assertTrue(files.findAny().isEmpty(), "no temporary file left behind");
        }
    }
}

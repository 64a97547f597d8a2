package dev.tracehound.app.pdf;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the text of a rendered PDF back, for tests that check what a reader of the export would see. */
public final class PdfText {
    /** Beyond Latin-1: accents, a dash, guillemets, Greek, Cyrillic, typographic quotes, an arrow, a check mark. */
    public static final String UNICODE = "Ünïcödé — «Ελληνικά» Кириллица ‘quotes’ → ✓";

    private PdfText() {}

    /** The text of every page, line by line as printed. */
    public static String lines(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace("\r", "");
        }
    }

    /** The text with line breaks removed, so words wrapped across lines read as they were written. */
    public static String joined(byte[] pdf) throws IOException {
        return lines(pdf).replace("\n", "");
    }
}

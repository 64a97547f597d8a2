package dev.tracehound.app.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

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

    /**
     * The text of every page line by line in the order it stands on the page: the renderer may draw a span that must
     * not break after the words that follow it, which {@link #lines} (drawing order) would show on a line of its own.
     */
    public static List<String> linesByPosition(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).replace("\r", "").lines().toList();
        }
    }

    /** The text with line breaks removed, so words wrapped across lines read as they were written. */
    public static String joined(byte[] pdf) throws IOException {
        return lines(pdf).replace("\n", "");
    }

    /**
     * How far, in points, the text reaches past the right margin of its page (zero or less: it stays inside), for a
     * page with that margin in millimetres.
     */
    public static float textPastRightMargin(byte[] pdf, float marginMm) throws IOException {
        float[] past = {Float.NEGATIVE_INFINITY};
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float margin = marginMm / 25.4f * 72;
            PDFTextStripper extent = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    float edge = getCurrentPage().getMediaBox().getWidth() - margin;
                    for (TextPosition p : positions) past[0] = Math.max(past[0], p.getXDirAdj() + p.getWidthDirAdj() - edge);
                }
            };
            extent.getText(doc);
        }
        return past[0];
    }
}

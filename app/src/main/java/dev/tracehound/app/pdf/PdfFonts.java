package dev.tracehound.app.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.InputStream;

/**
 * The TrueType fonts every PDF export embeds. PDF's built-in fonts only encode Latin-1, so Greek, Cyrillic, arrows,
 * check marks and most other symbols in quoted evidence printed as '#'. DejaVu Sans and DejaVu Sans Mono cover Latin,
 * Greek, Cyrillic and many symbols (not CJK); they ship in the jar (licence in {@code fonts/LICENSE-DejaVu.txt}) so
 * rendering reads nothing from the system, and are subset so a PDF carries only the glyphs it uses.
 * The report and checklist CSS name {@link #SANS} and {@link #MONO} first in their font-family lists.
 */
public final class PdfFonts {
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    private PdfFonts() {}

    /** Registers regular and bold of both families (bold is used by headings, table headers and labels). */
    static void register(PdfRendererBuilder builder) {
        add(builder, "DejaVuSans.ttf", SANS, 400);
        add(builder, "DejaVuSans-Bold.ttf", SANS, 700);
        add(builder, "DejaVuSansMono.ttf", MONO, 400);
        add(builder, "DejaVuSansMono-Bold.ttf", MONO, 700);
    }

    private static void add(PdfRendererBuilder builder, String file, String family, int weight) {
        // Read lazily: openhtmltopdf opens a font only when the document uses it.
        builder.useFont(() -> open(file), family, weight, FontStyle.NORMAL, true);
    }

    private static InputStream open(String file) {
        InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + file);
        if (in == null) throw new IllegalStateException("font " + file + " is missing from the Tracehound build (dev/tracehound/app/pdf/fonts)");
        return in;
    }
}

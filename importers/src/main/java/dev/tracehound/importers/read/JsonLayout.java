package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracehound.importers.ImportSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * How a JSON file's root values are laid out: JSON lines, one value on one line, or a document. Decided by streaming
 * the first root value token by token, so a first record of any size is looked at without holding it: its strings
 * are skipped, not read, and a value that runs onto a second line (a pretty-printed document) is given up at once.
 *
 * <p>JSON lines are a first line holding one JSON object or array by itself, with something after it on a later
 * line: another value, a broken line (which the reading quarantines), or blank lines. The size of the first
 * line does not matter, which a look at the file's first kilobytes or a first line read into a bounded buffer
 * cannot tell (a long transcript or tool output as the first record made such files read as one document).
 */
public final class JsonLayout {
    public enum Layout {
        /** The first line is one object or array by itself and more lines follow. */
        LINES,
        /** The file is one object or array on one line (blank space aside). */
        ONE_LINE,
        /** Anything else: a value over several lines, several values on the first line, a scalar, not JSON. */
        DOCUMENT
    }

    /** The layout, and whether the first value is an object (rather than an array). */
    public record Probe(Layout layout, boolean objectFirst) {}

    private JsonLayout() {}

    public static Layout of(ImportSource source) throws IOException {
        return probe(source).layout();
    }

    public static Probe probe(ImportSource source) throws IOException {
        try (InputStream in = source.open(); JsonParser p = Json.FACTORY.createParser(in)) {
            return probe(p);
        } catch (GzipDamageException e) {
            return new Probe(Layout.DOCUMENT, false); // the first line is cut: read as a document, whose reading reports it
        }
    }

    private static Probe probe(JsonParser p) throws IOException {
        JsonToken first;
        int line;
        try {
            first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) return new Probe(Layout.DOCUMENT, false);
            line = p.currentTokenLocation().getLineNr();
            // token by token: nextToken skips a string's content without decoding it, so memory stays flat
            for (int depth = 1; depth > 0; ) {
                JsonToken t = p.nextToken();
                if (t == null || p.currentTokenLocation().getLineNr() != line) return new Probe(Layout.DOCUMENT, false);
                if (t.isStructStart()) depth++;
                else if (t.isStructEnd()) depth--;
            }
        } catch (JsonProcessingException e) {
            return new Probe(Layout.DOCUMENT, false);
        }
        boolean object = first == JsonToken.START_OBJECT;
        try {
            JsonToken next = p.nextToken();
            if (next != null) return new Probe(p.currentTokenLocation().getLineNr() > line ? Layout.LINES : Layout.DOCUMENT, object);
            return new Probe(moreAfter(p.currentLocation(), line) ? Layout.LINES : Layout.ONE_LINE, object);
        } catch (JsonProcessingException e) {
            // a broken line after a whole first line is one bad record of JSON lines; the first line broken is a document
            JsonLocation at = e.getLocation();
            return new Probe(at != null && at.getLineNr() > line ? Layout.LINES : Layout.DOCUMENT, object);
        } catch (GzipDamageException e) {
            // damage past the first line's end: JSON lines, whose reading quarantines the damage
            return new Probe(p.currentLocation().getLineNr() > line ? Layout.LINES : Layout.DOCUMENT, object);
        }
    }

    /**
     * Whether the end of the input, after a first value on {@code line} and blank space only, lies past the first
     * line's newline: blank lines after a lone record make it JSON lines, as they always did (its locators stay
     * {@code line:N}), while one trailing newline does not.
     */
    private static boolean moreAfter(JsonLocation end, int line) {
        return end.getLineNr() > line + 1 || (end.getLineNr() == line + 1 && end.getColumnNr() > 1);
    }
}

package dev.tracehound.importers.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Sketches of a file's first JSON lines, for format detection, whatever their size: each line is parsed as it
 * streams by with every string cut to {@value #MAX_STRING_BYTES} bytes and at most {@value #MAX_NODES} values kept,
 * so a first record of many megabytes (a long transcript, a big tool output) shows its fields, even those after
 * the long text, in bounded memory. A line that is not one JSON object or array is skipped, as a broken line.
 *
 * <p>Only for detection: the sketch of a long line is not the record (its long strings are cut, a huge record's
 * deep values are left out). Reading stops after {@code maxLines} sketches, {@value #MAX_LINES_READ} lines, or
 * {@code maxBytes} bytes of input; damage in a gzip stream ends it with the sketches so far.
 */
public final class LineSketches {
    public static final int MAX_STRING_BYTES = 1024;
    public static final int MAX_NODES = 5_000;
    static final int MAX_LINES_READ = 200;

    private LineSketches() {}

    /** Reads from {@code in} (decoded) and leaves it open. */
    public static List<JsonNode> of(InputStream in, int maxLines, long maxBytes) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Lines lines = new Lines(in, maxBytes);
        try {
            for (int read = 0; out.size() < maxLines && read < MAX_LINES_READ && lines.nextLine(); read++) {
                JsonNode sketch = sketch(lines);
                lines.skipRestOfLine();
                if (sketch != null) out.add(sketch);
            }
        } catch (GzipDamageException e) {
            // what inflated before the damage is what there is to detect from
        }
        return out;
    }

    /** The sketch of the current line, or null when it is blank or not one whole JSON object or array. */
    private static JsonNode sketch(Lines line) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return null;
            JsonNode node = value(p, t, new int[] {MAX_NODES}, 0);
            return p.nextToken() == null && !line.cut() ? node : null;
        } catch (IOException e) {
            if (e instanceof GzipDamageException damage) throw damage;
            return null; // not JSON, or not one value: a broken line, skipped
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, int[] budget, int depth) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        budget[0]--;
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = f.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (keep(budget, depth)) o.set(name, value(p, v, budget, depth + 1));
                else p.skipChildren();
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = f.arrayNode();
            JsonToken v;
            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                if (v == null) throw new IOException("cut short");
                if (keep(budget, depth)) a.add(value(p, v, budget, depth + 1));
                else p.skipChildren();
            }
            return a;
        }
        return Json.MAPPER.readTree(p);
    }

    /** Past the budget, the record's own fields still show (as empty containers when they are big): nothing deeper. */
    private static boolean keep(int[] budget, int depth) {
        return budget[0] > 0 || (depth == 0 && budget[0] > -MAX_NODES);
    }

    /**
     * The input one line at a time, as a stream that ends at the line's newline, with JSON strings cut to
     * {@link #MAX_STRING_BYTES} bytes: the cut falls on a character boundary outside any escape, and the rest of the
     * string up to its closing quote is dropped, so the line stays valid JSON.
     */
    private static final class Lines extends InputStream {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private long left;
        private boolean lineEnded = true;
        private boolean inputEnded;
        private boolean cut;
        // the state of the clipping
        private boolean inString;
        private boolean afterBackslash;
        private int hexLeft;
        private int stringBytes;
        private boolean dropping;

        Lines(InputStream in, long maxBytes) {
            this.in = in;
            this.left = maxBytes;
        }

        /** Moves to the next line; false at the end of the input. */
        boolean nextLine() throws IOException {
            if (!lineEnded) skipRestOfLine();
            if (pos == end && !fill()) return false;
            lineEnded = false;
            cut = false;
            inString = afterBackslash = dropping = false;
            hexLeft = stringBytes = 0;
            return true;
        }

        /** The line was cut by the byte budget, not ended by a newline or the end of the file. */
        boolean cut() {
            return cut;
        }

        void skipRestOfLine() throws IOException {
            while (!lineEnded) {
                if (pos == end && !fill()) {
                    lineEnded = true;
                    return;
                }
                while (pos < end) {
                    if (buf[pos++] == '\n') {
                        lineEnded = true;
                        return;
                    }
                }
            }
        }

        private boolean fill() throws IOException {
            if (inputEnded) return false;
            if (left <= 0) {
                inputEnded = true;
                cut = true;
                return false;
            }
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n <= 0) {
                inputEnded = true;
                return false;
            }
            left -= n;
            pos = 0;
            end = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] to, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n = 0;
            while (n == 0) {
                if (lineEnded) return -1;
                if (pos == end && !fill()) {
                    lineEnded = true;
                    return -1;
                }
                while (pos < end && n < len) {
                    byte b = buf[pos++];
                    if (b == '\n') {
                        lineEnded = true;
                        break;
                    }
                    if (keep(b)) to[off + n++] = b;
                }
            }
            return n;
        }

        /** Whether a byte of the line is passed on, or dropped as part of a string's cut tail. */
        private boolean keep(byte b) {
            if (!inString) {
                if (b == '"') {
                    inString = true;
                    stringBytes = 0;
                    dropping = false;
                }
                return true;
            }
            if (afterBackslash) {
                afterBackslash = false;
                if (b == 'u') hexLeft = 4;
            } else if (hexLeft > 0) {
                hexLeft--;
            } else if (b == '"') {
                inString = false;
                return true;
            } else {
                if (b == '\\') afterBackslash = true;
                // a character's first byte (not a UTF-8 continuation byte), outside any escape: a place to cut
                if (!dropping && stringBytes >= MAX_STRING_BYTES && (b & 0xC0) != 0x80) dropping = true;
            }
            if (dropping) return false;
            stringBytes++;
            return true;
        }

        @Override
        public void close() {
            // the lines own nothing: the caller closes the input
        }
    }
}

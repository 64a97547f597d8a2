package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehound.importers.otlp.genai.OtlpSpan;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks an OTLP/JSON ExportTraceServiceRequest (or an array of them, or several in a row) with a streaming
 * parser and hands over one span at a time, so memory holds one span, never the file. Resource and scope are
 * read when met; a writer that puts {@code resource} after {@code scopeSpans} loses the resource attributes
 * of those spans (no exporter seen does).
 */
final class OtlpWalker {

    interface Handler {
        /**
         * Called before the span is read: counts it as a record read, wherever reading it ends ({@link #span}, or
         * {@link #bad} for the span itself or, when its JSON breaks off, for the rest of its line or file).
         *
         * @param fromByte where the span's JSON starts
         */
        void spanStarts(String locator, long fromByte);

        void span(OtlpSpan span);

        void bad(String locator, String reason, String excerpt);

        /** The source text between two byte offsets of what the parser reads, for a quarantine excerpt; "" if not kept. */
        String source(long fromByte, long toByte);

        boolean cancelled();
    }

    private final Handler handler;
    private int spans;

    OtlpWalker(Handler handler) {
        this.handler = handler;
    }

    int spansSeen() {
        return spans;
    }

    /** Reads every root value; {@code prefix} starts each locator (empty for a document, {@code line:N} for JSONL). */
    void walk(JsonParser p, String prefix) throws IOException {
        int root = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null && !handler.cancelled()) {
            String rootPrefix = root == 0 ? prefix : prefix + "@" + p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !handler.cancelled()) {
                    if (t == JsonToken.START_OBJECT) request(p, rootPrefix + "/" + i);
                    else {
                        handler.bad(rootPrefix + "/" + i, "array element is not an OTLP request object", p.getText());
                        p.skipChildren();
                    }
                    i++;
                }
            } else if (t == JsonToken.START_OBJECT) {
                request(p, rootPrefix);
            } else {
                handler.bad(rootPrefix.isEmpty() ? "/" : rootPrefix, "not an OTLP request object", p.getText());
            }
            root++;
        }
    }

    private void request(JsonParser p, String at) throws IOException {
        long from = p.currentTokenLocation().getByteOffset();
        boolean traces = false;
        List<String> others = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            String name = key(field);
            JsonToken v = p.nextToken();
            if (name.equals("resourcespans") && (v == JsonToken.START_ARRAY || v == JsonToken.VALUE_NULL)) {
                traces = true;
                if (v == JsonToken.START_ARRAY) objects(p, at + "/resourceSpans/", "resourceSpans entry", loc -> resourceSpans(p, loc));
            } else {
                if (others.size() < 6) others.add(field);
                p.skipChildren();
            }
        }
        // An empty request is written {} (protobuf's JSON mapping leaves empty lists out): valid, it has no spans. An
        // object with fields but no resourceSpans list is not a trace request: some other format's record (a chat run,
        // a Langfuse trace) read with --format otlp, or OTLP logs or metrics. Quarantined, so it is neither silently
        // dropped nor counted as imported.
        if (!traces && !others.isEmpty()) {
            handler.bad(at.isEmpty() ? "/" : at, notTraces(others), handler.source(from, p.currentLocation().getByteOffset()));
        }
    }

    private static String notTraces(List<String> fields) {
        for (String f : fields) {
            String signal = switch (key(f)) {
                case "resourcelogs" -> "logs";
                case "resourcemetrics" -> "metrics";
                case "resourceprofiles" -> "profiles";
                default -> null;
            };
            if (signal != null) return "OTLP " + signal + " (" + f + "), not traces: only traces are read";
        }
        return "not an OTLP ExportTraceServiceRequest (no resourceSpans list; fields " + String.join(", ", fields) + ")";
    }

    private void resourceSpans(JsonParser p, String at) throws IOException {
        Map<String, JsonNode> resource = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(p.currentName());
            JsonToken v = p.nextToken();
            if (name.equals("resource") && v == JsonToken.START_OBJECT) {
                JsonNode r = p.readValueAsTree();
                resource = AnyValues.keyValues(r.get("attributes"));
            } else if ((name.equals("scopespans") || name.equals("instrumentationlibraryspans")) && v == JsonToken.START_ARRAY) {
                Map<String, JsonNode> r = resource;
                objects(p, at + "/scopeSpans/", "scopeSpans entry", loc -> scopeSpans(p, loc, r));
            } else {
                p.skipChildren();
            }
        }
    }

    private void scopeSpans(JsonParser p, String at, Map<String, JsonNode> resource) throws IOException {
        String scope = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = key(p.currentName());
            JsonToken v = p.nextToken();
            if ((name.equals("scope") || name.equals("instrumentationlibrary")) && v == JsonToken.START_OBJECT) {
                JsonNode s = p.readValueAsTree();
                scope = Json.firstText(s, "name");
            } else if (name.equals("spans") && v == JsonToken.START_ARRAY) {
                int i = 0;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    String locator = at + "/spans/" + i++;
                    if (t == JsonToken.START_OBJECT) {
                        spans++;
                        long from = p.currentTokenLocation().getByteOffset();
                        handler.spanStarts(locator, from);
                        try {
                            handler.span(OtlpSpanParser.parse(p, locator, resource, scope));
                        } catch (BadRecordException e) {
                            handler.bad(locator, e.getMessage(), handler.source(from, p.currentLocation().getByteOffset()));
                        }
                        if (handler.cancelled()) return;
                    } else {
                        String text = p.getText();
                        p.skipChildren();
                        handler.bad(locator, "span is not a JSON object", text);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private interface ElementReader {
        void read(String locator) throws IOException;
    }

    /** Each element of the array the parser is at: objects are read, anything else is quarantined. */
    private void objects(JsonParser p, String prefix, String what, ElementReader reader) throws IOException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !handler.cancelled()) {
            String locator = prefix + i++;
            if (t == JsonToken.START_OBJECT) {
                reader.read(locator);
            } else {
                String text = p.getText();
                p.skipChildren();
                handler.bad(locator, what + " is not a JSON object", text);
            }
        }
    }

    /** Field names compared without case and underscores, so resourceSpans and resource_spans both match. */
    private static String key(String name) {
        return name == null ? "" : name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}

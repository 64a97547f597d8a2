package dev.tracehound.importers.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracehound.importers.otlp.genai.SessionKeys;
import dev.tracehound.importers.read.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * A first, token-level pass over the file that maps trace ids to the conversation they belong to. Needed
 * because only some spans of a trace carry {@code gen_ai.conversation.id} or {@code session.id} (often the
 * root, which exporters write last), yet every span of the trace belongs to that session. Builds no trees, so
 * it costs a fraction of the real read; keeps one compact entry per trace that names a session ({@link TraceSessions}).
 */
final class SessionPrepass {
    private SessionPrepass() {}

    static TraceSessions scan(InputStream in) {
        TraceSessions sessions = new TraceSessions();
        String[] traceAt = new String[Json.MAX_DEPTH + 2];
        String[] sessionAt = new String[Json.MAX_DEPTH + 2];
        int[] rankAt = new int[Json.MAX_DEPTH + 2];
        int depth = 0;
        int attributesDepth = -1;
        String pendingKey = null;
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> {
                        depth++;
                        traceAt[depth] = null;
                        sessionAt[depth] = null;
                        rankAt[depth] = Integer.MAX_VALUE;
                    }
                    case END_OBJECT -> {
                        if (traceAt[depth] != null && sessionAt[depth] != null) {
                            String trace = OtelIds.normalise(traceAt[depth]);
                            if (trace != null) sessions.putIfAbsent(trace, sessionAt[depth]);
                        }
                        depth--;
                    }
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (name.equals("traceId") || name.equals("trace_id")) {
                            if (p.nextToken() == JsonToken.VALUE_STRING) traceAt[depth] = p.getText();
                        } else if (name.equals("attributes") && depth >= 1) {
                            attributesDepth = depth;
                        } else if (name.equals("key") && attributesDepth > 0) {
                            pendingKey = p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                        } else if ((name.equals("stringValue") || name.equals("string_value")) && pendingKey != null) {
                            int rank = SessionKeys.rank(pendingKey);
                            if (p.nextToken() == JsonToken.VALUE_STRING && rank >= 0 && attributesDepth > 0
                                    && rank < rankAt[attributesDepth]) {
                                sessionAt[attributesDepth] = p.getText();
                                rankAt[attributesDepth] = rank;
                            }
                            pendingKey = null;
                        }
                    }
                    case END_ARRAY -> {
                        if (depth == attributesDepth) attributesDepth = -1;
                    }
                    default -> { }
                }
                if (depth > Json.MAX_DEPTH) break;
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: the real read reports what is wrong with the file, with locators.
        }
        return sessions;
    }
}

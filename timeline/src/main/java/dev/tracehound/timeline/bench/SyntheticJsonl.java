package dev.tracehound.timeline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Streams the synthetic JSONL back, one record per line, with Jackson's streaming parser (never a tree). */
final class SyntheticJsonl {
    private SyntheticJsonl() {}

    /** One parsed line; {@code line} is 1-based. */
    record Rec(long line, String session, long seq, long ts, String kind, String actor, String model, String provider,
               String tool, long inputTokens, long outputTokens, String text) {

        Event toEvent(String evidenceSha) {
            EventKind k = EventKind.parse(kind);
            return Event.builder(evidenceSha, "line:" + line).sessionId(session).sequence(seq).startNanos(ts).kind(k)
                    .actor(actor).model(model).provider(provider).toolName(tool)
                    .inputTokens(k == EventKind.MODEL_CALL ? inputTokens : null).outputTokens(k == EventKind.MODEL_CALL ? outputTokens : null)
                    .text(text).trust(trustOf(k)).build();
        }

        private static Trust trustOf(EventKind k) {
            return switch (k) {
                case USER_MESSAGE -> Trust.USER;
                case TOOL_RESULT -> Trust.TOOL_OUTPUT;
                case RETRIEVAL -> Trust.RETRIEVED_DOCUMENT;
                default -> Trust.MODEL;
            };
        }
    }

    static long read(InputStream in, Consumer<Rec> action) throws IOException {
        long line = 0;
        try (JsonParser p = new JsonFactory().createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                line++;
                String session = null, kind = null, actor = null, model = null, provider = null, tool = null, text = null;
                long seq = 0, ts = 0, inTok = 0, outTok = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "session" -> session = p.getText();
                        case "seq" -> seq = p.getLongValue();
                        case "ts" -> ts = p.getLongValue();
                        case "kind" -> kind = p.getText();
                        case "actor" -> actor = p.getText();
                        case "model" -> model = p.getText();
                        case "provider" -> provider = p.getText();
                        case "tool" -> tool = p.getText();
                        case "input_tokens" -> inTok = p.getLongValue();
                        case "output_tokens" -> outTok = p.getLongValue();
                        case "text" -> text = p.getText();
                        default -> p.skipChildren();
                    }
                }
                action.accept(new Rec(line, session, seq, ts, kind, actor, model, provider, tool, inTok, outTok, text));
            }
        }
        return line;
    }
}

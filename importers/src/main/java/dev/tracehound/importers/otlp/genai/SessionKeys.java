package dev.tracehound.importers.otlp.genai;


import java.util.List;

/**
 * The attributes that name a conversation, most specific first (docs/event-model.md: conversation id >
 * session id > thread id > trace id).
 */
public final class SessionKeys {
    public static final List<String> KEYS = List.of(
            "gen_ai.conversation.id",
            "session.id",
            "langfuse.session.id",
            "traceloop.association.properties.session_id",
            "langsmith.metadata.session_id",
            "langsmith.metadata.conversation_id",
            "thread.id",
            "langsmith.metadata.thread_id",
            "traceloop.association.properties.thread_id");

    private SessionKeys() {}

    public static int rank(String key) {
        return KEYS.indexOf(key);
    }

    public static String of(OtlpSpan s) {
        for (String k : KEYS) {
            String v = s.text(k);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}

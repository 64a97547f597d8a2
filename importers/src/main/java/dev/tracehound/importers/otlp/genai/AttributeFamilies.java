package dev.tracehound.importers.otlp.genai;


import dev.tracehound.importers.EventSink;
import java.util.HashSet;
import java.util.Set;

/**
 * Notices attribute families this importer does not interpret ({@code quotient.*}, {@code app.*}) and warns
 * once per family, so an investigator knows the evidence holds data the events do not show (it stays in the
 * evidence file and in NOTE payloads).
 */
public final class AttributeFamilies {
    /** Families read into events, and general OTel families that carry no AI content. */
    private static final Set<String> KNOWN = Set.of(
            "gen_ai", "llm", "openinference", "input", "output", "retrieval", "tool", "tool_call", "session", "user",
            "metadata", "tag", "embedding", "reranker", "document", "message", "traceloop", "langfuse", "langsmith",
            "ai", "operation", "agent", "graph", "prompt", "thread", "error", "exception", "http", "url", "server",
            "client", "net", "network", "code", "otel", "telemetry", "service", "process", "host", "os", "rpc",
            "mcp", "db", "resource", "deployment", "k8s", "container", "cloud");

    private final EventSink sink;
    private final Set<String> warned = new HashSet<>();

    public AttributeFamilies(EventSink sink) {
        this.sink = sink;
    }

    public void check(OtlpSpan s) {
        for (String key : s.attributes().keySet()) {
            int dot = key.indexOf('.');
            String family = dot < 0 ? key : key.substring(0, dot);
            if (KNOWN.contains(family) || warned.contains(family)) continue;
            if (warned.size() > 1000) return; // a hostile file with endless families gets no endless warnings
            warned.add(family);
            sink.warn("unknown-attributes", "attributes '" + family + ".*' (for example '" + key
                    + "') are not interpreted; they stay in the evidence and in the span's raw payload", s.locator());
        }
    }
}

package dev.tracehound.timeline.session;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.search.EventSearch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds sub-agent sessions through the search index: sessions whose events hang under one of a session's tool-call spans. */
final class SubAgents {
    private SubAgents() {}

    /** At most this many tool-call spans per query, so a huge session does not build a huge query. */
    private static final int SPANS_PER_QUERY = 200;

    static Set<String> sessionsLaunchedFrom(EventSearch search, SessionTimeline parent) {
        List<String> spans = parent.ofKind(EventKind.TOOL_CALL).stream().map(Event::spanId).filter(s -> s != null && !s.isBlank())
                .distinct().toList();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < spans.size(); i += SPANS_PER_QUERY) {
            String query = spans.subList(i, Math.min(spans.size(), i + SPANS_PER_QUERY)).stream()
                    .map(s -> "parent:\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(" OR "));
            out.addAll(search.facet(query, "session", 1_000).keySet());
        }
        out.remove(parent.sessionId());
        return out;
    }
}

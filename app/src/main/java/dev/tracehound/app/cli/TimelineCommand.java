package dev.tracehound.app.cli;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.session.SessionBranch;
import dev.tracehound.timeline.session.SessionNode;
import dev.tracehound.timeline.session.SessionReconstructor;
import dev.tracehound.timeline.session.SessionTimeline;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.SessionSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracehound timeline --case DIR --session ID}: the session as an indented tree, sub-agents nested under their call. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Show one session as an indented tree: times, kinds, actors, tools and short content.")
public final class TimelineCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Option(names = "--session", required = true, paramLabel = "ID",
            description = "The session id (see `tracehound sessions`), or the start of one that names a single session.")
    String session;

    @Override
    public Integer call() {
        try (Case c = caseOption.openForReading()) {
            List<SessionSummary> sessions = c.events().sessions();
            String id = resolve(session, sessions);
            SessionTimeline t = SessionReconstructor.fromCase(c, id, sessions);
            if (output.json()) {
                output.printJson(toMap(t));
                return 0;
            }
            PrintWriter out = output.out();
            print(t, 0, out);
            if (anyInferred(t)) out.println(dev.tracehound.app.format.TimeFormat.INFERRED_LEGEND);
            out.flush();
            return 0;
        }
    }

    /** The session named exactly, else the only one starting with {@code given} (ids are long; tables cut them). */
    private String resolve(String given, List<SessionSummary> sessions) {
        List<String> ids = sessions.stream().map(SessionSummary::sessionId).filter(java.util.Objects::nonNull).toList();
        if (ids.contains(given)) return given;
        List<String> starting = ids.stream().filter(s -> s.startsWith(given)).toList();
        if (starting.size() == 1) return starting.getFirst();
        String list = "list them with `tracehound sessions --case " + caseOption.dir() + "`";
        if (starting.isEmpty()) throw new CliException("no session " + given + " in this case; " + list);
        throw new CliException(starting.size() + " sessions start with " + given + " (" + String.join(", ", starting.subList(0, Math.min(5, starting.size())))
                + (starting.size() > 5 ? ", …" : "") + "); give more of the id");
    }

    private static void print(SessionTimeline t, int depth, PrintWriter out) {
        out.printf("%ssession %s (%d events)%n", "  ".repeat(depth), Texts.oneLine(t.sessionId(), 200), t.events().size());
        for (SessionNode n : t.roots()) print(n, t, depth + 1, out);
        for (SessionTimeline child : t.launchedFromNowhere()) print(child, depth + 1, out);
    }

    private static void print(SessionNode n, SessionTimeline t, int depth, PrintWriter out) {
        Event e = n.event();
        out.printf("%s %s%-14s %-12s %s%n", time(e), "  ".repeat(depth), e.kind(), Texts.oneLine(label(e), 24),
                Texts.oneLine(e.text(), 100));
        // a sub-agent right under the call that launched it, before the call's result and what followed
        for (SessionBranch b : t.under(n)) {
            switch (b) {
                case SessionNode k -> print(k, t, depth + 1, out);
                case SessionTimeline child -> print(child, depth + 1, out);
            }
        }
    }

    private static boolean anyInferred(SessionTimeline t) {
        return t.events().stream().anyMatch(e -> e.has(dev.tracehound.timeline.event.EventFlag.TIME_INFERRED))
                || t.children().stream().anyMatch(TimelineCommand::anyInferred);
    }

    private static String label(Event e) {
        if (e.toolName() != null) return e.toolName();
        if (e.actor() != null) return e.actor();
        return e.model() == null ? "" : e.model();
    }

    /** Millisecond precision in a fixed width, so the columns line up; the JSON output keeps every digit. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private static String time(Event e) {
        return TIME.format(Instant.ofEpochSecond(0, e.startNanos())) + (e.has(dev.tracehound.timeline.event.EventFlag.TIME_INFERRED) ? "~" : " ");
    }

    private static Map<String, Object> toMap(SessionTimeline t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", t.sessionId());
        m.put("launched_by", t.launchedBy() == null ? null : t.launchedBy().eventId());
        m.put("events", t.roots().stream().map(TimelineCommand::toMap).toList());
        m.put("children", t.children().stream().map(TimelineCommand::toMap).toList());
        List<Map<String, Object>> tools = new ArrayList<>();
        t.toolExchanges().forEach(x -> tools.add(Map.of("call", x.call().eventId(), "result", x.result() == null ? "" : x.result().eventId())));
        m.put("tool_exchanges", tools);
        return m;
    }

    private static Map<String, Object> toMap(SessionNode n) {
        Event e = n.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.eventId());
        m.put("time", Instant.ofEpochSecond(0, e.startNanos()).toString());
        m.put("flags", new java.util.TreeSet<>(e.flags().stream().map(Enum::name).toList()));
        m.put("kind", e.kind().name());
        m.put("actor", e.actor());
        m.put("tool", e.toolName());
        m.put("model", e.model());
        m.put("trust", e.trust().name());
        m.put("text", Texts.oneLine(e.text(), 500));
        m.put("children", n.children().stream().map(TimelineCommand::toMap).toList());
        return m;
    }
}

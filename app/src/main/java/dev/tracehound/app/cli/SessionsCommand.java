package dev.tracehound.app.cli;

import dev.tracehound.app.format.TextTable;
import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.SessionSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracehound sessions --case DIR}: every session with its size, time span, models and tools. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List the sessions of a case.")
final class SessionsCommand implements Callable<Integer> {
    @Mixin
    CaseOption caseOption;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        try (Case c = caseOption.openForReading()) {
            List<SessionSummary> sessions = c.events().sessions();
            if (output.json()) {
                output.printJson(Map.of("sessions", sessions.stream().map(SessionsCommand::json).toList()));
                return 0;
            }
            TextTable t = new TextTable("SESSION", "EVENTS", "START (UTC)", "DURATION", "MODELS", "TOOLS", "TOKENS IN/OUT");
            boolean inferred = false;
            for (SessionSummary s : sessions) {
                boolean guessed = TimeFormat.inferredSpan(s.endNanos());
                inferred |= guessed;
                t.row(s.sessionId(), s.events(), TimeFormat.human(s.startNanos(), guessed), TimeFormat.duration(s.endNanos() - s.startNanos()),
                        String.join(",", s.models()), String.join(",", s.tools()), s.inputTokens() + "/" + s.outputTokens());
            }
            t.print(output.out());
            if (inferred) output.out().println(TimeFormat.INFERRED_LEGEND);
            output.out().println(sessions.size() + " sessions.");
            output.out().flush();
        }
        return 0;
    }

    static Map<String, Object> json(SessionSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", s.sessionId());
        m.put("traceId", s.traceId());
        m.put("parentSessionId", s.parentSessionId());
        m.put("events", s.events());
        m.put("start", TimeFormat.iso(s.startNanos())); // 0 too: the first inferred time
        m.put("end", TimeFormat.iso(s.endNanos()));
        m.put("startNanos", s.startNanos());
        m.put("endNanos", s.endNanos());
        m.put("timesInferred", TimeFormat.inferredSpan(s.endNanos()));
        m.put("models", s.models());
        m.put("tools", s.tools());
        m.put("inputTokens", s.inputTokens());
        m.put("outputTokens", s.outputTokens());
        return m;
    }
}

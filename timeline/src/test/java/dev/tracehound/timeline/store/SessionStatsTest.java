package dev.tracehound.timeline.store;

import static dev.tracehound.timeline.store.TestCases.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session list's totals, kept per batch, equal what a query over every event computes. */
class SessionStatsTest {
    @TempDir Path tmp;

    @Test
    void totalsKeptPerBatchEqualTheEventsAggregate() {
        try (Case c = Cases.create(tmp.resolve("case"), "stats")) {
            Random random = new Random(7);
            String[] sessions = {"s-a", "s-b", "s-c", null};
            String[] models = {"gpt-4o", "claude", null};
            String[] tools = {"search", "send_email", null};
            for (String file : new String[] {"a.jsonl", "b.jsonl"}) {
                EvidenceRecord ev = TestCases.evidence(c, tmp, file, file + "\n");
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < 700; i++) {
                    Event.Builder b = Event.builder(ev.sha256(), "line:" + i).sessionId(sessions[random.nextInt(sessions.length)])
                            .traceId(random.nextBoolean() ? "t-" + random.nextInt(5) : null)
                            .startNanos(T0 + random.nextInt(1_000_000)).kind(EventKind.MODEL_CALL)
                            .model(models[random.nextInt(models.length)]).toolName(tools[random.nextInt(tools.length)])
                            .text("text " + i);
                    b.endNanos(T0 + 2_000_000 + random.nextInt(1_000));
                    if (random.nextBoolean()) b.inputTokens((long) random.nextInt(500)).outputTokens((long) random.nextInt(50));
                    // repeats of one message in both files: counted once
                    if (i % 50 == 0) b.dedupKey("msg:" + i);
                    events.add(b.build());
                }
                try (Ingest in = ((LocalCase) c).ingest(ev, "tester", 64)) { // many small batches
                    events.forEach(in::add);
                    in.commit();
                }
            }
            List<String> expected = ((LocalCase) c).database().read("aggregate", conn -> {
                List<String> rows = new ArrayList<>();
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                        SELECT session_id, MIN(trace_id), COUNT(*), MIN(start_ns) AS first_ns, MAX(end_ns),
                               ARRAY_AGG(DISTINCT model ORDER BY model) FILTER (WHERE model IS NOT NULL),
                               ARRAY_AGG(DISTINCT tool_name ORDER BY tool_name) FILTER (WHERE tool_name IS NOT NULL),
                               COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0)
                        FROM events GROUP BY session_id ORDER BY first_ns, session_id""")) {
                    while (rs.next()) {
                        rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                strings(rs.getArray(6)).toString(), strings(rs.getArray(7)).toString(), rs.getString(8), rs.getString(9)));
                    }
                }
                return rows;
            });
            List<String> listed = c.events().sessions().stream().map(s -> String.join("|", s.sessionId(), s.traceId(),
                    Long.toString(s.events()), Long.toString(s.startNanos()), Long.toString(s.endNanos()), s.models().toString(),
                    s.tools().toString(), Long.toString(s.inputTokens()), Long.toString(s.outputTokens()))).toList();
            assertEquals(4, listed.size());
            assertEquals(expected, listed);
            assertEquals(1_400 - 14, c.events().count(), "the repeated messages are stored once");
        }
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

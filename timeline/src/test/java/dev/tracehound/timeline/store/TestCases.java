package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.event.Trust;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared test helpers: evidence files and simple events. */
public final class TestCases {
    private TestCases() {}

    public static final long T0 = 1_735_689_600_000_000_000L; // 2025-01-01T00:00:00Z in nanos

    /** Writes a small evidence file with the given content and adds it to the case. */
    public static EvidenceRecord evidence(Case c, Path tmp, String name, String content) {
        try {
            Path f = tmp.resolve(name);
            Files.writeString(f, content);
            return c.evidence().add(f, "jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Event event(EvidenceRecord ev, int line, String session, EventKind kind, String text) {
        return Event.builder(ev.sha256(), "line:" + line)
                .sessionId(session).sequence(line).startNanos(T0 + line * 1_000_000_000L).kind(kind).text(text)
                .actor(kind == EventKind.USER_MESSAGE ? "user" : "assistant").trust(kind == EventKind.USER_MESSAGE ? Trust.USER : Trust.MODEL)
                .build();
    }

    public static IngestStats ingestAll(Case c, EvidenceRecord ev, List<Event> events) {
        try (Ingest in = c.ingest(ev, "tester")) {
            events.forEach(in::add);
            return in.commit();
        }
    }
}

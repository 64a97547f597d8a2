package dev.tracehound.timeline.store;

import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process for lock and crash tests, started with the test classpath. Modes:
 * {@code hold <dir>} opens a case (read-only when its folder is) and keeps it until killed;
 * {@code read <dir>} opens it for reading ({@link Cases#openForReading}), prints how many events it finds, and keeps it;
 * {@code share <dir>} only takes a reader's shared lock on the case, and keeps it;
 * {@code repair <dir>} takes the write lock as a reader bringing the case up to date does, and keeps it;
 * {@code ingest <dir> <evidenceFile> <events> [holdAt]} imports synthetic events, printing after each flushed batch;
 * with {@code holdAt} it stops feeding after that many and waits to be killed, so a fast machine cannot finish the
 * import before the parent kills it.
 */
public final class ChildJvm {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> {
                Case c = Cases.open(dir);
                System.out.println("OPEN " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(120_000);
                c.close();
            }
            case "read" -> {
                Case c = Cases.openForReading(dir);
                System.out.println("OPEN " + ProcessHandle.current().pid() + " " + c.search().count("*:*") + " " + c.events().count());
                System.out.flush();
                Thread.sleep(120_000);
                c.close();
            }
            case "share" -> {
                CaseLock lock = CaseLock.acquireForReading(new CaseFolder(dir).lockFile());
                System.out.println("OPEN " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(120_000);
                lock.close();
            }
            case "repair" -> {
                CaseLock lock = CaseLock.acquire(new CaseFolder(dir).lockFile(), CaseLock.REPAIRING);
                System.out.println("OPEN " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(120_000);
                lock.close();
            }
            case "ingest" -> {
                Case c = Cases.open(dir);
                EvidenceRecord ev = c.evidence().add(Path.of(args[2]), "jsonl");
                int n = Integer.parseInt(args[3]);
                int holdAt = args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
                Ingest in = c.ingest(ev, "child");
                for (Event e : events(ev, n)) {
                    in.add(e);
                    if (e.sequence() % 1000 == 999) {
                        in.flush();
                        System.out.println("FLUSHED " + (e.sequence() + 1));
                        System.out.flush();
                        if (e.sequence() + 1 >= holdAt) Thread.sleep(120_000);
                    }
                }
                in.commit();
                System.out.println("DONE");
                c.close();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The same synthetic events for the child and for the parent's re-run. */
    public static List<Event> events(EvidenceRecord ev, int n) {
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(Event.builder(ev.sha256(), "line:" + (i + 1)).sessionId("s" + (i / 100)).sequence(i)
                    .startNanos(TestCases.T0 + i * 1000L).kind(EventKind.MODEL_RESPONSE)
                    .text("synthetic event number " + i + " with some words about tools and prompts " + "lorem ipsum ".repeat(i % 20)).build());
        }
        return events;
    }

    /** Starts this class in a new JVM with the test classpath. */
    public static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-Dtracehound.indexCommitEvery=2500", "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's stdout until a line starts with {@code prefix}; fails if the child ends first. */
    public static String awaitLine(Process p, BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) return line;
        }
        throw new IllegalStateException("child ended before printing " + prefix + " (exit " + p.exitValue() + ")");
    }

    public static BufferedReader stdout(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}

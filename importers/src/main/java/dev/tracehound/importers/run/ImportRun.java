package dev.tracehound.importers.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.importers.FileHead;
import dev.tracehound.importers.FileHeads;
import dev.tracehound.importers.ImportSource;
import dev.tracehound.importers.Importer;
import dev.tracehound.importers.Importers;
import dev.tracehound.importers.read.DecompressionLimit;
import dev.tracehound.importers.read.EvidenceStreams;
import dev.tracehound.importers.read.Json;
import dev.tracehound.importers.read.TextCheck;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Ingest;
import dev.tracehound.timeline.store.IngestStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports files into a case, one after the other. Per file: sniff the head (binary garbage and unknown
 * formats stop here, before anything enters the case), copy and hash it into the evidence store (meanwhile the
 * importer's first pass, if it has one, reads the original: {@link PreReading}), then stream the <em>stored
 * copy</em> through the importer into the case's ingest and commit. A file whose
 * evidence is already complete is not read again. Cancelling (from any thread) stops between records:
 * what was read is flushed and stays, the evidence stays {@code IMPORTING}, and running the import again
 * completes it, adding only what is missing.
 */
public final class ImportRun {
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final Case targetCase;
    private final List<Path> files;
    private final String format;
    private final ImportListener listener;
    private Map<String, String> options = Map.of();
    private DecompressionLimit limit = DecompressionLimit.DEFAULT;
    private volatile boolean cancelled;

    public ImportRun(Case targetCase, List<Path> files, String formatOrNull, ImportListener listener) {
        this.targetCase = targetCase;
        this.files = List.copyOf(files);
        this.format = formatOrNull == null || formatOrNull.isBlank() ? null : formatOrNull.strip();
        this.listener = listener == null ? ImportListener.NONE : listener;
        if (format != null) Importers.byFormat(format); // fail fast on a misspelt format, before any file
    }

    /** Importer options such as the generic importer's {@code mapping}; validated by the importer. */
    public ImportRun options(Map<String, String> options) {
        this.options = Map.copyOf(options);
        return this;
    }

    /** The gzip bomb limit (tests use a small one). */
    public ImportRun decompressionLimit(DecompressionLimit limit) {
        this.limit = limit;
        return this;
    }

    /** Thread-safe: the running import stops after the current record. */
    public void cancel() {
        cancelled = true;
    }

    public List<ImportReport> run() {
        List<ImportReport> reports = new ArrayList<>();
        for (Path file : files) {
            if (cancelled) break;
            reports.add(importOne(file));
        }
        return reports;
    }

    private ImportReport importOne(Path file) {
        String actor = Actors.current();
        String name = file.toString();
        if (java.nio.file.Files.isDirectory(file)) {
            return failed(name, format, null, "cannot import " + name + ": it is a folder; import the files in it, for example "
                    + file.resolve("*.jsonl"));
        }
        FileHead head;
        try {
            head = FileHeads.read(file);
        } catch (IOException e) {
            return failed(name, format, null, "cannot read " + name + ": " + describe(e));
        }
        Optional<String> notText = TextCheck.whyNotText(head.bytes());
        if (notText.isPresent()) {
            return failed(name, format, null, "cannot import " + name + ": " + notText.get() + "; Tracehound imports text exports (JSON, JSONL, CSV)");
        }
        Importer importer;
        try {
            importer = (format != null ? Importers.byFormat(format) : Importers.detect(head)).configure(options);
        } catch (IllegalArgumentException e) {
            return failed(name, format, null, e.getMessage());
        }
        PreReading preReading = PreReading.start(importer, file, limit); // overlaps the copy below
        EvidenceRecord evidence;
        try {
            evidence = targetCase.evidence().add(file, importer.format());
        } catch (IOException e) {
            preReading.abandon();
            return failed(name, importer.format(), null, "cannot copy " + name + " into the case: " + describe(e));
        }
        if (evidence.complete()) {
            preReading.abandon();
            ImportReport report = new ImportReport(name, importer.format(), evidence.sha256(), 0, 0, 0, 0, 0, 0, List.of(), Map.of(),
                    true, false, null, "already imported into this case (evidence " + evidence.sha256().substring(0, 12) + "…); nothing added");
            audit(actor, report);
            return report;
        }
        if (!importer.format().equals(evidence.format())) {
            // an earlier run under another format did not finish: this run's format is the one to record
            evidence = new EvidenceRecord(evidence.sha256(), evidence.size(), evidence.originalPath(), importer.format(),
                    evidence.importedAt(), evidence.storedPath(), evidence.status());
        }
        ImportReport report = read(file, head, importer, evidence, actor, preReading);
        audit(actor, report);
        return report;
    }

    private ImportReport read(Path file, FileHead head, Importer importer, EvidenceRecord evidence, String actor, PreReading preReading) {
        String name = file.toString();
        String sha = evidence.sha256();
        ImportSource source = new ImportSource(sha, file.getFileName().toString(), evidence.size(),
                () -> EvidenceStreams.decoded(targetCase.evidence().open(sha), file.getFileName().toString(), limit),
                preReading.resultFor(sha));
        Progress progress = new Progress(file, evidence.size());
        String error = null;
        RecordingSink sink;
        Ingest ingest = targetCase.ingest(evidence, actor);
        try {
            sink = new RecordingSink(ingest::add, ingest::quarantine, () -> cancelled, progress::record);
            try {
                importer.read(source, sink);
            } catch (IOException | RuntimeException e) {
                error = "import of " + name + " stopped: " + describe(e);
            }
            if (error == null && format != null && sink.records() > 0 && sink.quarantined() == sink.records()) {
                // a forced format that fits no record: do not mark the evidence complete, so the right format can still import it
                error = "nothing imported from " + name + ": every record was quarantined as not " + importer.format();
            }
            if (error == null && !cancelled) {
                ingest.commit();
            } else {
                ingest.flush(); // keep what was read; the evidence stays IMPORTING so a re-run completes it
            }
        } finally {
            ingest.close(); // waits for batches in flight, so the counts below are final
        }
        IngestStats stats = ingest.stats();
        sink.idConflicts(stats.idConflicts(), ingest.idConflicts());
        progress.done(sink.records());
        String hint = wrongFormatHint(head, importer, sink, error != null);
        return new ImportReport(name, importer.format(), sha, sink.records(), sink.eventsRead(), stats.added(), stats.duplicates(),
                sink.quarantined(), sink.idConflicts(), sink.quarantineEntries(), sink.orderedWarnings(), false, cancelled, error, hint);
    }

    /** When a forced format rejected every record, or could not read the file at all, say which format the file looks like. */
    private String wrongFormatHint(FileHead head, Importer importer, RecordingSink sink, boolean stopped) {
        boolean nothingFitted = sink.quarantined() == sink.records() && (sink.records() > 0 || stopped);
        if (format == null || !nothingFitted) return null;
        String detected;
        try {
            detected = Importers.detect(head).format();
        } catch (IllegalArgumentException e) {
            detected = null;
        }
        if (detected == null) return "does not look like " + importer.format() + "; no format was recognised";
        if (detected.equals(importer.format())) return null;
        return "does not look like " + importer.format() + "; detected format would be " + detected + " (try --format " + detected + " or leave --format out)";
    }

    private ImportReport failed(String name, String formatName, String sha, String error) {
        return new ImportReport(name, formatName, sha, 0, 0, 0, 0, 0, 0, List.of(), Map.of(), false, false, error, null);
    }

    private void audit(String actor, ImportReport report) {
        ObjectNode details = Json.object();
        details.put("file", report.file());
        details.put("format", report.format());
        details.put("sha256", report.evidenceSha256());
        details.put("records", report.records());
        details.put("events", report.events());
        details.put("duplicates", report.duplicates());
        details.put("quarantined", report.quarantined());
        details.put("id_conflicts", report.idConflicts());
        details.put("already_imported", report.alreadyImported());
        details.put("cancelled", report.cancelled());
        if (report.error() != null) details.put("error", report.error());
        targetCase.audit().append(actor, "import", Json.write(details));
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Throttles progress to the listener (at most every 100 ms). */
    private final class Progress {
        private final Path file;
        private final long total;
        private final long started = System.nanoTime();
        private long lastReport;
        private long records;
        private long bytes;

        Progress(Path file, long total) {
            this.file = file;
            this.total = total;
        }

        void record(long bytesSoFar) {
            records++;
            bytes = bytesSoFar;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                lastReport = now;
                listener.progress(new ImportProgress(file, bytes, total, records, rate(now), false));
            }
        }

        void done(long finalRecords) {
            listener.progress(new ImportProgress(file, bytes, total, finalRecords, rate(System.nanoTime()), true));
        }

        private double rate(long now) {
            double seconds = (now - started) / 1e9;
            return seconds <= 0 ? 0 : records / seconds;
        }
    }
}

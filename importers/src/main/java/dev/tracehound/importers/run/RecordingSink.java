package dev.tracehound.importers.run;

import dev.tracehound.importers.EventSink;
import dev.tracehound.importers.read.JsonLines;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.store.IdConflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The sink of one import: passes events and quarantined records on (to the case's ingest, or a list in
 * tests) and counts what the report needs.
 */
public class RecordingSink implements EventSink {
    /** Receives quarantined records downstream, for example {@code Ingest::quarantine}. */
    @FunctionalInterface
    public interface QuarantineTarget {
        void quarantine(String locator, String reason, String excerpt);
    }

    private final Consumer<Event> events;
    private final QuarantineTarget quarantineTarget;
    private final BooleanSupplier cancelled;
    private final LongConsumer onRecord;
    private long records;
    private long eventsRead;
    private long quarantined;
    private long idConflicts;
    private final List<QuarantineEntry> quarantine = new ArrayList<>();
    private final Map<String, WarningSummary> warnings = new LinkedHashMap<>();

    public RecordingSink(Consumer<Event> events, QuarantineTarget quarantineTarget, BooleanSupplier cancelled, LongConsumer onRecord) {
        this.events = events;
        this.quarantineTarget = quarantineTarget;
        this.cancelled = cancelled;
        this.onRecord = onRecord;
    }

    @Override
    public void accept(Event event) {
        eventsRead++;
        events.accept(event);
    }

    @Override
    public void quarantine(String locator, String reason, String excerpt) {
        String shortExcerpt = JsonLines.Excerpts.of(excerpt);
        quarantined++;
        if (quarantine.size() < ImportReport.MAX_LISTED) quarantine.add(new QuarantineEntry(locator, reason, shortExcerpt));
        quarantineTarget.quarantine(locator, reason, shortExcerpt);
    }

    /**
     * Events the case quarantined itself after they were handed over, because their id is stored with other content
     * (it wrote their quarantine rows): counted as quarantined records (Tracehound JSONL, whose ids come from the
     * file, has one event per record), listed after the importer's entries, and warned about.
     */
    public void idConflicts(long count, List<IdConflict> listed) {
        if (count == 0) return;
        idConflicts += count;
        quarantined += count;
        for (IdConflict c : listed) {
            if (quarantine.size() < ImportReport.MAX_LISTED) quarantine.add(new QuarantineEntry(c.locator(), c.reason(), JsonLines.Excerpts.of(c.excerpt())));
        }
        IdConflict first = listed.getFirst();
        warnings.merge(IdConflict.WARNING, new WarningSummary(count, first.reason(), first.locator()),
                (old, added) -> new WarningSummary(old.count() + added.count(), old.firstMessage(), old.firstLocator()));
    }

    @Override
    public void warn(String code, String message, String locator) {
        warnings.merge(code, new WarningSummary(1, message, locator), (old, added) -> old.plusOne());
    }

    @Override
    public void recordRead(long bytesConsumedSoFar) {
        records++;
        onRecord.accept(bytesConsumedSoFar);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    public long records() {
        return records;
    }

    public long eventsRead() {
        return eventsRead;
    }

    public long quarantined() {
        return quarantined;
    }

    /** Events quarantined because their id is stored with other content; {@link #quarantined} includes them. */
    public long idConflicts() {
        return idConflicts;
    }

    public List<QuarantineEntry> quarantineEntries() {
        return List.copyOf(quarantine);
    }

    public Map<String, WarningSummary> warnings() {
        return Map.copyOf(warnings);
    }

    /** Warnings in the order first seen. */
    public Map<String, WarningSummary> orderedWarnings() {
        return new LinkedHashMap<>(warnings);
    }
}

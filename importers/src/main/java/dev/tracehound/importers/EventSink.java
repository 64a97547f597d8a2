package dev.tracehound.importers;

import dev.tracehound.timeline.event.Event;

/** Where an importer hands what it read. The import run counts everything, so the report adds up. */
public interface EventSink {

    void accept(Event event);

    /** A record that could not be turned into events: why, where (line, byte offset or JSON pointer) and a short excerpt. */
    void quarantine(String locator, String reason, String excerpt);

    /**
     * Something the investigator should know about (content not captured, times inferred, unknown attribute
     * family). Warnings with the same code are counted together in the report.
     */
    void warn(String code, String message, String locator);

    /** Called once per source record read, so progress and the report can count records. */
    void recordRead(long bytesConsumedSoFar);

    /** True once the user cancelled; importers check it between records and return early. */
    boolean cancelled();
}

package dev.tracehound.importers.run;

/** One record that could not be imported: where it is in the evidence, why, and up to 200 characters of it. */
public record QuarantineEntry(String locator, String reason, String excerpt) {}

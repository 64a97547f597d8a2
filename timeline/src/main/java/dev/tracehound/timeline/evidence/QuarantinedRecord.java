package dev.tracehound.timeline.evidence;

/**
 * A record of an evidence file that did not enter the case: where it is in the file, why it was set aside, and the
 * start of it as the import kept it (empty when the importer had none). Locator, reason and excerpt may all quote the
 * evidence, so they are hostile text like any other.
 */
public record QuarantinedRecord(String evidenceSha256, String locator, String reason, String excerpt) {}

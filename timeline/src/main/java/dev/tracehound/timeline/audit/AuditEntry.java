package dev.tracehound.timeline.audit;

import java.time.Instant;

/** One line of the append-only, hash-chained audit log. {@code hash = SHA-256(prevHash + canonical fields)}. */
public record AuditEntry(long seq, Instant time, String actor, String action, String details, String prevHash, String hash) {}

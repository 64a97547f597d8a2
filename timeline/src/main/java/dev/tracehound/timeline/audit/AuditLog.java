package dev.tracehound.timeline.audit;

import java.util.List;

/** Every action that changes a case appends one entry here. Entries are never updated or deleted. */
public interface AuditLog {

    /**
     * Appends an entry. {@code details} is a short JSON object or text describing the action; it must never
     * contain secrets such as API keys.
     */
    AuditEntry append(String actor, String action, String details);

    List<AuditEntry> entries();

    /**
     * Why the log no longer ends where its head record says (entries lost, the database replaced by an older copy,
     * the head deleted), or empty when it does. While it is not empty, {@link #append} refuses to write.
     */
    java.util.Optional<String> headProblem();
}

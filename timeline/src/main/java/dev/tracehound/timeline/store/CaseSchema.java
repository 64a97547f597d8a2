package dev.tracehound.timeline.store;

/**
 * The version of the on-disk case layout and database schema this build reads and writes. A case with a
 * newer version is refused (never silently downgraded); an older one goes through {@link #migrate} steps.
 */
public final class CaseSchema {
    private CaseSchema() {}

    /** Bump when the H2 schema or the index layout changes, and add a migration step from the previous version. */
    public static final int VERSION = 1;

    /** The Tracehound version that wrote a case (from the jar manifest; "dev" when run from classes). */
    public static String toolVersion() {
        String v = CaseSchema.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Upgrades a case from {@code fromVersion} to {@link #VERSION}. There are no older versions yet, so anything
     * else is unknown. Future steps go here, each one audited by the caller.
     */
    static void migrate(java.nio.file.Path dir, int fromVersion) {
        if (fromVersion == VERSION) return;
        if (fromVersion > VERSION) {
            throw new CaseException("The case at " + dir + " was written by a newer Tracehound (schema version " + fromVersion
                    + "; this version reads up to " + VERSION + "). Update Tracehound to open it; the case was not changed.");
        }
        throw new CaseException("The case at " + dir + " has schema version " + fromVersion
                + ", which this Tracehound does not know how to upgrade (it reads version " + VERSION
                + "). Open it with the Tracehound version that created it; the case was not changed.");
    }
}

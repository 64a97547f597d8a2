package dev.tracehound.timeline.store;

/**
 * The version of the on-disk case layout and database schema this build reads and writes. A case with a
 * newer version is refused (never silently downgraded); an older one is upgraded in place by {@link SchemaUpgrade}.
 */
public final class CaseSchema {
    private CaseSchema() {}

    /** Bump when the H2 schema or the index layout changes, and add a migration step from the previous version. */
    public static final int VERSION = 6;

    /**
     * The oldest version this build reads without upgrading it (what a read-only case needs): version 6 only added the
     * ingest sequence the session totals count up to, which only writers use.
     */
    static final int OLDEST_READ_AS_IS = 5;

    /** The Tracehound version that wrote a case (from the jar manifest; "dev" when run from classes). */
    public static String toolVersion() {
        String v = CaseSchema.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Refuses versions this build cannot open: newer ones (never silently downgraded) and unknown ones. Older known
     * versions pass; {@link SchemaUpgrade} brings them up to date once the case is locked.
     */
    static void check(java.nio.file.Path dir, int version) {
        if (version > VERSION) {
            throw new CaseException("The case at " + dir + " was written by a newer Tracehound (schema version " + version
                    + "; this version reads up to " + VERSION + "). Update Tracehound to open it; the case was not changed.");
        }
        if (version < 1) {
            throw new CaseException("The case at " + dir + " has schema version " + version
                    + ", which this Tracehound does not know how to upgrade (it reads versions 1 to " + VERSION
                    + "). Open it with the Tracehound version that created it; the case was not changed.");
        }
    }
}

package dev.tracehound.timeline.store;

import java.nio.file.Path;

/** Where each part of a case lives inside its folder. */
record CaseFolder(Path dir) {

    CaseFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    Path manifest() { return dir.resolve("case.json"); }

    Path lockFile() { return dir.resolve("case.lock"); }

    /** H2 appends {@code .mv.db} to this base name. */
    Path databaseBase() { return dir.resolve("case"); }

    Path databaseFile() { return dir.resolve("case.mv.db"); }

    Path index() { return dir.resolve("index"); }

    Path evidence() { return dir.resolve("evidence"); }

    Path exports() { return dir.resolve("exports"); }

    Path auditHead() { return dir.resolve("audit.head"); }
}

package dev.tracehound.timeline.bench;

/** Where the benchmark reports what it is doing; the CLI prints it, tests ignore it. */
@FunctionalInterface
public interface ProgressListener {
    void progress(String phase, long done, long total);

    ProgressListener NONE = (phase, done, total) -> {};
}

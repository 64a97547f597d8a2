package dev.tracehound.playbooks.run;

/** Steps done and skipped (on a branch not taken) out of all steps. */
public record Progress(int done, int skipped, int total) {
    public Progress plus(Progress other) {
        return new Progress(done + other.done, skipped + other.skipped, total + other.total);
    }

    public boolean complete() {
        return done + skipped >= total;
    }

    @Override
    public String toString() {
        return done + "/" + total + (skipped > 0 ? " (" + skipped + " skipped)" : "");
    }
}

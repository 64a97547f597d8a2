package dev.tracehound.app.ui.reporting;

import dev.tracehound.app.export.EventSelection;

/** Which events an event export from the Report tab holds. */
public enum EventScope {
    ALL("all events"),
    QUERY("the current query's result"),
    ANNOTATED("annotated events only");

    private final String label;

    EventScope(String label) {
        this.label = label;
    }

    /** @param query the query as the timeline ran it (with facets and time range); blank means every event */
    EventSelection selection(String query) {
        return switch (this) {
            case ALL -> EventSelection.all();
            case QUERY -> query == null || query.isBlank() || query.strip().equals("*:*") ? EventSelection.all() : EventSelection.query(query);
            case ANNOTATED -> EventSelection.annotated();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
